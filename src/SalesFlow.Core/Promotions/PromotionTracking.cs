using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.StockReports;

namespace SalesFlow.Core.Promotions;

/// <summary>One allocation with what happened against it: quantities in the product's base unit, amounts net of tax.</summary>
public sealed record PromotionTrackingLine(
    Guid DealerId, string DealerCode, string DealerName, Guid ProductId, string Sku, string ProductNameZh, string ProductNameEn, string Unit,
    decimal Allocated, decimal SellInQuantity, decimal SellInAmount, decimal SellThrough, decimal? SellInPercent, decimal? SellThroughPercent, bool Reached);

public sealed record PromotionTrackingProduct(
    Guid ProductId, string Sku, string ProductNameZh, string ProductNameEn, string Unit, int Dealers, int Reached,
    decimal Allocated, decimal SellInQuantity, decimal SellInAmount, decimal SellThrough, decimal? SellInPercent, decimal? SellThroughPercent);

/// <summary>A dealer's campaign standing; quantities of different products are not added up (units differ), so a dealer shows amount and allocations reached.</summary>
public sealed record PromotionTrackingDealer(Guid DealerId, string DealerCode, string DealerName, int Lines, int Reached, decimal SellInAmount);

public sealed record PromotionTrackingTotals(int Dealers, int Lines, int Reached, decimal SellInAmount);

/// <summary>
/// Tracking of a campaign. Sell-in is <see cref="SalesActuals.Sales"/> (booked orders by order date, net of tax, base units)
/// inside the period for each allocated dealer and product; sell-through is the dealers' submitted stock reports'
/// <see cref="StockReportLine.Sales"/> of the months overlapping the period (stock reports are monthly, so a period that
/// starts or ends inside a month counts that whole month).
/// </summary>
public sealed record PromotionTrackingReport(
    Guid PromotionId, DateOnly StartDate, DateOnly EndDate, DateOnly SellThroughFrom, DateOnly SellThroughTo,
    IReadOnlyList<PromotionTrackingLine> Lines, IReadOnlyList<PromotionTrackingProduct> Products, IReadOnlyList<PromotionTrackingDealer> Dealers,
    PromotionTrackingTotals Totals);

/// <summary>A campaign's id and period, what tracking needs of it.</summary>
public sealed record CampaignPeriod(Guid Id, DateOnly Start, DateOnly End);

public static class PromotionTracking
{
    /// <summary>The months whose stock reports count as sell-through: the first day of the start's month to the end's month.</summary>
    public static (DateOnly From, DateOnly To) SellThroughMonths(DateOnly start, DateOnly end) =>
        (new DateOnly(start.Year, start.Month, 1), new DateOnly(end.Year, end.Month, 1));

    /// <summary>Tracks one campaign's <paramref name="allocations"/> (scoped by the caller: the dealers the actor sees).</summary>
    public static async Task<PromotionTrackingReport> TrackAsync(
        SalesFlowDbContext db, Guid promotionId, DateOnly start, DateOnly end, IQueryable<PromotionAllocation> allocations, CancellationToken ct)
    {
        var lines = await LinesAsync(db, [new CampaignPeriod(promotionId, start, end)], allocations, ct);
        return Summarize(promotionId, start, end, lines.GetValueOrDefault(promotionId) ?? []);
    }

    /// <summary>
    /// The tracked lines of several campaigns at once (the portal's running campaigns) in three grouped queries: the
    /// allocations with names; sell-in per campaign, dealer and product inside each campaign's own period; sell-through
    /// per campaign, dealer, product and month, kept for the months overlapping each campaign's period.
    /// </summary>
    public static async Task<Dictionary<Guid, List<PromotionTrackingLine>>> LinesAsync(
        SalesFlowDbContext db, IReadOnlyList<CampaignPeriod> campaigns, IQueryable<PromotionAllocation> allocations, CancellationToken ct)
    {
        if (campaigns.Count == 0)
        {
            return [];
        }

        var ids = campaigns.Select(c => c.Id).ToList();
        var scoped = allocations.Where(a => ids.Contains(a.PromotionId));
        var first = campaigns.Min(c => c.Start);
        var last = campaigns.Max(c => c.End);
        var rows = await (from a in scoped
                          join d in db.Dealers on a.DealerId equals d.Id
                          join p in db.Products on a.ProductId equals p.Id
                          orderby d.Code, p.Sku
                          select new { a.PromotionId, a.DealerId, d.Code, d.Name, a.ProductId, p.Sku, p.NameZh, p.NameEn, p.Unit, a.Quantity }).ToListAsync(ct);

        var sellIn = await (from f in SalesActuals.Sales(db, first, last)
                            join a in scoped on new { D = f.DealerId, P = f.ProductId } equals new { D = (Guid?)a.DealerId, P = a.ProductId }
                            join c in db.Promotions on a.PromotionId equals c.Id
                            where f.Date >= c.StartDate && f.Date <= c.EndDate
                            group f by new { a.PromotionId, a.DealerId, a.ProductId } into g
                            select new { g.Key.PromotionId, g.Key.DealerId, g.Key.ProductId, Quantity = g.Sum(f => f.Quantity), Amount = g.Sum(f => f.Amount) })
            .ToDictionaryAsync(x => (x.PromotionId, x.DealerId, x.ProductId), ct);

        var firstMonth = SellThroughMonths(first, last).From;
        var monthly = await (from l in db.StockReportLines
                             join r in db.StockReports on l.StockReportId equals r.Id
                             join a in scoped on new { D = r.DealerId, P = l.ProductId } equals new { D = a.DealerId, P = a.ProductId }
                             join c in db.Promotions on a.PromotionId equals c.Id
                             where r.Status == StockReportStatus.Submitted && r.Month >= firstMonth && r.Month <= c.EndDate
                             group l by new { a.PromotionId, a.DealerId, a.ProductId, r.Month } into g
                             select new { g.Key.PromotionId, g.Key.DealerId, g.Key.ProductId, g.Key.Month, Sales = g.Sum(x => x.Sales) }).ToListAsync(ct);
        var from = campaigns.ToDictionary(c => c.Id, c => SellThroughMonths(c.Start, c.End).From);
        var sellThrough = monthly.Where(m => m.Month >= from[m.PromotionId])
            .GroupBy(m => (m.PromotionId, m.DealerId, m.ProductId)).ToDictionary(g => g.Key, g => g.Sum(m => m.Sales));

        return rows.GroupBy(r => r.PromotionId).ToDictionary(g => g.Key, g => g.Select(r =>
        {
            var key = (r.PromotionId, r.DealerId, r.ProductId);
            var si = sellIn.GetValueOrDefault(key);
            var st = sellThrough.GetValueOrDefault(key);
            var qty = si?.Quantity ?? 0m;
            return new PromotionTrackingLine(
                r.DealerId, r.Code, r.Name, r.ProductId, r.Sku, r.NameZh, r.NameEn, r.Unit, r.Quantity, qty, si?.Amount ?? 0m, st,
                PromotionProgress.SellIn(qty, r.Quantity), PromotionProgress.SellThrough(st, qty), PromotionProgress.Reached(qty, r.Quantity));
        }).ToList());
    }

    /// <summary>Per product and per dealer totals of the tracked lines (pure, so the unit tests check the maths).</summary>
    public static PromotionTrackingReport Summarize(Guid promotionId, DateOnly start, DateOnly end, IReadOnlyList<PromotionTrackingLine> lines)
    {
        var products = lines.GroupBy(l => l.ProductId).Select(g =>
        {
            var first = g.First();
            var allocated = g.Sum(l => l.Allocated);
            var quantity = g.Sum(l => l.SellInQuantity);
            var through = g.Sum(l => l.SellThrough);
            return new PromotionTrackingProduct(
                g.Key, first.Sku, first.ProductNameZh, first.ProductNameEn, first.Unit, g.Count(), g.Count(l => l.Reached),
                allocated, quantity, g.Sum(l => l.SellInAmount), through, PromotionProgress.SellIn(quantity, allocated), PromotionProgress.SellThrough(through, quantity));
        }).OrderBy(p => p.Sku).ToList();
        var dealers = lines.GroupBy(l => l.DealerId).Select(g => new PromotionTrackingDealer(
            g.Key, g.First().DealerCode, g.First().DealerName, g.Count(), g.Count(l => l.Reached), g.Sum(l => l.SellInAmount))).OrderBy(d => d.DealerCode).ToList();
        var (from, to) = SellThroughMonths(start, end);
        return new PromotionTrackingReport(
            promotionId, start, end, from, to.AddMonths(1).AddDays(-1), lines, products, dealers,
            new PromotionTrackingTotals(dealers.Count, lines.Count, lines.Count(l => l.Reached), lines.Sum(l => l.SellInAmount)));
    }
}
