using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Planning.Plans;

public enum PlanStatus
{
    Draft,
    Submitted,
    Returned,
    Approved,
}

/// <summary>
/// 客户销售计划表: one owner's plan for one month, by customer and product, with new products and promotions. Due by
/// the 25th of the month before (<see cref="PlanningDeadlines.PlanDue"/>); the manager approves it or returns it with a
/// comment. <see cref="OrgUnitId"/> is the owner's unit when the plan was made (its scope and roll-up node).
/// </summary>
public sealed class MonthlyPlan : IHasId, IAudited, IVersioned
{
    public const int NotesMaxLength = 2000;
    public const int CommentMaxLength = 1000;
    public const int MaxLines = 500;

    private readonly List<MonthlyPlanLine> _lines = [];

    private MonthlyPlan()
    {
    }

    public MonthlyPlan(Period month, PlanOwnerType ownerType, Guid ownerId, Guid orgUnitId)
    {
        Id = Guid.CreateVersion7();
        Month = month.ToString();
        MonthStart = month.Start;
        OwnerType = ownerType;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        DueDate = PlanningDeadlines.PlanDue(month);
        Status = PlanStatus.Draft;
    }

    public Guid Id { get; private set; }

    /// <summary><c>2027-01</c>.</summary>
    public string Month { get; private set; } = "";

    public DateOnly MonthStart { get; private set; }

    public PlanOwnerType OwnerType { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public PlanStatus Status { get; private set; }

    public DateOnly DueDate { get; private set; }

    /// <summary>Company date of the last submission.</summary>
    public DateOnly? SubmittedOn { get; private set; }

    /// <summary>The first submission came after <see cref="DueDate"/>.</summary>
    public bool SubmittedLate { get; private set; }

    /// <summary>New products, promotions and anything else the owner plans beyond the lines.</summary>
    public string? Notes { get; private set; }

    /// <summary>The manager's comment on the last decision (required when returning).</summary>
    public string? ManagerComment { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    /// <summary>Sum of the lines' amounts.</summary>
    public decimal TotalAmount { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<MonthlyPlanLine> Lines => _lines;

    /// <summary>Lines and notes change only while the owner holds the plan (a draft, or returned for rework).</summary>
    public bool IsEditable => Status is PlanStatus.Draft or PlanStatus.Returned;

    /// <summary>Replaces the notes and lines (positions renumbered); the total is the sum of the lines' rounded amounts.</summary>
    public Result Edit(string? notes, IEnumerable<MonthlyPlanLine> lines)
    {
        if (!IsEditable)
        {
            return PlanErrors.NotEditable(Status);
        }

        var list = lines.ToList();
        if (list.Count > MaxLines)
        {
            return Error.Invalid("lines", "maxLength", ("max", MaxLines));
        }

        Notes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        _lines.Clear();
        var position = 0;
        foreach (var line in list)
        {
            line.Renumber(++position);
            _lines.Add(line);
        }

        TotalAmount = _lines.Sum(l => l.Amount);
        return Result.Ok();
    }

    /// <summary>
    /// Hands the plan to the manager on company date <paramref name="today"/>. The first submission decides
    /// <see cref="SubmittedLate"/>: a plan sent on time, returned and re-sent after the due day stays on time.
    /// </summary>
    public Result Submit(DateOnly today)
    {
        if (!IsEditable)
        {
            return PlanErrors.NotEditable(Status);
        }

        if (_lines.Count == 0)
        {
            return PlanErrors.NoLines;
        }

        if (SubmittedOn is null)
        {
            SubmittedLate = PlanningDeadlines.IsLate(DueDate, today);
        }

        SubmittedOn = today;
        Status = PlanStatus.Submitted;
        return Result.Ok();
    }

    /// <summary>Final: an approved plan counts as "planned" and is not edited again.</summary>
    public Result Approve(string decidedBy, DateTime atUtc, string? comment)
    {
        if (Status != PlanStatus.Submitted)
        {
            return PlanErrors.NotSubmitted(Status);
        }

        if (comment is { Length: > CommentMaxLength })
        {
            return Error.Invalid("comment", "maxLength", ("max", CommentMaxLength));
        }

        Status = PlanStatus.Approved;
        ManagerComment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        DecidedBy = decidedBy;
        DecidedAtUtc = atUtc;
        return Result.Ok();
    }

    /// <summary>Back to the owner for rework, with the manager's reason (required).</summary>
    public Result Return(string decidedBy, DateTime atUtc, string? comment)
    {
        if (Status != PlanStatus.Submitted)
        {
            return PlanErrors.NotSubmitted(Status);
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return PlanErrors.CommentRequired;
        }

        if (comment.Length > CommentMaxLength)
        {
            return Error.Invalid("comment", "maxLength", ("max", CommentMaxLength));
        }

        Status = PlanStatus.Returned;
        ManagerComment = comment.Trim();
        DecidedBy = decidedBy;
        DecidedAtUtc = atUtc;
        return Result.Ok();
    }
}

/// <summary>One planned customer × product: quantity in the product's base unit and the planned net amount.</summary>
public sealed class MonthlyPlanLine
{
    public const int PromotionMaxLength = 200;
    public const int NoteMaxLength = 500;

    private MonthlyPlanLine()
    {
    }

    public MonthlyPlanLine(
        int position, Guid? customerId, Guid productId, string productLine, decimal quantity, string unit, decimal unitPrice, decimal amount, bool isNewProduct, string? promotion, string? note,
        bool isPromotionPrice = false)
    {
        IsPromotionPrice = isPromotionPrice;
        Id = Guid.CreateVersion7();
        Position = position;
        CustomerId = customerId;
        ProductId = productId;
        ProductLine = productLine;
        Quantity = quantity;
        Unit = unit;
        UnitPrice = unitPrice;
        Amount = amount;
        IsNewProduct = isNewProduct;
        Promotion = promotion;
        Note = note;
    }

    public Guid Id { get; private set; }

    public Guid PlanId { get; private set; }

    public int Position { get; private set; }

    /// <summary>Null for volume not tied to one customer (e.g. a promotion's expected new buyers).</summary>
    public Guid? CustomerId { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>Copied from the product so plans roll up per product line without a join.</summary>
    public string ProductLine { get; private set; } = "";

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal UnitPrice { get; private set; }

    public decimal Amount { get; private set; }

    public bool IsNewProduct { get; private set; }

    public string? Promotion { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The owner gave <see cref="UnitPrice"/> (a promotion price) instead of the price list's.</summary>
    public bool IsPromotionPrice { get; private set; }

    internal void Renumber(int position) => Position = position;
}
