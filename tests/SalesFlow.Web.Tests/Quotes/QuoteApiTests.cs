using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Quotes;

/// <summary>The quotes and approvals API against the demo company: prices, line money, the discount authority through the approval inbox, scope, versions.</summary>
public sealed class QuoteApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static async Task<Guid> CustomerAsync(HttpClient rep) => (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0].Id();

    // A product sold by the piece that the customer's price lists price, with its list price and tax rate.
    private static async Task<(Guid Id, decimal ListPrice, decimal TaxRate, string Unit)> ProductAsync(HttpClient rep, Guid customer)
    {
        var products = (await rep.GetJsonAsync("/api/v1/quotes/products?take=100")).EnumerateArray().Where(p => p.Number("quantityDecimals") == 0);
        foreach (var product in products)
        {
            using var preview = await rep.Post("/api/v1/quotes/price-preview", new { customerId = customer, lines = new[] { new { productId = product.Id(), quantity = 1 } } });
            if (preview.StatusCode == HttpStatusCode.OK)
            {
                var line = (await preview.JsonAsync()).GetProperty("lines")[0];
                if (line.GetProperty("listUnitPrice").GetDecimal() >= 1_000m)
                {
                    return (product.Id(), line.GetProperty("listUnitPrice").GetDecimal(), line.GetProperty("taxRate").GetDecimal(), product.Str("unit"));
                }
            }
        }

        throw new InvalidOperationException("The demo catalogue prices no piece product for this customer.");
    }

    private static async Task<JsonElement> QuoteAsync(HttpClient rep, decimal discount, decimal quantity = 2)
    {
        var customer = await CustomerAsync(rep);
        var product = await ProductAsync(rep, customer);
        return await rep.PostJsonAsync("/api/v1/quotes", new { customerId = customer, lines = new[] { new { productId = product.Id, quantity, discountPercent = discount } } }, HttpStatusCode.Created);
    }

    private static async Task<JsonElement> VerbAsync(HttpClient client, JsonElement quote, string verb, object? extra = null, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = new Dictionary<string, object?> { ["version"] = quote.Number("version") };
        if (extra is not null)
        {
            foreach (var property in JsonSerializer.SerializeToElement(extra).EnumerateObject())
            {
                body[property.Name] = property.Value;
            }
        }

        return await client.PostJsonAsync($"/api/v1/quotes/{quote.Id()}/{verb}", body, expected);
    }

    private static decimal Money(JsonElement element, string property) => element.GetProperty(property).GetDecimal();

    [Fact]
    public async Task A_quote_is_priced_from_the_list_and_within_the_reps_authority_goes_from_submit_to_accepted()
    {
        var rep = await app.ClientAsync("rep.huadong.6");
        var customer = await CustomerAsync(rep);
        var product = await ProductAsync(rep, customer);

        using var response = await rep.Post("/api/v1/quotes", new
        {
            customerId = customer,
            terms = "含税价，货到付款",
            lines = new[] { new { productId = product.Id, quantity = 3m, discountPercent = 4m } },
        });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/quotes/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Matches(@"^QT-\d{4}-\d{6}$", created.Str("number"));
        Assert.Equal(("Draft", 1, "CNY"), (created.Str("status"), created.Number("revision"), created.Str("currency")));
        var line = created.GetProperty("lines")[0];
        var net = decimal.Round(3m * product.ListPrice * 0.96m, 2, MidpointRounding.AwayFromZero);
        var tax = decimal.Round(net * product.TaxRate, 2, MidpointRounding.AwayFromZero);
        Assert.Equal((product.ListPrice, net, tax, net + tax), (Money(line, "listUnitPrice"), Money(line, "netAmount"), Money(line, "taxAmount"), Money(line, "grossAmount")));
        Assert.Equal((net, tax, net + tax), (Money(created, "netAmount"), Money(created, "taxAmount"), Money(created, "grossAmount")));

        var approved = await VerbAsync(rep, created, "submit");
        Assert.Equal("Approved", approved.Str("status"));
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("notice").ValueKind);
        var sent = await VerbAsync(rep, approved, "send");
        Assert.Equal("Sent", sent.Str("status"));
        var accepted = await VerbAsync(rep, sent, "accept");
        Assert.Equal("Accepted", accepted.Str("status"));

        // Accepting makes a draft order with the quote's lines, priced by the order rules; the quote links to it.
        var order = await rep.GetJsonAsync($"/api/v1/orders/{accepted.Id("orderId")}");
        Assert.Equal(("Draft", customer), (order.Str("status"), order.Id("customerId")));
        var orderLine = order.GetProperty("lines")[0];
        Assert.Equal((3m, 4m, net), (orderLine.GetProperty("quantity").GetDecimal(), orderLine.GetProperty("discountPercent").GetDecimal(), Money(orderLine, "netAmount")));

        var list = await rep.GetJsonAsync($"/api/v1/quotes?status=Accepted&customerId={customer}");
        Assert.Contains(list.Items(), q => q.Id() == created.Id());
    }

    [Fact]
    public async Task Eight_percent_by_a_rep_waits_in_manager_huadongs_inbox_and_only_he_decides_it()
    {
        var rep = await app.ClientAsync("rep.huadong.7");
        var quote = await QuoteAsync(rep, 8m);
        var pending = await VerbAsync(rep, quote, "submit");
        Assert.Equal(("PendingApproval", "discount.needsApproval", "RegionalManager"),
            (pending.Str("status"), pending.GetProperty("notice").Str("code"), pending.GetProperty("notice").Str("requiredRole")));
        var approvalId = pending.Id("approvalRequestId");

        var manager = await app.ClientAsync("manager.huadong");
        var inbox = await manager.GetJsonAsync("/api/v1/approvals?status=Pending&mine=true");
        var item = Assert.Single(inbox.Items(), i => i.Id() == approvalId);
        Assert.Equal(("Quote", quote.Id(), 8m), (item.Str("subjectKind"), item.Id("subjectId"), item.GetProperty("percentage").GetDecimal()));
        Assert.DoesNotContain((await (await app.ClientAsync("director")).GetJsonAsync("/api/v1/approvals?status=Pending&mine=true")).Items(), i => i.Id() == approvalId);

        using (var byRep = await rep.Post($"/api/v1/approvals/{approvalId}/approve", new { comment = "自己批" }))
        {
            await byRep.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var otherRegion = await (await app.ClientAsync("manager.huabei")).Post($"/api/v1/approvals/{approvalId}/approve", new { comment = "x" }))
        {
            await otherRegion.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var director = await (await app.ClientAsync("director")).Post($"/api/v1/approvals/{approvalId}/approve", new { comment = "x" }))
        {
            await director.ProblemAsync(HttpStatusCode.Forbidden, "approval.notApprover");
        }

        using (var bareReject = await manager.Post($"/api/v1/approvals/{approvalId}/reject", new { comment = "" }))
        {
            Assert.Contains("comment", (await bareReject.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var decided = await manager.PostJsonAsync($"/api/v1/approvals/{approvalId}/approve", new { comment = "同意，老客户" });
        Assert.Equal(("Approved", "同意，老客户"), (decided.Str("status"), decided.GetProperty("steps")[0].Str("comment")));
        Assert.Equal("Approved", (await rep.GetJsonAsync($"/api/v1/quotes/{quote.Id()}")).Str("status"));

        using var twice = await manager.Post($"/api/v1/approvals/{approvalId}/approve", new { comment = "again" });
        await twice.ProblemAsync(HttpStatusCode.Conflict, "approval.alreadyDecided");
        var read = await rep.GetJsonAsync($"/api/v1/approvals/{approvalId}");
        Assert.False(read.GetProperty("canDecide").GetBoolean());
        Assert.Contains((await manager.GetJsonAsync("/api/v1/approvals?decidedByMe=true")).Items(), i => i.Id() == approvalId);

        // Accepted, the quote becomes an order whose 8 % the manager already approved: submitting it does not ask again
        // (the credit check still runs); the order names the quote it came from.
        var sent = await VerbAsync(rep, await rep.GetJsonAsync($"/api/v1/quotes/{quote.Id()}"), "send");
        var accepted = await VerbAsync(rep, sent, "accept");
        var order = await rep.PostJsonAsync($"/api/v1/orders/{accepted.Id("orderId")}/submit", new { });
        Assert.True(order.Str("status") is "Confirmed" or "OnCreditHold", order.Str("status"));
        Assert.Equal((quote.Id(), quote.Str("number")), (order.Id("sourceQuoteId"), order.Str("sourceQuoteNumber")));
        Assert.DoesNotContain((await manager.GetJsonAsync("/api/v1/approvals?status=Pending&mine=true")).Items(), i => i.Id("subjectId") == order.Id());
    }

    [Fact]
    public async Task Fifteen_percent_goes_to_the_manager_then_the_director_and_a_rejection_returns_a_quote_to_draft()
    {
        var rep = await app.ClientAsync("rep.huadong.8");
        var manager = await app.ClientAsync("manager.huadong");
        var director = await app.ClientAsync("director");
        var quote = await QuoteAsync(rep, 15m);
        var pending = await VerbAsync(rep, quote, "submit");
        Assert.Equal("Director", pending.GetProperty("notice").Str("requiredRole"));
        var approvalId = pending.Id("approvalRequestId");

        var afterManager = await manager.PostJsonAsync($"/api/v1/approvals/{approvalId}/approve", new { comment = "同意，报总监" });
        Assert.Equal(("Pending", "Director"), (afterManager.Str("status"), afterManager.Str("currentApproverRole")));
        Assert.Equal("PendingApproval", (await rep.GetJsonAsync($"/api/v1/quotes/{quote.Id()}")).Str("status"));
        Assert.Contains((await director.GetJsonAsync("/api/v1/approvals?status=Pending&mine=true")).Items(), i => i.Id() == approvalId);
        await director.PostJsonAsync($"/api/v1/approvals/{approvalId}/approve", new { comment = "特批" });
        var approved = await rep.GetJsonAsync($"/api/v1/quotes/{quote.Id()}");
        Assert.Equal("Approved", approved.Str("status"));
        Assert.Equal(["Approved", "Approved"], approved.GetProperty("approvals")[0].GetProperty("steps").EnumerateArray().Select(s => s.Str("status")));

        // Rejected by the manager: back to draft with the comment, and editable again.
        var second = await QuoteAsync(rep, 9m);
        var secondPending = await VerbAsync(rep, second, "submit");
        await manager.PostJsonAsync($"/api/v1/approvals/{secondPending.Id("approvalRequestId")}/reject", new { comment = "请把折扣降到 5%" });
        var draft = await rep.GetJsonAsync($"/api/v1/quotes/{second.Id()}");
        Assert.Equal(("Draft", "请把折扣降到 5%"), (draft.Str("status"), draft.Str("rejectionReason")));
        var edited = JsonSerializer.Deserialize<Dictionary<string, object?>>(draft.GetRawText())!;
        edited["lines"] = draft.GetProperty("lines").EnumerateArray().Select(l => new { productId = l.Id("productId"), quantity = l.GetProperty("quantity").GetDecimal(), unit = l.Str("unit"), discountPercent = 5m }).ToList();
        var updated = await rep.PutJsonAsync($"/api/v1/quotes/{second.Id()}", edited);
        Assert.Equal("Approved", (await VerbAsync(rep, updated, "submit")).Str("status"));
    }

    [Fact]
    public async Task Scope_versions_and_status_rules_are_enforced()
    {
        var rep = await app.ClientAsync("rep.huadong.9");
        var quote = await QuoteAsync(rep, 2m);

        var other = await app.ClientAsync("rep.huabei.2");
        using (var read = await other.Get($"/api/v1/quotes/{quote.Id()}"))
        {
            await read.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var submit = await other.Post($"/api/v1/quotes/{quote.Id()}/submit", new { version = quote.Number("version") }))
        {
            await submit.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.DoesNotContain((await other.GetJsonAsync("/api/v1/quotes?pageSize=500")).Items(), q => q.Id() == quote.Id());

        var edited = JsonSerializer.Deserialize<Dictionary<string, object?>>(quote.GetRawText())!;
        edited["title"] = "修改后的报价";
        edited["lines"] = quote.GetProperty("lines").EnumerateArray().Select(l => new { productId = l.Id("productId"), quantity = 5m, unit = l.Str("unit"), discountPercent = 1m }).ToList();
        var updated = await rep.PutJsonAsync($"/api/v1/quotes/{quote.Id()}", edited);
        Assert.Equal(("修改后的报价", quote.Number("version") + 1), (updated.Str("title"), updated.Number("version")));
        using (var stale = await rep.Put($"/api/v1/quotes/{quote.Id()}", edited))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        edited["version"] = updated.Number("version");
        edited["lines"] = quote.GetProperty("lines").EnumerateArray().Select(l => new { productId = l.Id("productId"), quantity = 5m, unit = l.Str("unit"), discountPercent = 25m }).ToList();
        using (var tooMuch = await rep.Put($"/api/v1/quotes/{quote.Id()}", edited))
        {
            await tooMuch.ProblemAsync(HttpStatusCode.UnprocessableEntity, "discount.exceedsMaximum");
        }

        var approved = await VerbAsync(rep, updated, "submit");
        edited["version"] = approved.Number("version");
        edited["status"] = approved.Str("status");
        edited["lines"] = quote.GetProperty("lines").EnumerateArray().Select(l => new { productId = l.Id("productId"), quantity = 5m, unit = l.Str("unit"), discountPercent = 0m }).ToList();
        using (var notDraft = await rep.Put($"/api/v1/quotes/{quote.Id()}", edited))
        {
            await notDraft.ProblemAsync(HttpStatusCode.UnprocessableEntity, "quote.notDraft");
        }

        using (var staleVerb = await rep.Post($"/api/v1/quotes/{quote.Id()}/send", new { version = updated.Number("version") }))
        {
            await staleVerb.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        using (var noReason = await rep.Post($"/api/v1/quotes/{quote.Id()}/reject", new { version = approved.Number("version") }))
        {
            Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        var revision = await VerbAsync(rep, approved, "revise");
        Assert.Equal((2, "Draft", quote.Str("number") + "-R2"), (revision.Number("revision"), revision.Str("status"), revision.Str("displayNumber")));
        Assert.Equal("Superseded", (await rep.GetJsonAsync($"/api/v1/quotes/{quote.Id()}")).Str("status"));

        var finance = await app.ClientAsync("finance");
        using var create = await finance.Post("/api/v1/quotes", new { customerId = quote.Id("customerId"), lines = Array.Empty<object>() });
        await create.ProblemAsync(HttpStatusCode.Forbidden);
        using var decide = await finance.Post($"/api/v1/approvals/{Guid.NewGuid()}/approve", new { comment = "x" });
        await decide.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_quote_from_an_opportunity_copies_its_catalogue_lines()
    {
        var rep = await app.ClientAsync("rep.huadong.10");
        var customer = await CustomerAsync(rep);
        var product = await ProductAsync(rep, customer);
        var opportunity = await rep.PostJsonAsync("/api/v1/opportunities", new
        {
            name = "设备更新",
            customerId = customer,
            lines = new[]
            {
                new { productName = "目录产品", sku = (string?)null, productId = (Guid?)product.Id, quantity = 4m, unit = product.Unit, unitPrice = 1m },
                new { productName = "非目录服务", sku = (string?)null, productId = (Guid?)null, quantity = 1m, unit = "项", unitPrice = 5_000m },
            },
        }, HttpStatusCode.Created);

        var quote = await rep.PostJsonAsync("/api/v1/quotes", new { fromOpportunityId = opportunity.Id() }, HttpStatusCode.Created);
        Assert.Equal((customer, opportunity.Id(), "设备更新"), (quote.Id("customerId"), quote.Id("opportunityId"), quote.Str("title")));
        var line = Assert.Single(quote.GetProperty("lines").EnumerateArray());
        Assert.Equal((product.Id, 4m, product.ListPrice), (line.Id("productId"), line.GetProperty("quantity").GetDecimal(), Money(line, "listUnitPrice")));
    }
}
