using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Demo;
using SalesFlow.Core.StockReports;

namespace SalesFlow.Core.Tests.StockReports;

/// <summary>The demo's stock reports: twelve months per active dealer from the sell-in, planted anomalies, dealer.1's last month left to upload.</summary>
public class DemoStockReportsTests(ITestOutputHelper output)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_demo_has_submitted_monthly_reports_mostly_clean_and_leaves_dealer_1s_last_month_open()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.True(await database.Get<DemoCompanySeeder>().SeedIfEmptyAsync("SalesFlow#2026", Ct));
        await using var db = await database.Factory.CreateDbContextAsync();
        // The seeder's "today" is the test clock's, in company time.
        var lastMonth = StockMonth.Of(DateOnly.FromDateTime(database.Time.GetUtcNow().UtcDateTime.AddHours(8))).AddMonths(-1);

        var reports = await db.StockReports.CountAsync();
        var lines = await db.StockReportLines.CountAsync();
        var flagged = await db.StockReportLines.CountAsync(l => l.Flags != StockFlags.None);
        var lastMonthFlags = await db.StockReportLines.Where(l => l.Flags != StockFlags.None && db.StockReports.Any(r => r.Id == l.StockReportId && r.Month == lastMonth))
            .Select(l => l.Flags).ToListAsync();
        output.WriteLine($"{reports} reports, {lines} lines, {flagged} flagged; last month {lastMonthFlags.Count}: {string.Join(", ", lastMonthFlags)}");

        Assert.True(reports > 500);
        Assert.True(flagged < lines / 20, "most lines are clean");
        Assert.False(await db.StockReports.AnyAsync(r => r.Month == lastMonth && db.Dealers.Any(d => d.Id == r.DealerId && d.Code == "DLR-000001")));
        Assert.True(await db.StockReports.AllAsync(r => r.Status == StockReportStatus.Submitted));

        // The planted anomalies of last month: a second 上海团队 dealer's gap, stock-out and over-stock, and a 华北 dealer's gap.
        var entry = await db.Dealers.SingleAsync(d => d.Code == "DLR-000001");
        var planted = await db.Dealers.Where(d => d.OrgUnitId == entry.OrgUnitId && d.Id != entry.Id && d.Status == SalesFlow.Core.Dealers.DealerStatus.Active).OrderBy(d => d.Code).FirstAsync();
        var plantedFlags = await FlagsAsync(db, planted.Id, lastMonth);
        Assert.Contains(plantedFlags, f => f.HasFlag(StockFlags.Gap));
        Assert.Contains(plantedFlags, f => f.HasFlag(StockFlags.StockOut));
        Assert.Contains(plantedFlags, f => f.HasFlag(StockFlags.OverStock));
        var north = await db.Dealers.Where(d => d.Status == SalesFlow.Core.Dealers.DealerStatus.Active && db.OrgUnits.Any(u => u.Id == d.RegionId && u.Code == "HB")).OrderBy(d => d.Code).FirstAsync();
        Assert.Contains(await FlagsAsync(db, north.Id, lastMonth), f => f.HasFlag(StockFlags.Gap));
    }

    private static Task<List<StockFlags>> FlagsAsync(SalesFlowDbContext db, Guid dealerId, DateOnly month) =>
        db.StockReportLines.Where(l => db.StockReports.Any(r => r.Id == l.StockReportId && r.DealerId == dealerId && r.Month == month)).Select(l => l.Flags).ToListAsync();
}
