using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Actuals;

namespace SalesFlow.Core.StockReports;

/// <summary>
/// Gathers what <see cref="StockReconciliation"/> compares a report's lines with — our recorded sell-in of the month
/// (<see cref="SalesActuals.Sales"/> filtered by the dealer, base quantities) and the dealer's earlier reported purchases and
/// sales inside the ratio's window — in two grouped queries, then stores each line's outcome and the report's flag count.
/// The entry, the import and the demo all save through here, so the flags are computed one way.
/// </summary>
public sealed class StockChecks(StockReportOptions options)
{
    public StockReportOptions Options => options;

    public async Task ApplyAsync(SalesFlowDbContext db, StockReport report, IReadOnlyCollection<StockReportLine>? only, CancellationToken ct)
    {
        var lines = only ?? report.Lines;
        var ids = lines.Select(l => l.ProductId).Distinct().ToList();
        if (ids.Count > 0)
        {
            var first = report.Month;
            var last = first.AddMonths(1).AddDays(-1);
            var dealerId = report.DealerId;
            var sellIn = await SalesActuals.Sales(db, first, last).Where(f => f.DealerId == dealerId && ids.Contains(f.ProductId))
                .GroupBy(f => f.ProductId).Select(g => new { ProductId = g.Key, Quantity = g.Sum(f => f.Quantity) })
                .ToDictionaryAsync(x => x.ProductId, x => x.Quantity, ct);
            var windowStart = first.AddMonths(-(Math.Max(1, options.SellThroughMonths) - 1));
            var earlier = await (from l in db.StockReportLines
                                 join r in db.StockReports on l.StockReportId equals r.Id
                                 where r.DealerId == dealerId && r.Month >= windowStart && r.Month < first && ids.Contains(l.ProductId)
                                 group l by l.ProductId into g
                                 select new { ProductId = g.Key, Purchases = g.Sum(x => x.Purchases), Sales = g.Sum(x => x.Sales) })
                .ToDictionaryAsync(x => x.ProductId, ct);
            var days = DateTime.DaysInMonth(first.Year, first.Month);
            foreach (var line in lines)
            {
                var before = earlier.GetValueOrDefault(line.ProductId);
                var context = new StockContext(sellIn.GetValueOrDefault(line.ProductId), days, before?.Purchases ?? 0m, before?.Sales ?? 0m);
                line.Apply(StockReconciliation.Check(line.Figures, context, options));
            }
        }

        report.Recount();
    }

    /// <summary>Last month's closing per product of the dealer (any status): the default opening stock.</summary>
    public static async Task<Dictionary<Guid, decimal>> PreviousClosingAsync(
        SalesFlowDbContext db, Guid dealerId, DateOnly month, IReadOnlyCollection<Guid>? productIds, CancellationToken ct)
    {
        var previous = month.AddMonths(-1);
        var query = from l in db.StockReportLines
                    join r in db.StockReports on l.StockReportId equals r.Id
                    where r.DealerId == dealerId && r.Month == previous
                    select l;
        if (productIds is not null)
        {
            query = query.Where(l => productIds.Contains(l.ProductId));
        }

        return await query.ToDictionaryAsync(l => l.ProductId, l => l.Closing, ct);
    }
}
