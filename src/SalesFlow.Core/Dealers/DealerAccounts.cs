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

    public static async Task<PriceContext> PriceContextAsync(SalesFlowDbContext db, Customer customer, DateOnly on, CancellationToken ct) =>
        PriceContextOf(customer, on, (await OfCustomerAsync(db, customer.Id, ct))?.Tier);

    public static PriceContext PriceContextOf(Customer customer, DateOnly on, DealerTier? tier) =>
        tier is { } t ? PriceContext.For(customer, SalesChannel.Dealer, on, t) : PriceContext.For(customer, SalesChannel.Direct, on);
}
