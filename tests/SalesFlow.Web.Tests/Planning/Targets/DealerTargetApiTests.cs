using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Actuals;

namespace SalesFlow.Web.Tests.Planning.Targets;

/// <summary>Dealer targets: the demo's yearly sell-in targets, seen by the dealer and its area manager only, their progress from sell-in, and a rep's target split to the dealers they manage.</summary>
public sealed class DealerTargetApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private async Task<T> ReadAsync<T>(Func<SalesFlowDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        return await read(db);
    }

    [Fact]
    public async Task A_dealer_user_sees_only_its_own_sell_in_target_whose_actual_is_its_booked_sell_in()
    {
        var dealers = await ReadAsync(db => db.Dealers.OrderBy(d => d.Code).Take(2).Select(d => new { d.Id, d.ManagerId }).ToListAsync(Ct));
        var year = DateTime.UtcNow.AddHours(8).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var dealer1 = await app.ClientAsync("dealer.1");
        var mine = (await dealer1.GetJsonAsync($"/api/v1/targets?period={year}")).Items();
        var target = Assert.Single(mine, t => t.Str("productLine") == "");
        Assert.All(mine, t => Assert.Equal(dealers[0].Id, t.Id("ownerId")));
        Assert.Equal(("Dealer", dealers[0].Id), (target.Str("ownerType"), target.Id("ownerId")));

        // Its actual is its sell-in as SalesActuals defines it, to the cent.
        var first = new DateOnly(int.Parse(year, System.Globalization.CultureInfo.InvariantCulture), 1, 1);
        var expected = await ReadAsync(db => SalesActuals.Sales(db, first, first.AddYears(1).AddDays(-1)).Where(f => f.DealerId == dealers[0].Id).SumAsync(f => f.Amount, Ct));
        var progress = await dealer1.GetJsonAsync($"/api/v1/targets/{target.Id()}/progress");
        Assert.True(expected > 0);
        Assert.Equal(expected, progress.GetProperty("actual").GetDecimal());

        // Another dealer's target is not there for dealer.1, nor for a rep of another region; the area manager sees it.
        var dealer2 = await app.ClientAsync("dealer.2");
        var otherTarget = Assert.Single((await dealer2.GetJsonAsync($"/api/v1/targets?period={year}")).Items(), t => t.Str("productLine") == "");
        using (var hidden = await dealer1.Get($"/api/v1/targets/{otherTarget.Id()}"))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var otherRegion = await (await app.ClientAsync("rep.huabei.1")).Get($"/api/v1/targets/{target.Id()}/progress"))
        {
            await otherRegion.ProblemAsync(HttpStatusCode.NotFound);
        }

        var managerUser = await ReadAsync(db => db.Users.Where(u => u.EmployeeId == dealers[0].ManagerId).Select(u => u.UserName!).SingleAsync(Ct));
        var manager = await app.ClientAsync(managerUser);
        Assert.Equal(expected, (await manager.GetJsonAsync($"/api/v1/targets/{target.Id()}/progress")).GetProperty("actual").GetDecimal());

        // The orders behind the actual are the dealer's.
        var accountId = await ReadAsync(db => db.Dealers.Where(d => d.Id == dealers[0].Id).Select(d => d.CustomerId).SingleAsync(Ct));
        var orders = (await manager.GetJsonAsync($"/api/v1/targets/{target.Id()}/orders?pageSize=50")).Items();
        Assert.NotEmpty(orders);
        Assert.All(orders, o => Assert.Equal(accountId, o.Id("customerId")));

        // A dealer user may look, not change.
        using var split = await dealer1.Post($"/api/v1/targets/{target.Id()}/split", new { method = "Equal" });
        await split.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_reps_target_splits_to_the_dealers_they_manage_by_last_years_sell_in_and_other_owners_are_refused()
    {
        var dealer = await ReadAsync(db => db.Dealers.OrderBy(d => d.Code).Select(d => new { d.Id, d.ManagerId }).FirstAsync(Ct));
        var managed = await ReadAsync(db => db.Dealers.Where(d => d.ManagerId == dealer.ManagerId).Select(d => d.Id).ToListAsync(Ct));
        var director = await app.ClientAsync("director");
        var year = DateTime.UtcNow.AddHours(8).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var repTarget = await director.PostJsonAsync(
            "/api/v1/targets", new { period = year, measure = "Revenue", productLine = "建材散货", ownerType = "Employee", ownerId = dealer.ManagerId, amount = 3_000_000m }, HttpStatusCode.Created);

        // Split by last year's sell-in: the managed dealers, in proportion to what each bought, summing exactly.
        var split = await director.PostJsonAsync($"/api/v1/targets/{repTarget.Id()}/split", new { method = "LastYearShare" });
        var children = split.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(managed.Order(), children.Select(c => c.Id("ownerId")).Order());
        Assert.All(children, c => Assert.Equal("Dealer", c.Str("ownerType")));
        Assert.Equal(repTarget.GetProperty("amount").GetDecimal(), children.Sum(c => c.GetProperty("amount").GetDecimal()));

        // A dealer managed by someone else is not below this rep.
        var stranger = await ReadAsync(db => db.Dealers.Where(d => d.ManagerId != dealer.ManagerId).Select(d => d.Id).FirstAsync(Ct));
        using (var notBelow = await director.Post($"/api/v1/targets/{repTarget.Id()}/split", new { method = "Equal", children = new[] { new { ownerType = "Dealer", ownerId = stranger } } }))
        {
            await notBelow.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.ownerNotBelow");
        }

        // Dealers have no new-customer targets.
        using var newCustomers = await director.Post("/api/v1/targets", new { period = "2031", measure = "NewCustomers", ownerType = "Dealer", ownerId = dealer.Id, amount = 5m });
        await newCustomers.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.measureNotForDealers");
    }
}
