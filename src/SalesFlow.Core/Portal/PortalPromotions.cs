using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Promotions;

namespace SalesFlow.Core.Portal;

/// <summary>A campaign product as the dealer sees it: the announced terms and its own allocation and progress only.</summary>
public sealed record PortalPromotionProduct(
    Guid ProductId, string Sku, string NameZh, string NameEn, string Unit, decimal? DiscountPercent, string? Note,
    decimal Allocated, decimal SellInQuantity, decimal SellInAmount, decimal SellThrough, decimal? SellInPercent, decimal? SellThroughPercent);

/// <summary>A running campaign the dealer is allocated in (dealer-facing: no other dealer, no region, no internal trail).</summary>
public sealed record PortalPromotion(
    Guid Id, string Number, string Name, PromotionKind Kind, DateOnly StartDate, DateOnly EndDate, string? Terms,
    DateOnly SellThroughFrom, DateOnly SellThroughTo, IReadOnlyList<PortalPromotionProduct> Products);

/// <summary>The dealer's active campaigns with its own allocations, tracked by the same <see cref="PromotionTracking"/> as the internal page.</summary>
public sealed class PortalPromotionQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    /// <summary>How many running campaigns the portal lists at most (a dealer is in a handful at a time).</summary>
    public const int MaxCampaigns = 50;

    public async Task<Result<IReadOnlyList<PortalPromotion>>> ActiveAsync(Actor actor, CancellationToken ct)
    {
        if (PortalQueries.Check(actor) is { } denied)
        {
            return denied;
        }

        var dealerId = actor.DealerId!.Value;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var campaigns = await db.Promotions.AsNoTracking()
            .Where(p => p.Status == PromotionStatus.Active && db.PromotionAllocations.Any(a => a.PromotionId == p.Id && a.DealerId == dealerId))
            .OrderBy(p => p.StartDate).ThenBy(p => p.Id).Take(MaxCampaigns)
            .Select(p => new { p.Id, p.Number, p.Name, p.Kind, p.StartDate, p.EndDate, p.Terms }).ToListAsync(ct);
        var ids = campaigns.Select(c => c.Id).ToList();
        var terms = await db.PromotionProducts.AsNoTracking().Where(x => ids.Contains(x.PromotionId))
            .Select(x => new { x.PromotionId, x.ProductId, x.DiscountPercent, x.Note }).ToListAsync(ct);
        var own = db.PromotionAllocations.Where(a => a.DealerId == dealerId);
        var tracked = await PromotionTracking.LinesAsync(db, [.. campaigns.Select(c => new CampaignPeriod(c.Id, c.StartDate, c.EndDate))], own, ct);
        var result = campaigns.Select(c =>
        {
            var (from, to) = PromotionTracking.SellThroughMonths(c.StartDate, c.EndDate);
            var products = (tracked.GetValueOrDefault(c.Id) ?? []).Select(l =>
            {
                var t = terms.FirstOrDefault(x => x.PromotionId == c.Id && x.ProductId == l.ProductId);
                return new PortalPromotionProduct(
                    l.ProductId, l.Sku, l.ProductNameZh, l.ProductNameEn, l.Unit, t?.DiscountPercent, t?.Note,
                    l.Allocated, l.SellInQuantity, l.SellInAmount, l.SellThrough, l.SellInPercent, l.SellThroughPercent);
            }).ToList();
            return new PortalPromotion(c.Id, c.Number, c.Name, c.Kind, c.StartDate, c.EndDate, c.Terms, from, to.AddMonths(1).AddDays(-1), products);
        }).ToList();
        return result;
    }
}
