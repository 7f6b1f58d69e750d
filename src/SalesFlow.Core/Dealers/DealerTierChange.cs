using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers;

public enum TierChangeStatus
{
    Pending,
    Approved,
    Rejected,
}

/// <summary>
/// A request to move a dealer to another tier from a date (PRODUCT.md §8: tiers decide the price list and discount).
/// The director approves or rejects it; once approved, the tier holds from <see cref="EffectiveOn"/>: pricing asks
/// <see cref="DealerAccounts"/> for the tier effective on the pricing date.
/// </summary>
public sealed class DealerTierChange : IHasId, IAudited, IVersioned
{
    private DealerTierChange()
    {
    }

    public DealerTierChange(Guid dealerId, DealerTier fromTier, DealerTier toTier, DateOnly effectiveOn, string reason)
    {
        Id = Guid.CreateVersion7();
        DealerId = dealerId;
        FromTier = fromTier;
        ToTier = toTier;
        EffectiveOn = effectiveOn;
        Reason = reason;
        Status = TierChangeStatus.Pending;
    }

    public Guid Id { get; private set; }

    public Guid DealerId { get; private set; }

    public DealerTier FromTier { get; private set; }

    public DealerTier ToTier { get; private set; }

    public DateOnly EffectiveOn { get; private set; }

    public string Reason { get; private set; } = "";

    public TierChangeStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAtUtc { get; private set; }

    public string? DecisionNote { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public Result Decide(bool approve, string by, DateTime atUtc, string? note)
    {
        if (Status != TierChangeStatus.Pending)
        {
            return Error.Conflict("tier.notPending", $"The tier change is already {Status}.", ("tierChangeStatus", Status.ToString()));
        }

        Status = approve ? TierChangeStatus.Approved : TierChangeStatus.Rejected;
        DecidedBy = by;
        DecidedAtUtc = atUtc;
        DecisionNote = note;
        return Result.Ok();
    }
}
