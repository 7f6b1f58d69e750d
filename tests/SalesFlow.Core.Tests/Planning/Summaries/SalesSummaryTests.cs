using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.Planning.Summaries;

namespace SalesFlow.Core.Tests.Planning.Summaries;

/// <summary>The maintained sales summaries and per-rep totals always equal the raw order lines they summarize, after any order change.</summary>
public class SalesSummaryTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Summaries_equal_the_order_lines_after_the_demo_and_after_orders_change(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True(await database.Get<DemoCompanySeeder>().SeedIfEmptyAsync("SalesFlow#2026", Ct));

        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            Assert.Equal(0, await SalesSummaries.PendingAsync(db, Ct));
            Assert.True(await db.SalesMonthSummaries.CountAsync(Ct) > 100);
            await AssertEqualToRawAsync(db);
        }

        // Cancel booked orders and release one held for credit: their buckets get marked; the summaries lag until refreshed.
        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            foreach (var order in await db.Orders.Where(o => o.Status == OrderStatus.Confirmed).OrderBy(o => o.Id).Take(20).ToListAsync(Ct))
            {
                Assert.True(order.Cancel("客户取消").IsSuccess);
            }

            var held = await db.Orders.Where(o => o.Status == OrderStatus.OnCreditHold).OrderBy(o => o.Id).FirstAsync(Ct);
            Assert.True(held.ReleaseHold("财务放行", DateTime.UtcNow).IsSuccess);
            await db.SaveChangesAsync(Ct);
        }

        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            Assert.True(await SalesSummaries.PendingAsync(db, Ct) >= 2);
            Assert.False(await EqualToRawAsync(db), "the summaries lag until refreshed");
        }

        // Three refreshers at once (as two app instances' jobs and a reader would): a loser may fail, none counts twice.
        async Task RefreshAsync()
        {
            await using var db = await database.Factory.CreateDbContextAsync(Ct);
            try
            {
                await SalesSummaries.RefreshAsync(db, SalesSummaries.DefaultBatch, Ct);
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException || e.GetType().Name.StartsWith("Sqlite", StringComparison.Ordinal))
            {
                // SQLite may report the database busy to a concurrent writer; the next refresh settles it.
            }
        }

        await Task.WhenAll(RefreshAsync(), RefreshAsync(), RefreshAsync());
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            await SalesSummaries.RefreshAsync(db, SalesSummaries.DefaultBatch, Ct);
            Assert.Equal(0, await SalesSummaries.PendingAsync(db, Ct));
            await AssertEqualToRawAsync(db);

            // Refreshing with nothing marked changes nothing.
            Assert.Equal(0, await SalesSummaries.RefreshAsync(db, SalesSummaries.DefaultBatch, Ct));
            await AssertEqualToRawAsync(db);
        }
    }

    private static async Task AssertEqualToRawAsync(SalesFlowDbContext db) => Assert.True(await EqualToRawAsync(db), "summaries differ from the order lines");

    private static async Task<bool> EqualToRawAsync(SalesFlowDbContext db)
    {
        var first = await db.Orders.MinAsync(o => o.OrderDate, Ct);
        var last = await db.Orders.MaxAsync(o => o.OrderDate, Ct);
        for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
        {
            var raw = await SalesActuals.Sales(db, month, month.AddMonths(1).AddDays(-1))
                .GroupBy(f => new { f.OwnerId, f.OrgUnitId, f.ProductLine })
                .Select(g => new { g.Key.OwnerId, g.Key.OrgUnitId, g.Key.ProductLine, Amount = g.Sum(f => f.Amount), Quantity = g.Sum(f => f.Quantity), Lines = g.Count() })
                .ToListAsync(Ct);
            var kept = await db.SalesMonthSummaries.Where(s => s.MonthStart == month)
                .GroupBy(s => new { s.OwnerId, s.OrgUnitId, s.ProductLine })
                .Select(g => new { g.Key.OwnerId, g.Key.OrgUnitId, g.Key.ProductLine, Amount = g.Sum(s => s.Amount), Quantity = g.Sum(s => s.Quantity), Lines = g.Sum(s => s.LineCount) })
                .ToListAsync(Ct);
            var rawRows = raw.Select(r => (r.OwnerId, r.OrgUnitId, r.ProductLine, r.Amount, r.Quantity, r.Lines)).Order().ToList();
            var keptRows = kept.Select(r => (r.OwnerId, r.OrgUnitId, r.ProductLine, r.Amount, r.Quantity, r.Lines)).Order().ToList();
            if (!rawRows.SequenceEqual(keptRows))
            {
                return false;
            }

            // The per-rep totals the unit and people roll-ups read hold the same sums without the line and dealer split.
            var totals = await db.SalesMonthTotals.Where(s => s.MonthStart == month)
                .Select(s => new { s.OwnerId, s.OrgUnitId, s.Amount, s.Quantity, s.LineCount }).ToListAsync(Ct);
            var totalRows = totals.Select(t => (t.OwnerId, t.OrgUnitId, t.Amount, t.Quantity, t.LineCount)).Order().ToList();
            var rawTotals = raw.GroupBy(r => (r.OwnerId, r.OrgUnitId))
                .Select(g => (g.Key.OwnerId, g.Key.OrgUnitId, g.Sum(r => r.Amount), g.Sum(r => r.Quantity), g.Sum(r => r.Lines))).Order().ToList();
            if (!rawTotals.SequenceEqual(totalRows))
            {
                return false;
            }
        }

        return true;
    }
}
