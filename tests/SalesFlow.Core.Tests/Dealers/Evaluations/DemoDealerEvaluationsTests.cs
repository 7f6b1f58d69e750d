using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Evaluations;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Actuals;

namespace SalesFlow.Core.Tests.Dealers.Evaluations;

/// <summary>The demo's evaluations of the last completed quarter: one per evaluated dealer, varied outcomes, a few confirmed.</summary>
public class DemoDealerEvaluationsTests(ITestOutputHelper output)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task The_demo_evaluates_last_quarter_for_every_trading_dealer_with_varied_outcomes_and_a_few_confirmed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        Assert.True(await database.Get<DemoCompanySeeder>().SeedIfEmptyAsync("SalesFlow#2026", Ct));
        await using var db = await database.Factory.CreateDbContextAsync();
        var today = DateOnly.FromDateTime(database.Time.GetUtcNow().UtcDateTime.AddHours(8));
        var previous = today.AddMonths(-3);
        var (year, quarter) = (previous.Year, ((previous.Month - 1) / 3) + 1);

        var rows = await (from e in db.DealerEvaluations
                          join d in db.Dealers on e.DealerId equals d.Id
                          select new { d.Code, DealerStatus = d.Status, e.Year, e.Quarter, e.Tier, e.Total, e.ProposedOutcome, e.Status, e.TargetScore, e.SellThroughScore, e.InventoryScore, e.PaymentScore, e.CoverageScore, e.ComplianceScore })
            .ToListAsync(Ct);
        foreach (var r in rows.OrderBy(r => r.Code))
        {
            output.WriteLine($"{r.Code} {r.Tier} {r.Status} T{r.TargetScore} S{r.SellThroughScore} I{r.InventoryScore} P{r.PaymentScore} C{r.CoverageScore} K{r.ComplianceScore} = {r.Total} {r.ProposedOutcome}");
        }

        var trading = await db.Dealers.CountAsync(d => d.Status == DealerStatus.Active || d.Status == DealerStatus.Suspended);
        Assert.Equal(trading, rows.Count);
        Assert.All(rows, r => Assert.Equal((year, quarter), (r.Year, r.Quarter)));
        Assert.True(rows.Select(r => r.ProposedOutcome).Distinct().Count() >= 3, "the outcomes are varied");
        Assert.InRange(rows.Count(r => r.Status == EvaluationStatus.Confirmed), 6, 2 * DemoCompanySeeder.Regions.Count);
        Assert.Contains(rows, r => r.Status == EvaluationStatus.Proposed && r.ProposedOutcome == EvaluationOutcome.TierUp);

        // The sell-in comes from the maintained summaries; it must equal the dealer's booked order lines of the quarter.
        var period = Period.OfQuarter(year, quarter);
        var booked = await SalesActuals.Sales(db, period.Start, period.End).Where(f => f.DealerId != null)
            .GroupBy(f => f.DealerId!.Value).Select(g => new { g.Key, Amount = g.Sum(f => f.Amount), Quantity = g.Sum(f => f.Quantity) })
            .ToDictionaryAsync(x => x.Key, Ct);
        var measured = await db.DealerEvaluations.Where(e => e.Year == year && e.Quarter == quarter)
            .Select(e => new { e.DealerId, e.SellInAmount, e.SellInQuantity }).ToListAsync(Ct);
        Assert.Contains(measured, m => m.SellInAmount > 0);
        Assert.All(measured, m => Assert.Equal(
            (booked.GetValueOrDefault(m.DealerId)?.Amount ?? 0m, booked.GetValueOrDefault(m.DealerId)?.Quantity ?? 0m), (m.SellInAmount, m.SellInQuantity)));
    }
}
