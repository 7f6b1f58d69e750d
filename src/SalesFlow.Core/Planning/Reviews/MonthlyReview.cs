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

    public bool IsEditable => Status is ReviewStatus.Draft or ReviewStatus.Returned;

    /// <summary>
    /// (Re)fills the lines from the approved plan and the transactions; the owner's comments stay on the customer × product
    /// they were written for. Only while the owner holds the review.
    /// </summary>
    public Result Fill(Guid? planId, IEnumerable<MonthlyReviewLine> lines)
    {
        if (!IsEditable)
        {
            return ReviewErrors.NotEditable(Status);
        }

        var comments = _lines.Where(l => l.Comment is not null).ToDictionary(l => (l.CustomerId, l.ProductId), l => l.Comment);
        _lines.Clear();
        foreach (var line in lines)
        {
            line.Comment = comments.GetValueOrDefault((line.CustomerId, line.ProductId));
            _lines.Add(line);
        }

        PlanId = planId;
        PlannedAmount = _lines.Sum(l => l.PlannedAmount);
        ActualAmount = _lines.Sum(l => l.ActualAmount);
        return Result.Ok();
    }

    /// <summary>The owner's analysis: variance reasons, competitor moves, next steps and a comment per line (by line id).</summary>
    public Result Write(string? varianceReasons, string? competitorMoves, string? nextSteps, IReadOnlyDictionary<Guid, string?> lineComments)
    {
        if (!IsEditable)
        {
            return ReviewErrors.NotEditable(Status);
        }

        VarianceReasons = Clean(varianceReasons);
        CompetitorMoves = Clean(competitorMoves);
        NextSteps = Clean(nextSteps);
        foreach (var line in _lines)
        {
            if (lineComments.TryGetValue(line.Id, out var comment))
            {
                line.Comment = Clean(comment);
            }
        }

        return Result.Ok();
    }

    /// <summary>Whether actual and plan differ by more than <paramref name="thresholdPercent"/> % of the plan (any actual against no plan does).</summary>
    public bool VarianceAbove(decimal thresholdPercent) =>
        PlannedAmount == 0m ? ActualAmount != 0m : Math.Abs(ActualAmount - PlannedAmount) * 100m > PlannedAmount * thresholdPercent;

    /// <summary>Hands the review to the manager on company date <paramref name="today"/>; the first submission decides <see cref="SubmittedLate"/>.</summary>
    public Result Submit(DateOnly today, decimal varianceThresholdPercent)
    {
        if (!IsEditable)
        {
            return ReviewErrors.NotEditable(Status);
        }

        if (VarianceAbove(varianceThresholdPercent) && VarianceReasons is null)
        {
            return ReviewErrors.VarianceReasonRequired(varianceThresholdPercent);
        }

        if (SubmittedOn is null)
        {
            SubmittedLate = PlanningDeadlines.IsLate(DueDate, today);
        }

        SubmittedOn = today;
        Status = ReviewStatus.Submitted;
        return Result.Ok();
    }

    public Result SignOff(string decidedBy, DateTime atUtc, string? comment) => Decide(ReviewStatus.SignedOff, decidedBy, atUtc, comment);

    public Result Return(string decidedBy, DateTime atUtc, string? comment) =>
        string.IsNullOrWhiteSpace(comment) && Status == ReviewStatus.Submitted ? ReviewErrors.CommentRequired : Decide(ReviewStatus.Returned, decidedBy, atUtc, comment);

    private Result Decide(ReviewStatus to, string decidedBy, DateTime atUtc, string? comment)
    {
        if (Status != ReviewStatus.Submitted)
        {
            return ReviewErrors.NotSubmitted(Status);
        }

        if (comment is { Length: > CommentMaxLength })
        {
            return Error.Invalid("comment", "maxLength", ("max", CommentMaxLength));
        }

        Status = to;
        ManagerComment = Clean(comment);
        DecidedBy = decidedBy;
        DecidedAtUtc = atUtc;
        return Result.Ok();
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
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

    public string? Comment { get; internal set; }
}
