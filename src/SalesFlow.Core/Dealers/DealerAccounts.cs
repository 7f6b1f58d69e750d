using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers;

/// <summary>
/// A dealer buys through its customer account. This is the one place that turns "this customer" into "this dealer":
/// which dealer an order belongs to, and which prices apply (a dealer account buys on the dealer channel at its tier,
/// every other customer direct). Orders, quotes, plans and the price lookup all ask here.
/// </summary>
public static class DealerAccounts
{
    public sealed record Account(Guid DealerId, DealerTier Tier, DealerStatus Status);

    public static Task<Account?> OfCustomerAsync(SalesFlowDbContext db, Guid customerId, CancellationToken ct) =>
        db.Dealers.Where(d => d.CustomerId == customerId).Select(d => new Account(d.Id, d.Tier, d.Status)).FirstOrDefaultAsync(ct);

    /// <summary>The dealer tiers of those of the customers that are dealer accounts, in one query.</summary>
    public static Task<Dictionary<Guid, DealerTier>> TiersAsync(SalesFlowDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken ct) =>
        db.Dealers.Where(d => customerIds.Contains(d.CustomerId)).ToDictionaryAsync(d => d.CustomerId, d => d.Tier, ct);

    /// <summary>Prices on a date: a dealer account at the tier effective on that date (<see cref="TierOn"/>), in one query.</summary>
    public static async Task<PriceContext> PriceContextAsync(SalesFlowDbContext db, Customer customer, DateOnly on, CancellationToken ct) =>
        PriceContextOf(customer, on, await db.Dealers.Where(d => d.CustomerId == customer.Id).Select(TierOn(db, on)).FirstOrDefaultAsync(ct));

    /// <summary>
    /// The tier effective on a day: the target of the latest approved change effective on or before it; before the first
    /// approved change, the tier that change started from; without approved changes, the dealer's tier.
    /// </summary>
    public static Expression<Func<Dealer, DealerTier?>> TierOn(SalesFlowDbContext db, DateOnly on) => d =>
        db.DealerTierChanges.Where(c => c.DealerId == d.Id && c.Status == TierChangeStatus.Approved && c.EffectiveOn <= on)
            .OrderByDescending(c => c.EffectiveOn).ThenByDescending(c => c.DecidedAtUtc).Select(c => (DealerTier?)c.ToTier).FirstOrDefault()
        ?? db.DealerTierChanges.Where(c => c.DealerId == d.Id && c.Status == TierChangeStatus.Approved && c.EffectiveOn > on)
            .OrderBy(c => c.EffectiveOn).ThenBy(c => c.DecidedAtUtc).Select(c => (DealerTier?)c.FromTier).FirstOrDefault()
        ?? (DealerTier?)d.Tier;

    public static PriceContext PriceContextOf(Customer customer, DateOnly on, DealerTier? tier) =>
        tier is { } t ? PriceContext.For(customer, SalesChannel.Dealer, on, t) : PriceContext.For(customer, SalesChannel.Direct, on);
}
