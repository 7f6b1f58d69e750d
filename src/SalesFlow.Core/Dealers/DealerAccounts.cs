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

    /// <summary>The tiers effective on a date of those of the customers that are dealer accounts, in one query.</summary>
    public static async Task<Dictionary<Guid, DealerTier>> TiersAsync(SalesFlowDbContext db, IReadOnlyCollection<Guid> customerIds, DateOnly on, CancellationToken ct)
    {
        var tierOn = TierOn(db, on);
        var dealer = tierOn.Parameters[0];
        var accountTier = Expression.Lambda<Func<Dealer, AccountTier>>(
            Expression.MemberInit(
                Expression.New(typeof(AccountTier)),
                Expression.Bind(typeof(AccountTier).GetProperty(nameof(AccountTier.CustomerId))!, Expression.Property(dealer, nameof(Dealer.CustomerId))),
                Expression.Bind(typeof(AccountTier).GetProperty(nameof(AccountTier.Tier))!, tierOn.Body)),
            dealer);
        return await db.Dealers.Where(d => EF.Parameter(customerIds).Contains(d.CustomerId)).Select(accountTier).ToDictionaryAsync(a => a.CustomerId, a => a.Tier!.Value, ct);
    }

    /// <summary>The dealers whose tier on a date is <paramref name="tier"/> (rebate policies limited to a tier count these).</summary>
    public static IQueryable<Guid> AtTier(SalesFlowDbContext db, DateOnly on, DealerTier tier)
    {
        var tierOn = TierOn(db, on);
        var matches = Expression.Lambda<Func<Dealer, bool>>(
            Expression.Equal(tierOn.Body, Expression.Constant((DealerTier?)tier, typeof(DealerTier?))), tierOn.Parameters);
        return db.Dealers.Where(matches).Select(d => d.Id);
    }

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

    /// <summary>Dealers whose stored tier is not the one in force on the date (an approved change has fallen due).</summary>
    public static Expression<Func<Dealer, bool>> TierDiffersOn(SalesFlowDbContext db, DateOnly on)
    {
        var tierOn = TierOn(db, on);
        var dealer = tierOn.Parameters[0];
        return Expression.Lambda<Func<Dealer, bool>>(
            Expression.NotEqual(tierOn.Body, Expression.Convert(Expression.Property(dealer, nameof(Dealer.Tier)), typeof(DealerTier?))), dealer);
    }

    private sealed class AccountTier
    {
        public Guid CustomerId { get; init; }

        public DealerTier? Tier { get; init; }
    }

    public static PriceContext PriceContextOf(Customer customer, DateOnly on, DealerTier? tier) =>
        tier is { } t ? PriceContext.For(customer, SalesChannel.Dealer, on, t) : PriceContext.For(customer, SalesChannel.Direct, on);
}
