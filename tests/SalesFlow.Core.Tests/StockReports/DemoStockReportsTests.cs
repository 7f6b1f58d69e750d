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
        var lastMonth = StockMonth.Of(DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8))).AddMonths(-1);

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
    }
}
