using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.StockReports;

namespace SalesFlow.Core.Demo;

/// <summary>
/// Monthly stock reports (进销存) of every active dealer for the last twelve whole months, read from the saved sell-in: each month's
/// purchases are exactly the recorded sell-in of the product, the dealer sells about 68–75 % of what it has on hand (so sales run a
/// little below purchases and stock stays at two weeks or so), closing = opening + purchases − sales. Leftovers too small to list are
/// left out. Planted anomalies last month for the second active dealer of <c>DLR-000001</c>'s team (华东, 上海团队): a reconciliation gap,
/// a stock-out, an over-stock and a product pushed in far above what sells through (the last three months); a gap for the first
/// 华北 dealer. <c>DLR-000001</c>'s report of last month is missing, for <c>dealer.1</c> to upload. Every report is saved through
/// <see cref="StockChecks"/>, so the flags are the ones the checks give.
/// </summary>
internal static class DemoStockReports
{
    public const string EntryDealerCode = "DLR-000001";

    private sealed record SellIn(Guid DealerId, Guid ProductId, DateOnly Date, decimal Quantity);

    public static async Task<int> AddAsync(IDbContextFactory<SalesFlowDbContext> dbFactory, StockReportOptions options, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var random = new Random(2041);
        var thisMonth = StockMonth.Of(today);
        var first = thisMonth.AddMonths(-12);
        var lastMonth = thisMonth.AddMonths(-1);
        List<Dealer> dealers;
        List<SellIn> sellIn;
        Dictionary<Guid, int> decimals;
        Dictionary<Guid, string> regionCodes;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            dealers = await read.Dealers.AsNoTracking().Where(d => d.Status == DealerStatus.Active).OrderBy(d => d.Code).ToListAsync(ct);
            sellIn = await SalesActuals.Sales(read, first, lastMonth.AddMonths(1).AddDays(-1)).Where(f => f.DealerId != null)
                .GroupBy(f => new { f.DealerId, f.ProductId, f.Date })
                .Select(g => new SellIn(g.Key.DealerId!.Value, g.Key.ProductId, g.Key.Date, g.Sum(f => f.Quantity)))
                .ToListAsync(ct);
            decimals = await read.Products.AsNoTracking().ToDictionaryAsync(p => p.Id, p => p.QuantityDecimals, ct);
            regionCodes = await read.OrgUnits.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.Code, ct);
        }

        if (dealers.Count == 0)
        {
            return 0;
        }

        var entry = dealers.FirstOrDefault(d => d.Code == EntryDealerCode);
        var planted = dealers.FirstOrDefault(d => entry is not null && d.OrgUnitId == entry.OrgUnitId && d.Id != entry.Id);
        var northGap = dealers.FirstOrDefault(d => regionCodes.GetValueOrDefault(d.RegionId) == "HB");
        var byDealer = sellIn.ToLookup(s => s.DealerId);
        var checks = new StockChecks(options);
        var count = 0;
        foreach (var dealer in dealers)
        {
            var bought = byDealer[dealer.Id].ToList();
            var stock = new Dictionary<Guid, decimal>();
            var average = bought.GroupBy(b => b.ProductId).ToDictionary(g => g.Key, g => g.Sum(b => b.Quantity) / Math.Max(1, g.Select(b => StockMonth.Of(b.Date)).Distinct().Count()));
            await using var db = await dbFactory.OpenAsync(Actor.System, ct);
            for (var month = first; month <= lastMonth; month = month.AddMonths(1))
            {
                var purchases = bought.Where(b => StockMonth.Of(b.Date) == month).GroupBy(b => b.ProductId).ToDictionary(g => g.Key, g => g.Sum(b => b.Quantity));
                var products = stock.Keys.Union(purchases.Keys).Order().ToList();
                var lines = new List<StockReportLine>();
                foreach (var productId in products)
                {
                    var places = decimals.GetValueOrDefault(productId);
                    var unit = places == 0 ? 1m : 1m / (decimal)Math.Pow(10, places);
                    var opening = stock.GetValueOrDefault(productId);
                    var bought_ = purchases.GetValueOrDefault(productId);
                    var available = opening + bought_;
                    var tail = Math.Max(unit, Math.Round(average.GetValueOrDefault(productId) * 0.15m, places, MidpointRounding.AwayFromZero));
                    if (bought_ == 0 && available <= tail)
                    {
                        continue; // a leftover too small to list: kept, not reported
                    }

                    var share = 0.68m + ((decimal)random.NextDouble() * 0.07m);
                    var sales = Math.Round(available * share, places, MidpointRounding.AwayFromZero);
                    if (available - sales < unit)
                    {
                        sales = available - unit;
                    }

                    lines.Add(new StockReportLine(productId, opening, bought_, sales, available - sales));
                    stock[productId] = available - sales;
                }

                if (dealer.Id == entry?.Id && month == lastMonth)
                {
                    continue; // dealer.1 uploads this one
                }

                if (month >= lastMonth.AddMonths(-2) && dealer.Id == planted?.Id)
                {
                    Plant(lines, month == lastMonth, stock, decimals);
                }
                else if (month == lastMonth && dealer.Id == northGap?.Id && lines.Count > 0)
                {
                    // The biggest purchase of the month, so the missing quarter is a visible gap.
                    var line = lines.OrderByDescending(l => l.Purchases).ThenBy(l => l.ProductId).First();
                    lines[lines.IndexOf(line)] = new StockReportLine(line.ProductId, line.Opening, line.Purchases, line.Sales, Math.Max(0, line.Closing - Math.Round(line.Purchases / 4, decimals.GetValueOrDefault(line.ProductId))));
                }

                if (lines.Count == 0)
                {
                    continue;
                }

                var report = new StockReport(dealer.Id, month);
                report.SetLines(lines);
                await checks.ApplyAsync(db, report, null, ct);
                var submitted = DateTime.SpecifyKind(month.AddMonths(1).AddDays(2 + random.Next(6)).ToDateTime(new TimeOnly(2 + random.Next(7), random.Next(60))), DateTimeKind.Utc);
                report.Submit(submitted < nowUtc ? submitted : nowUtc);
                db.StockReports.Add(report);
                DemoHistory.Created(db, report, submitted.AddHours(-2) < nowUtc ? submitted.AddHours(-2) : nowUtc);
                await db.SaveChangesAsync(ct);
                count++;
            }
        }

        return count;
    }

    /// <summary>
    /// The planted anomalies on the 上海团队 dealer: the biggest product is pushed in far above what sells through for the last three
    /// months (and so over-stocked); last month the second has a gap (closing counted short), the third sells out, the fourth barely sells.
    /// </summary>
    private static void Plant(List<StockReportLine> lines, bool lastMonth, Dictionary<Guid, decimal> stock, Dictionary<Guid, int> decimals)
    {
        var ranked = lines.OrderByDescending(l => l.Purchases).ThenBy(l => l.ProductId).ToList();
        StockReportLine Replace(StockReportLine line, decimal sales, decimal closing)
        {
            var changed = new StockReportLine(line.ProductId, line.Opening, line.Purchases, sales, closing);
            lines[lines.IndexOf(line)] = changed;
            return changed;
        }

        decimal Round(Guid productId, decimal value) => Math.Round(value, decimals.GetValueOrDefault(productId), MidpointRounding.AwayFromZero);

        if (ranked.Count > 0)
        {
            var pushed = ranked[0];
            var available = pushed.Opening + pushed.Purchases;
            var sales = Round(pushed.ProductId, available * 0.25m);
            Replace(pushed, sales, available - sales);
            stock[pushed.ProductId] = available - sales;
        }

        if (!lastMonth)
        {
            return;
        }

        if (ranked.Count > 1)
        {
            var gap = ranked[1];
            Replace(gap, gap.Sales, Math.Max(0, gap.Closing - Round(gap.ProductId, (gap.Opening + gap.Purchases) * 0.12m)));
        }

        if (ranked.Count > 2)
        {
            var soldOut = ranked[2];
            Replace(soldOut, soldOut.Opening + soldOut.Purchases, 0);
            stock[soldOut.ProductId] = 0;
        }

        if (ranked.Count > 3)
        {
            var slow = ranked[3];
            var available = slow.Opening + slow.Purchases;
            var sales = Round(slow.ProductId, available * 0.1m);
            Replace(slow, sales, available - sales);
            stock[slow.ProductId] = available - sales;
        }
    }
}
