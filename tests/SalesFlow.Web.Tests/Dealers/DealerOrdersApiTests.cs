using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;

namespace SalesFlow.Web.Tests.Dealers;

/// <summary>An order for a dealer's customer account is that dealer's sell-in, priced at its tier; a dealer that does not trade cannot order.</summary>
public sealed class DealerOrdersApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private async Task<(Guid DealerId, Guid AccountId)> DealerAsync(DealerStatus status)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var dealer = await db.Dealers.Where(d => d.Status == status).OrderBy(d => d.Code).FirstAsync(TestContext.Current.CancellationToken);
        return (dealer.Id, dealer.CustomerId);
    }

    [Fact]
    public async Task An_order_for_a_dealer_account_belongs_to_the_dealer_and_is_priced_from_its_tier_list()
    {
        var (dealerId, accountId) = await DealerAsync(DealerStatus.Active);
        var director = await app.ClientAsync("director");
        var products = (await director.GetJsonAsync($"/api/v1/orders/priced-products?customerId={accountId}")).EnumerateArray().ToList();
        var product = products.First(p => p.Str("sku").StartsWith("BM-", StringComparison.Ordinal));

        var order = await director.PostJsonAsync(
            "/api/v1/orders", new { customerId = accountId, lines = new[] { new { productId = product.Id(), quantity = 10m } } }, HttpStatusCode.Created);
        Assert.Equal(dealerId, order.Id("dealerId"));

        // The tier's list (a dealer-channel list), not the direct one.
        var line = order.GetProperty("lines")[0];
        Assert.Equal(product.GetProperty("unitPrice").GetDecimal(), line.GetProperty("listUnitPrice").GetDecimal());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            var lineId = line.Id();
            var tier = await db.Dealers.Where(d => d.Id == dealerId).Select(d => d.Tier).SingleAsync(TestContext.Current.CancellationToken);
            var list = await db.PriceLists.SingleAsync(l => db.OrderLines.Any(x => x.Id == lineId && x.PriceListId == l.Id), TestContext.Current.CancellationToken);
            Assert.Equal((SalesChannel.Dealer, tier), (list.Channel, list.DealerTier));
        }

        // Naming another dealer is refused; naming the right one is accepted.
        var (otherDealer, _) = await DealerAsync(DealerStatus.Suspended);
        using (var wrong = await director.Post("/api/v1/orders", new { customerId = accountId, dealerId = otherDealer, lines = new[] { new { productId = product.Id(), quantity = 1m } } }))
        {
            Assert.Contains("dealerId", (await wrong.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        await director.PostJsonAsync(
            "/api/v1/orders", new { customerId = accountId, dealerId, lines = new[] { new { productId = product.Id(), quantity = 1m } } }, HttpStatusCode.Created);
    }

    [Theory]
    [InlineData(DealerStatus.Suspended)]
    [InlineData(DealerStatus.Contracted)]
    public async Task A_dealer_that_does_not_trade_cannot_order(DealerStatus status)
    {
        var (_, accountId) = await DealerAsync(status);
        var director = await app.ClientAsync("director");
        var products = (await director.GetJsonAsync($"/api/v1/orders/priced-products?customerId={accountId}")).EnumerateArray().ToList();
        using var refused = await director.Post("/api/v1/orders", new { customerId = accountId, lines = new[] { new { productId = products[0].Id(), quantity = 1m } } });
        await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "dealer.notTrading");
    }
}
