using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Planning.Targets;

/// <summary>What a target counts (PRODUCT.md §2). Actuals for each come from <see cref="Actuals.SalesActuals"/>.</summary>
public enum TargetMeasure
{
    /// <summary>销售额: net (ex-tax) amount of booked order lines, by order date.</summary>
    Revenue,

    /// <summary>销量: base-unit quantity of booked order lines, for one product or one product line.</summary>
    Quantity,

    /// <summary>新客户: customers created in the period.</summary>
    NewCustomers,

    /// <summary>回款: receipts by receipt date.</summary>
    Collections,

    /// <summary>市场占有率 in percent; there is no market data yet, so it has a target but no actual.</summary>
    MarketShare,
}

public enum TargetOwnerType
{
    OrgUnit,
    Employee,
    Dealer,
    Store,
}

/// <summary>How a target came to be: set by hand, one share of its parent's split, or one period of its parent's phasing.</summary>
public enum TargetOrigin
{
    Set,
    Split,
    Phased,
}

public enum SplitMethod
{
    Manual,
    Equal,
    LastYearShare,
}

public enum PhasingMethod
{
    Equal,
    LastYearSeasonality,
    Manual,
}

/// <summary>
/// A target (销售目标): an amount of one measure for one owner in one period. A split makes children for the owners one
/// level down the tree (same period); a phasing makes children for the same owner in shorter periods. Either set of
/// children sums exactly to the parent. <see cref="OrgUnitId"/> is the unit the target is scoped by: the owner itself
/// for an org unit, the owner's unit (when set) for a person, dealer or store.
/// </summary>
public sealed class Target : IHasId, IAudited, IVersioned
{
    public const int PeriodMaxLength = 7;
    public const int ProductLineMaxLength = Catalog.Products.Product.LineMaxLength;
    public const int ReasonMaxLength = 500;

    private Target()
    {
    }

    public Target(Period period, TargetMeasure measure, string productLine, Guid? productId, TargetOwnerType ownerType, Guid ownerId, Guid orgUnitId, decimal amount)
    {
        Id = Guid.CreateVersion7();
        PeriodKind = period.Kind;
        Period = period.ToString();
        PeriodStart = period.Start;
        PeriodEnd = period.End;
        Measure = measure;
        ProductLine = productLine;
        ProductId = productId;
        OwnerType = ownerType;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Amount = amount;
        Origin = TargetOrigin.Set;
    }

    public Guid Id { get; private set; }

    public PeriodKind PeriodKind { get; private set; }

    /// <summary>As API.md writes it: <c>2027</c>, <c>2027-Q3</c>, <c>2027-07</c>.</summary>
    public string Period { get; private set; } = "";

    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    public TargetMeasure Measure { get; private set; }

    /// <summary>The product line a quantity or revenue target is limited to; empty for all lines.</summary>
    public string ProductLine { get; private set; } = "";

    /// <summary>The one product a quantity target counts; null for all products (of <see cref="ProductLine"/>).</summary>
    public Guid? ProductId { get; private set; }

    public TargetOwnerType OwnerType { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid? ParentId { get; private set; }

    public TargetOrigin Origin { get; private set; }

    /// <summary>How the split children were made, null while it has none.</summary>
    public SplitMethod? SplitMethod { get; private set; }

    /// <summary>How the phased children were made, null while it has none.</summary>
    public PhasingMethod? PhasingMethod { get; private set; }

    public decimal Amount { get; private set; }

    /// <summary>A locked target (and so its split) cannot change until it is re-opened.</summary>
    public bool IsLocked { get; private set; }

    /// <summary>Why the last change was made; the audit trail keeps every earlier reason with who and when.</summary>
    public string? ChangeReason { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public Period PeriodValue => Planning.Period.Parse(Period);

    /// <summary>A target is changed only by hand at the top; a share or a phase changes only by re-dividing its parent.</summary>
    public Result ChangeAmount(decimal amount, string reason)
    {
        if (IsLocked)
        {
            return TargetErrors.Locked;
        }

        if (ParentId is not null)
        {
            return TargetErrors.ChangeThroughParent;
        }

        if (amount < 0)
        {
            return TargetErrors.NegativeAmount;
        }

        Amount = amount;
        ChangeReason = reason;
        return Result.Ok();
    }

    /// <summary>A locked target cannot change, be split, phased or re-split until it is re-opened.</summary>
    public Result Lock(string? reason)
    {
        if (IsLocked)
        {
            return TargetErrors.AlreadyLocked;
        }

        IsLocked = true;
        ChangeReason = reason;
        return Result.Ok();
    }

    public Result Reopen(string reason)
    {
        if (!IsLocked)
        {
            return TargetErrors.NotLocked;
        }

        IsLocked = false;
        ChangeReason = reason;
        return Result.Ok();
    }

    /// <summary>Whether this target may be divided (split or phased) now.</summary>
    public Result CanDivide() => IsLocked ? TargetErrors.Locked : Result.Ok();

    internal Target ChildFor(TargetOrigin origin, Period period, TargetOwnerType ownerType, Guid ownerId, Guid orgUnitId, decimal amount, string? reason) =>
        new(period, Measure, ProductLine, ProductId, ownerType, ownerId, orgUnitId, amount)
        {
            ParentId = Id,
            Origin = origin,
            ChangeReason = reason,
        };

    /// <summary>The parent re-divided: this share or phase gets its new amount.</summary>
    internal void TakeShare(decimal amount, string? reason)
    {
        if (amount != Amount)
        {
            Amount = amount;
            ChangeReason = reason;
        }
    }

    internal void Note(string? reason) => ChangeReason = reason;

    internal void MarkSplit(SplitMethod method, string? reason)
    {
        SplitMethod = method;
        ChangeReason = reason;
    }

    internal void MarkPhased(PhasingMethod method, string? reason)
    {
        PhasingMethod = method;
        ChangeReason = reason;
    }
}
