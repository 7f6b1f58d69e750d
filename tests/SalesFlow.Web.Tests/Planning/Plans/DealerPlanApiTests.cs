using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Actuals;

namespace SalesFlow.Web.Tests.Planning.Plans;

/// <summary>A dealer files its own monthly plan (its purchases at its prices) and review (against its sell-in), like a rep; the region's manager decides.</summary>
public sealed class DealerPlanApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static readonly CancellationToken Ct = TestContext.Current.CancellationToken;

    private async Task<T> ReadAsync<T>(Func<SalesFlowDbContext, Task<T>> read)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);
        return await read(db);
    }

    [Fact]
    public async Task A_dealer_plans_its_purchases_submits_and_the_regional_manager_approves_while_other_dealers_cannot_see_it()
    {
        var dealer = await ReadAsync(db => db.Dealers.OrderBy(d => d.Code).Select(d => new { d.Id, d.CustomerId }).FirstAsync(Ct));
        var dealer1 = await app.ClientAsync("dealer.1");
        var products = (await (await app.ClientAsync("director")).GetJsonAsync($"/api/v1/orders/priced-products?customerId={dealer.CustomerId}")).EnumerateArray().ToList();
        var product = products[0];

        var created = await dealer1.PostJsonAsync("/api/v1/plans", new { }, HttpStatusCode.Created);
        Assert.Equal(("Dealer", dealer.Id), (created.Str("ownerType"), created.Id("ownerId")));
        using (var again = await dealer1.Post("/api/v1/plans", new { }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict, "plan.duplicate");
        }

        var edited = await dealer1.PutJsonAsync($"/api/v1/plans/{created.Id()}", new
        {
            notes = "旺季备货",
            lines = new object[] { new { customerId = dealer.CustomerId, productId = product.Id(), quantity = 20m } },
            version = created.Number("version"),
        });
        Assert.Equal(product.GetProperty("unitPrice").GetDecimal(), edited.GetProperty("lines")[0].GetProperty("unitPrice").GetDecimal());

        // Another dealer's user and another region's manager do not see it; the dealer cannot approve its own plan.
        using (var other = await (await app.ClientAsync("dealer.2")).Get($"/api/v1/plans/{created.Id()}"))
        {
            await other.ProblemAsync(HttpStatusCode.NotFound);
        }

        var submitted = await dealer1.PostJsonAsync($"/api/v1/plans/{created.Id()}/submit", new { });
        Assert.Equal("Submitted", submitted.Str("status"));
        using (var own = await dealer1.Post($"/api/v1/plans/{created.Id()}/approve", new { }))
        {
            await own.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var elsewhere = await (await app.ClientAsync("manager.huabei")).Post($"/api/v1/plans/{created.Id()}/approve", new { }))
        {
            await elsewhere.ProblemAsync(HttpStatusCode.NotFound);
        }

        var manager = await app.ClientAsync("manager.huadong");
        Assert.Contains((await manager.GetJsonAsync("/api/v1/plans?waiting=true&pageSize=500")).Items(), p => p.Id() == created.Id());
        Assert.Equal("Approved", (await manager.PostJsonAsync($"/api/v1/plans/{created.Id()}/approve", new { comment = "同意" })).Str("status"));
        Assert.Contains((await dealer1.GetJsonAsync("/api/v1/plans?mine=true")).Items(), p => p.Id() == created.Id());
    }

    [Fact]
    public async Task A_dealers_review_is_prefilled_with_its_sell_in_of_the_month()
    {
        var dealerId = await ReadAsync(db => db.Dealers.OrderBy(d => d.Code).Select(d => d.Id).FirstAsync(Ct));
        var month = PlanningDeadlines.ReviewMonthOn(app.Services.GetRequiredService<CompanyClock>().Today);
        var expected = await ReadAsync(db => SalesActuals.Sales(db, month.Start, month.End).Where(f => f.DealerId == dealerId).SumAsync(f => f.Amount, Ct));

        var review = await (await app.ClientAsync("dealer.1")).PostJsonAsync("/api/v1/reviews", new { }, HttpStatusCode.Created);
        Assert.Equal((month.ToString(), "Dealer"), (review.Str("month"), review.Str("ownerType")));
        Assert.True(expected > 0, "the demo dealer bought last month");
        Assert.Equal(expected, review.GetProperty("actualAmount").GetDecimal());
    }
}
