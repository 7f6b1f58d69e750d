using SalesFlow.Core.Common;

namespace SalesFlow.Core.Catalog.Prices;

/// <summary>How far each role may discount without approval (PRODUCT.md §5), in percent. Section <c>Discounts</c>.</summary>
public sealed class DiscountOptions
{
    public decimal SalesRepPercent { get; set; } = 5m;

    public decimal ManagerPercent { get; set; } = 10m;

    public decimal DirectorPercent { get; set; } = 20m;
}

/// <summary>The result of checking one line's discount: whether the actor may give it, and who else could.</summary>
public sealed record DiscountCheck(decimal DiscountPercent, decimal ActorLimitPercent, bool BelowFloor, bool NeedsApproval, string? ApproverRole);

/// <summary>
/// The one discount rule: a line within the actor's limit and not below the floor price needs nobody; otherwise it
/// needs approval from the lowest role whose limit covers it (a price below the floor always goes to the director).
/// Supervisors have the rep's limit; a discount above the director's limit is refused outright by the callers.
/// </summary>
public sealed class DiscountAuthority(DiscountOptions options)
{
    public decimal LimitOf(Actor actor) =>
        actor.Roles.Contains(Roles.Director) ? options.DirectorPercent
        : actor.Roles.Contains(Roles.RegionalManager) ? options.ManagerPercent
        : options.SalesRepPercent;

    public decimal MaximumPercent => options.DirectorPercent;

    public DiscountCheck Check(Actor actor, decimal discountPercent, decimal netUnitPrice, decimal? floorPrice)
    {
        var limit = LimitOf(actor);
        var belowFloor = floorPrice is { } floor && netUnitPrice < floor;
        var withinLimit = discountPercent <= limit;
        if (withinLimit && !belowFloor)
        {
            return new DiscountCheck(discountPercent, limit, false, false, null);
        }

        var approver = belowFloor || discountPercent > options.ManagerPercent ? Roles.Director : Roles.RegionalManager;
        return new DiscountCheck(discountPercent, limit, belowFloor, true, approver);
    }
}
