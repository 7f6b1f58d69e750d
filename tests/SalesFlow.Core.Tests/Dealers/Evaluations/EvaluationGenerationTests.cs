using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers.Evaluations;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Tests.Data;

namespace SalesFlow.Core.Tests.Dealers.Evaluations;

/// <summary>Generating a quarter's evaluations on the demo, on both engines: what it reads and how it asks for it.</summary>
public class EvaluationGenerationTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Generating_counts_an_order_booked_since_the_summaries_were_refreshed_and_asks_for_all_dealers_in_one_parameter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True(await database.Get<DemoCompanySeeder>().SeedIfEmptyAsync("SalesFlow#2026", Ct));
        var clock = database.Get<CompanyClock>();
        var previous = clock.Today.AddMonths(-3);
        var quarter = Period.OfQuarter(previous.Year, ((previous.Month - 1) / 3) + 1);

        // A proposed evaluation's dealer books one more order in the quarter, a copy of one of its own, as a late entry would.
        Guid dealerId;
        decimal before, added;
        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            var evaluation = await db.DealerEvaluations.AsNoTracking()
                .Where(e => e.Year == quarter.Year && e.Quarter == quarter.Number && e.Status == EvaluationStatus.Proposed
                            && db.Orders.Any(o => o.DealerId == e.DealerId && o.Status == OrderStatus.Fulfilled && o.OrderDate >= quarter.Start && o.OrderDate <= quarter.End))
                .OrderBy(e => e.DealerId).FirstAsync(Ct);
            (dealerId, before) = (evaluation.DealerId, evaluation.SellInAmount);
            var model = await db.Orders.AsNoTracking().Include(o => o.Lines)
                .Where(o => o.DealerId == dealerId && o.Status == OrderStatus.Fulfilled && o.OrderDate >= quarter.Start && o.OrderDate <= quarter.End)
                .OrderBy(o => o.Number).FirstAsync(Ct);
            var order = new Order("SO-TEST-000001", model.CustomerId, dealerId, model.Channel, model.OwnerId, model.OrgUnitId, model.Currency, quarter.End.AddDays(-5), 30);
            Assert.True(order.Edit(null, model.Lines.Select(l => new OrderLine(
                l.Position, l.ProductId, l.Sku, l.ProductName, l.Quantity, l.Unit, l.BaseQuantity, l.BaseUnit, l.PriceListId, l.ListUnitPrice, l.FloorPrice, l.DiscountPercent, l.TaxRate))).IsSuccess);
            order.SetHistory(OrderStatus.Confirmed, clock.UtcNow, null);
            db.Orders.Add(order);
            await db.SaveChangesAsync(Ct);
            added = order.NetAmount;
        }

        // Before the context: EF Core checks for a listener once per context and then for a second only.
        using (var commands = new CommandCounter())
        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            Assert.True(await db.SalesSummaryChanges.AnyAsync(Ct), "the order's summary is still to be refreshed, as before the background job's next run");
            var generated = await EvaluationGeneration.GenerateAsync(db, db.Dealers, quarter, clock, database.Get<DealerEvaluationOptions>(), Ct);
            Assert.True(generated.IsSuccess);
            Assert.True(generated.Value!.Updated > 1);

            // EF Core's default sends a list to SQLite as one parameter per element: at 5,000 dealers that cost 110 ms a query.
            // (PostgreSQL gets one array either way.)
            var mostInAQuery = commands.Commands.Where(c => c.Text.TrimStart().StartsWith("SELECT", StringComparison.OrdinalIgnoreCase)).Max(c => c.Parameters);
            Assert.True(mostInAQuery < 10, $"a query carried {mostInAQuery} parameters for {generated.Value.Updated} dealers");
        }

        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var after = await db.DealerEvaluations.Where(e => e.DealerId == dealerId && e.Year == quarter.Year && e.Quarter == quarter.Number).Select(e => e.SellInAmount).SingleAsync(Ct);
            Assert.True(added > 0);
            Assert.Equal(before + added, after);
        }
    }
}
