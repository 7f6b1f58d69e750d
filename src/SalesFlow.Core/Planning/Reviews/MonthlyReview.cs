using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Planning.Reviews;

public enum ReviewStatus
{
    Draft,
    Submitted,
    Returned,
    SignedOff,
}

/// <summary>
/// 销售回顾: one owner's review of one month, due by the 3rd of the month after (<see cref="PlanningDeadlines.ReviewDue"/>).
/// The lines (plan vs. actual per customer × product) are filled from the approved plan and the transactions, never
/// typed; the owner writes the analysis and the manager signs it off (or returns it).
/// </summary>
public sealed class MonthlyReview : IHasId, IAudited, IVersioned
{
    public const int TextMaxLength = 4000;
    public const int CommentMaxLength = 1000;

    private readonly List<MonthlyReviewLine> _lines = [];

    private MonthlyReview()
    {
    }

    public MonthlyReview(Period month, PlanOwnerType ownerType, Guid ownerId, Guid orgUnitId, Guid? planId)
    {
        Id = Guid.CreateVersion7();
        Month = month.ToString();
        MonthStart = month.Start;
        OwnerType = ownerType;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        PlanId = planId;
        DueDate = PlanningDeadlines.ReviewDue(month);
        Status = ReviewStatus.Draft;
    }

    public Guid Id { get; private set; }

    public string Month { get; private set; } = "";

    public DateOnly MonthStart { get; private set; }

    public PlanOwnerType OwnerType { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    /// <summary>The month's plan the lines compare against, if the owner had one.</summary>
    public Guid? PlanId { get; private set; }

    public ReviewStatus Status { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateOnly? SubmittedOn { get; private set; }

    public bool SubmittedLate { get; private set; }

    public decimal PlannedAmount { get; private set; }

    /// <summary>The month's actual when the lines were last filled.</summary>
    public decimal ActualAmount { get; private set; }

    /// <summary>差异原因.</summary>
    public string? VarianceReasons { get; private set; }

    /// <summary>竞争对手动态.</summary>
    public string? CompetitorMoves { get; private set; }

    /// <summary>下一步计划.</summary>
    public string? NextSteps { get; private set; }

    public string? ManagerComment { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<MonthlyReviewLine> Lines => _lines;
}

/// <summary>Plan vs. actual for one customer × product of the month, with the owner's comment on it.</summary>
public sealed class MonthlyReviewLine
{
    public const int CommentMaxLength = 500;

    private MonthlyReviewLine()
    {
    }

    public MonthlyReviewLine(Guid? customerId, Guid productId, decimal plannedQuantity, decimal plannedAmount, decimal actualQuantity, decimal actualAmount)
    {
        Id = Guid.CreateVersion7();
        CustomerId = customerId;
        ProductId = productId;
        PlannedQuantity = plannedQuantity;
        PlannedAmount = plannedAmount;
        ActualQuantity = actualQuantity;
        ActualAmount = actualAmount;
    }

    public Guid Id { get; private set; }

    public Guid ReviewId { get; private set; }

    public Guid? CustomerId { get; private set; }

    public Guid ProductId { get; private set; }

    public decimal PlannedQuantity { get; private set; }

    public decimal PlannedAmount { get; private set; }

    public decimal ActualQuantity { get; private set; }

    public decimal ActualAmount { get; private set; }

    public string? Comment { get; private set; }
}
