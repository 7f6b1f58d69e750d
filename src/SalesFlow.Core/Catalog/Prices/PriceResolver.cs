using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Catalog.Prices;

/// <summary>Who buys, through which channel, on which day: the segment a price is looked up for.</summary>
public sealed record PriceContext(DateOnly On, Guid? RegionId, SalesChannel Channel, CustomerType? CustomerGroup, DealerTier? DealerTier)
{
    public static PriceContext For(Customer customer, SalesChannel channel, DateOnly on, DealerTier? dealerTier = null) =>
        new(on, customer.RegionId, channel, customer.Type, dealerTier);
}

/// <summary>The list price that applies to one product and quantity, and the floor below which approval is needed.</summary>
public sealed record ResolvedPrice(
    Guid ProductId, Guid PriceListId, string PriceListCode, decimal MinQuantity, decimal UnitPrice, decimal? FloorPrice, string Currency);

/// <summary>
/// The one place a list price is found (ADR-006). A list applies when it is active, valid on the day, and each of its
/// segment fields (region, channel, customer group, dealer tier) is empty or equal to the buyer's. Among the lists that
/// price the product at the quantity (a list without it falls through to the next), the most specific wins — dealer tier weighs more than customer group, customer group more than
/// region, region more than channel (so any list naming the tier beats every list that does not) — then the later
/// <c>ValidFrom</c>, then the code. Inside the winning list the quantity break is the highest minimum quantity not
/// above the ordered quantity. All products of a document are resolved with one query.
/// </summary>
public static class PriceResolver
{
    public static async Task<ResolvedPrice?> ResolveAsync(
        SalesFlowDbContext db, PriceContext context, Guid productId, decimal quantity, CancellationToken ct)
    {
        var prices = await ResolveAsync(db, context, [(productId, quantity)], ct);
        return prices[0];
    }

    /// <summary>Resolves each (product, base quantity) line; the answer has one entry per line, in order, null where no list prices it.</summary>
    public static async Task<IReadOnlyList<ResolvedPrice?>> ResolveAsync(
        SalesFlowDbContext db, PriceContext context, IReadOnlyList<(Guid ProductId, decimal Quantity)> lines, CancellationToken ct)
    {
        var productIds = lines.Select(l => l.ProductId).Distinct().ToList();
        var day = context.On;
        var candidates = await (
                from item in db.Set<PriceListItem>()
                join list in db.Set<PriceList>() on item.PriceListId equals list.Id
                where productIds.Contains(item.ProductId)
                      && list.Status == PriceListStatus.Active
                      && list.ValidFrom <= day && (list.ValidTo == null || list.ValidTo >= day)
                      && (list.RegionId == null || list.RegionId == context.RegionId)
                      && (list.Channel == null || list.Channel == context.Channel)
                      && (list.CustomerGroup == null || list.CustomerGroup == context.CustomerGroup)
                      && (list.DealerTier == null || list.DealerTier == context.DealerTier)
                select new Candidate(
                    item.ProductId, list.Id, list.Code, list.Currency, list.ValidFrom,
                    Specificity(list.RegionId != null, list.Channel != null, list.CustomerGroup != null, list.DealerTier != null),
                    item.MinQuantity, item.UnitPrice, item.FloorPrice))
            .AsNoTracking()
            .ToListAsync(ct);

        var byProduct = candidates.ToLookup(c => c.ProductId);
        return lines.Select(line => Pick(byProduct[line.ProductId], line.Quantity)).ToList();
    }

    private static ResolvedPrice? Pick(IEnumerable<Candidate> candidates, decimal quantity)
    {
        var best = candidates
            .Where(c => c.MinQuantity <= quantity)
            .OrderByDescending(c => c.Specificity)
            .ThenByDescending(c => c.ValidFrom)
            .ThenBy(c => c.Code, StringComparer.Ordinal)
            .ThenByDescending(c => c.MinQuantity)
            .FirstOrDefault();
        return best is null
            ? null
            : new ResolvedPrice(best.ProductId, best.PriceListId, best.Code, best.MinQuantity, best.UnitPrice, best.FloorPrice, best.Currency);
    }

    // Bits, so one named dimension outranks every combination of the dimensions below it.
    private static int Specificity(bool region, bool channel, bool customerGroup, bool dealerTier) =>
        (dealerTier ? 8 : 0) + (customerGroup ? 4 : 0) + (region ? 2 : 0) + (channel ? 1 : 0);

    private sealed record Candidate(
        Guid ProductId, Guid PriceListId, string Code, string Currency, DateOnly ValidFrom, int Specificity,
        decimal MinQuantity, decimal UnitPrice, decimal? FloorPrice);
}
