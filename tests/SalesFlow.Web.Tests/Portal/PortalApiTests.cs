using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Portal;

/// <summary>The dealer portal through the real HTTP API: its own records only, dealer-facing fields only, orders through the order use cases.</summary>
public sealed class PortalApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    // Names of internal fields a dealer must never receive, in any casing the JSON could carry them.
    private static readonly string[] InternalFields =
        ["floorPrice", "costPrice", "cost", "margin", "ownerId", "orgUnitId", "holdReason", "releaseReason", "cancelReason", "internalNote", "notes", "priceListId", "createdBy", "updatedBy", "customerId"];

    private static readonly string[] SubmittedStatuses = ["Confirmed", "OnCreditHold", "PendingApproval"];

    private static readonly string[] AgingBuckets = ["notDue", "days0To30", "days31To60", "days61To90", "over90"];

    private static void AssertDealerSafe(string json)
    {
        foreach (var field in InternalFields)
        {
            Assert.DoesNotContain($"\"{field}\"", json, StringComparison.OrdinalIgnoreCase);
        }
    }

    private static async Task<string> RawAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.Get(url);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == expected, $"{url}: {(int)response.StatusCode} {body}");
        return body;
    }

    /// <summary>The dealer's customer account and dealer id, read by the director from one of the dealer's demo orders.</summary>
    private static async Task<(Guid Account, Guid DealerId)> AccountAsync(HttpClient dealer, HttpClient director)
    {
        var own = (await dealer.GetJsonAsync("/api/v1/portal/orders?pageSize=1&sort=orderDate")).Items()[0].Id();
        var order = await director.GetJsonAsync($"/api/v1/orders/{own}");
        return (order.Id("customerId"), order.Id("dealerId"));
    }

    [Fact]
    public async Task The_home_shows_its_own_dealer_credit_from_the_billing_rule_and_no_internal_fields()
    {
        var dealer = await app.ClientAsync("dealer.1");
        var raw = await RawAsync(dealer, "/api/v1/portal/home");
        AssertDealerSafe(raw);
        var home = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(("DLR-000001", "Gold", "Active"), (home.GetProperty("dealer").Str("code"), home.GetProperty("dealer").Str("tier"), home.GetProperty("dealer").Str("status")));
        Assert.False(string.IsNullOrEmpty(home.GetProperty("dealer").GetProperty("areaManager").Str("name")));
        var credit = home.GetProperty("credit");

        // The same figures as the internal order screen's credit usage (one rule: CreditExposure).
        var director = await app.ClientAsync("director");
        var (dealerAccount, _) = await AccountAsync(dealer, director);
        var customer = await director.GetJsonAsync($"/api/v1/customers/{dealerAccount}");
        Assert.Equal(customer.GetProperty("creditLimit").GetDecimal(), credit.GetProperty("limit").GetDecimal());
        var anOrder = (await dealer.GetJsonAsync("/api/v1/portal/orders?pageSize=1")).Items()[0].Id();
        var usage = (await director.GetJsonAsync($"/api/v1/orders/{anOrder}")).GetProperty("credit");
        Assert.Equal(
            (usage.GetProperty("exposure").GetDecimal(), usage.GetProperty("available").GetDecimal(), usage.GetProperty("openOrders").GetDecimal()),
            (credit.GetProperty("used").GetDecimal(), credit.GetProperty("available").GetDecimal(), home.GetProperty("openOrderAmount").GetDecimal()));

        // The demo sizes a trading dealer's limit to its purchases: dealer.1 owes and has on order something, and has room to order more.
        Assert.True(credit.GetProperty("used").GetDecimal() > 0, "dealer.1 has open orders or invoices in the demo");
        Assert.True(credit.GetProperty("available").GetDecimal() >= 500_000m, $"dealer.1 has room to order: {credit.GetProperty("available").GetDecimal()}");
        Assert.InRange(home.GetProperty("openOrderCount").GetInt32(), 1, 20);

        var dealer2 = JsonDocument.Parse(await RawAsync(await app.ClientAsync("dealer.2"), "/api/v1/portal/home")).RootElement;
        Assert.Equal("DLR-000002", dealer2.GetProperty("dealer").Str("code"));

        // Internal users have no portal.
        await (await (await app.ClientAsync("rep.huadong.1")).Get("/api/v1/portal/home")).ProblemAsync(HttpStatusCode.Forbidden);
        await (await director.Get("/api/v1/portal/orders")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_dealer_orders_for_its_own_account_at_its_tier_prices_through_the_order_use_cases_and_submits_with_the_credit_check()
    {
        var dealer = await app.ClientAsync("dealer.1");
        var productsRaw = await RawAsync(dealer, "/api/v1/portal/products");
        AssertDealerSafe(productsRaw);
        var products = JsonDocument.Parse(productsRaw).RootElement.EnumerateArray().ToList();
        Assert.True(products.Count >= 2);
        var (first, second) = (products[0], products[1]);

        // A customer (another one) or a discount is not part of the portal's contract: refused, never applied. The order is the dealer's own.
        var director = await app.ClientAsync("director");
        var otherCustomer = (await director.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0].Id();
        var lines2 = new object[] { new { productId = first.Id(), quantity = 2m }, new { productId = second.Id(), quantity = 3m } };
        await (await dealer.Post("/api/v1/portal/orders", new { customerId = otherCustomer, lines = lines2 })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await dealer.Post("/api/v1/portal/orders", new { lines = new[] { new { productId = first.Id(), quantity = 1m, discountPercent = 50m } } })).ProblemAsync(HttpStatusCode.BadRequest);
        using var placed = await dealer.Post("/api/v1/portal/orders", new { lines = lines2, requestedDeliveryDate = "2027-01-20" });
        var order = await placed.JsonAsync(HttpStatusCode.Created);
        AssertDealerSafe(order.GetRawText());
        Assert.Equal(("Draft", "Portal"), (order.Str("status"), order.Str("channel")));
        var lines = order.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(first.GetProperty("unitPrice").GetDecimal(), lines[0].GetProperty("unitPrice").GetDecimal());
        Assert.Equal(second.GetProperty("unitPrice").GetDecimal(), lines[1].GetProperty("unitPrice").GetDecimal());
        Assert.All(lines, l => Assert.Equal(0m, l.GetProperty("discountPercent").GetDecimal()));
        Assert.Equal(decimal.Round(2m * first.GetProperty("unitPrice").GetDecimal(), 2, MidpointRounding.AwayFromZero), lines[0].GetProperty("netAmount").GetDecimal());

        var (account, dealerId) = await AccountAsync(dealer, director);
        var internalView = await director.GetJsonAsync($"/api/v1/orders/{order.Id()}");
        Assert.Equal(account, internalView.Id("customerId"));
        Assert.Equal(dealerId, internalView.Id("dealerId"));
        Assert.NotEqual(otherCustomer, internalView.Id("customerId"));

        // Another dealer neither sees nor submits it.
        var dealer2 = await app.ClientAsync("dealer.2");
        await (await dealer2.Get($"/api/v1/portal/orders/{order.Id()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await dealer2.Post($"/api/v1/portal/orders/{order.Id()}/submit", null)).ProblemAsync(HttpStatusCode.NotFound);

        // Stale version → 409; then the submit runs the credit check: confirmed, or on credit hold for finance.
        await (await dealer.Post($"/api/v1/portal/orders/{order.Id()}/submit", new { version = order.Number("version") + 5 })).ProblemAsync(HttpStatusCode.Conflict);
        var submitted = await dealer.PostJsonAsync($"/api/v1/portal/orders/{order.Id()}/submit", new { version = order.Number("version") });
        Assert.Contains(submitted.Str("status"), SubmittedStatuses);

        // Once submitted, the company has taken the order on: the dealer no longer cancels it (its area manager can).
        await (await dealer.Post($"/api/v1/portal/orders/{order.Id()}/cancel", new { reason = "不要了", version = submitted.Number("version") }))
            .ProblemAsync(HttpStatusCode.Conflict, "order.notDraft");
        Assert.Equal(submitted.Str("status"), (await director.GetJsonAsync($"/api/v1/orders/{order.Id()}")).Str("status"));
        await (await dealer.Post($"/api/v1/portal/orders/{order.Id()}/submit", null)).ProblemAsync(HttpStatusCode.Conflict, "order.notDraft");

        var mine = await dealer.GetJsonAsync("/api/v1/portal/orders?pageSize=5");
        Assert.Contains(mine.Items(), o => o.Id() == order.Id());
        Assert.True(mine.GetProperty("totalCount").GetInt32() > 5);
        var next = await dealer.GetJsonAsync($"/api/v1/portal/orders?pageSize=5&cursor={mine.Str("nextCursor")}");
        Assert.Empty(next.Items().Select(o => o.Id()).Intersect(mine.Items().Select(o => o.Id())));

        // Validation and a product without a price on its list.
        await (await dealer.Post("/api/v1/portal/orders", new { lines = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.BadRequest);
        await (await dealer.Post("/api/v1/portal/orders", new { lines = new[] { new { productId = Guid.NewGuid(), quantity = 1m } } }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "order.productNotFound");

        // A draft can be cancelled with a reason.
        var draft = await dealer.PostJsonAsync("/api/v1/portal/orders", new { lines = new[] { new { productId = first.Id(), quantity = 1m } } }, HttpStatusCode.Created);
        await (await dealer.Post($"/api/v1/portal/orders/{draft.Id()}/cancel", new { })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal("Cancelled", (await dealer.PostJsonAsync($"/api/v1/portal/orders/{draft.Id()}/cancel", new { reason = "下错了" })).Str("status"));
    }

    [Fact]
    public async Task Another_dealers_orders_deliveries_and_invoices_are_not_found_on_every_portal_endpoint()
    {
        var dealer2 = await app.ClientAsync("dealer.2");
        var theirOrder = (await dealer2.GetJsonAsync("/api/v1/portal/orders?pageSize=1")).Items()[0].Id();
        var theirDelivery = (await dealer2.GetJsonAsync("/api/v1/portal/deliveries?pageSize=1")).Items()[0].Id();
        var theirInvoice = (await dealer2.GetJsonAsync("/api/v1/portal/invoices?pageSize=1")).Items()[0].Id();
        var theirStore = (await dealer2.GetJsonAsync("/api/v1/stores?pageSize=1")).Items()[0].Id();
        await dealer2.GetJsonAsync($"/api/v1/portal/invoices/{theirInvoice}");

        var dealer = await app.ClientAsync("dealer.1");
        foreach (var url in new[]
        {
            $"/api/v1/portal/orders/{theirOrder}", $"/api/v1/portal/deliveries/{theirDelivery}", $"/api/v1/portal/invoices/{theirInvoice}", $"/api/v1/stores/{theirStore}",
        })
        {
            await (await dealer.Get(url)).ProblemAsync(HttpStatusCode.NotFound);
        }

        await (await dealer.Post($"/api/v1/portal/orders/{theirOrder}/submit", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await dealer.Post($"/api/v1/portal/orders/{theirOrder}/cancel", new { reason = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await dealer.Post($"/api/v1/stores/{theirStore}/close", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await dealer.Put($"/api/v1/stores/{theirStore}", new { name = "改名", @class = "A", version = 0 })).ProblemAsync(HttpStatusCode.NotFound);

        // Its lists hold only its own records.
        var mine = await dealer.GetJsonAsync("/api/v1/portal/orders?pageSize=500");
        Assert.DoesNotContain(mine.Items(), o => o.Id() == theirOrder);
        var deliveries = await RawAsync(dealer, "/api/v1/portal/deliveries?pageSize=500");
        Assert.DoesNotContain(theirDelivery.ToString(), deliveries, StringComparison.OrdinalIgnoreCase);
        AssertDealerSafe(deliveries);
        var ownDelivery = JsonDocument.Parse(deliveries).RootElement.Items()[0].Id();
        AssertDealerSafe(await RawAsync(dealer, $"/api/v1/portal/deliveries/{ownDelivery}"));
        var invoices = await RawAsync(dealer, "/api/v1/portal/invoices?pageSize=500");
        Assert.DoesNotContain(theirInvoice.ToString(), invoices, StringComparison.OrdinalIgnoreCase);
        AssertDealerSafe(invoices);
        var ownOrder = mine.Items()[^1].Id();
        AssertDealerSafe(await RawAsync(dealer, $"/api/v1/portal/orders/{ownOrder}"));
    }

    [Fact]
    public async Task Internal_endpoints_refuse_a_dealer_user()
    {
        var dealer = await app.ClientAsync("dealer.1");
        foreach (var url in new[]
        {
            "/api/v1/customers", "/api/v1/orders", "/api/v1/invoices", "/api/v1/receipts", "/api/v1/deliveries", "/api/v1/reports/aging", "/api/v1/products",
            "/api/v1/price-lists", "/api/v1/opportunities", "/api/v1/leads",
        })
        {
            using var response = await dealer.Get(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{url}: {(int)response.StatusCode}");
        }

        var (dealerAccount, _) = await AccountAsync(dealer, await app.ClientAsync("director"));
        await (await dealer.Post("/api/v1/orders", new { customerId = dealerAccount, lines = Array.Empty<object>() })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await dealer.Get($"/api/v1/orders/priced-products?customerId={dealerAccount}")).ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_statement_ages_its_open_balance_in_sql_and_lists_its_receipts()
    {
        var dealer = await app.ClientAsync("dealer.1");
        var raw = await RawAsync(dealer, "/api/v1/portal/statement");
        AssertDealerSafe(raw);
        var statement = JsonDocument.Parse(raw).RootElement;
        var aging = statement.GetProperty("aging");
        var buckets = AgingBuckets.Sum(b => aging.GetProperty(b).GetDecimal());
        Assert.Equal(statement.GetProperty("openBalance").GetDecimal(), buckets);

        // The same figures, bucket by bucket, as finance's aging report shows for the dealer's account.
        var (account, _) = await AccountAsync(dealer, await app.ClientAsync("director"));
        var finance = (await (await app.ClientAsync("finance")).GetJsonAsync("/api/v1/reports/aging?by=customer")).GetProperty("rows").EnumerateArray()
            .Single(r => r.Id("key") == account);
        Assert.Equal(
            [finance.GetProperty("notDue").GetDecimal(), finance.GetProperty("days0To30").GetDecimal(), finance.GetProperty("days31To60").GetDecimal(),
                finance.GetProperty("days61To90").GetDecimal(), finance.GetProperty("over90").GetDecimal()],
            AgingBuckets.Select(b => aging.GetProperty(b).GetDecimal()));
        Assert.Equal(statement.GetProperty("openBalance").GetDecimal(), statement.GetProperty("openInvoices").EnumerateArray().Sum(i => i.GetProperty("open").GetDecimal()));
        var open = await dealer.GetJsonAsync("/api/v1/portal/invoices?open=true&pageSize=500");
        Assert.Equal(statement.GetProperty("openBalance").GetDecimal(), open.Items().Sum(i => i.GetProperty("open").GetDecimal()));
        var receipts = await dealer.GetJsonAsync("/api/v1/portal/receipts?pageSize=10");
        Assert.NotEmpty(receipts.Items());
        Assert.All(receipts.Items(), r => Assert.True(r.GetProperty("amount").GetDecimal() > 0));
    }
}
