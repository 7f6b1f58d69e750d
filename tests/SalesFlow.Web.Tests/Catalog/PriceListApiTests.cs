using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Catalog;

public sealed class PriceListApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static async Task<JsonElement> ProductAsync(HttpClient director, string sku, string unit = "t", int decimals = 3) =>
        await director.PostJsonAsync("/api/v1/products", new
        {
            sku,
            nameZh = "测试散货 " + sku,
            productLine = "建材散货",
            unit,
            quantityDecimals = decimals,
            taxRate = 0.13m,
            conversions = unit == "t" ? new[] { new { unit = "kg", factorToBase = 0.001m } } : [],
        }, HttpStatusCode.Created);

    [Fact]
    public async Task A_draft_gets_prices_is_submitted_approved_by_the_director_in_the_inbox_then_frozen_copied_and_retired()
    {
        var director = await app.ClientAsync("director");
        var ops = await app.ClientAsync("ops");
        var sand = await ProductAsync(director, "T-PL-SAND");
        var bricks = await ProductAsync(director, "T-PL-BRICK", "块", 0);

        using var response = await ops.Post("/api/v1/price-lists", new { code = "T-PL-001", name = "测试价格表", validFrom = "2026-01-01" });
        var list = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("Draft", "CNY", 0), (list.Str("status"), list.Str("currency"), list.GetProperty("items").GetArrayLength()));
        using var dupe = await ops.Post("/api/v1/price-lists", new { code = "T-PL-001", name = "重复", validFrom = "2026-01-01" });
        await dupe.ProblemAsync(HttpStatusCode.UnprocessableEntity, "priceList.codeTaken");
        using var backwards = await ops.Post("/api/v1/price-lists", new { code = "T-PL-002", name = "倒序", validFrom = "2026-02-01", validTo = "2026-01-01" });
        await backwards.ProblemAsync(HttpStatusCode.UnprocessableEntity, "priceList.validityInvalid");

        var id = list.Id();
        await ops.PutJsonAsync($"/api/v1/price-lists/{id}/items", new { productId = sand.Id(), minQuantity = 0m, unitPrice = 130m, floorPrice = 118m });
        var withBreak = await ops.PutJsonAsync($"/api/v1/price-lists/{id}/items", new { productId = sand.Id(), minQuantity = 25.5m, unitPrice = 124m, floorPrice = 115m });
        Assert.Equal(2, withBreak.GetProperty("items").GetArrayLength());
        var replaced = await ops.PutJsonAsync($"/api/v1/price-lists/{id}/items", new { productId = sand.Id(), minQuantity = 25.5m, unitPrice = 123m, floorPrice = 115m });
        Assert.Equal(123m, replaced.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("minQuantity").GetDecimal() == 25.5m).GetProperty("unitPrice").GetDecimal());

        using var floorAbove = await ops.Put($"/api/v1/price-lists/{id}/items", new { productId = sand.Id(), minQuantity = 0m, unitPrice = 100m, floorPrice = 101m });
        await floorAbove.ProblemAsync(HttpStatusCode.UnprocessableEntity, "priceList.floorAbovePrice");
        using var halfBrick = await ops.Put($"/api/v1/price-lists/{id}/items", new { productId = bricks.Id(), minQuantity = 100.5m, unitPrice = 1.2m });
        await halfBrick.ProblemAsync(HttpStatusCode.UnprocessableEntity, "product.quantityDecimals");
        var brickItem = (await ops.PutJsonAsync($"/api/v1/price-lists/{id}/items", new { productId = bricks.Id(), minQuantity = 0m, unitPrice = 1.2m }))
            .GetProperty("items").EnumerateArray().Single(i => i.Id("productId") == bricks.Id());
        var removed = await ops.Send(HttpMethod.Delete, $"/api/v1/price-lists/{id}/items/{brickItem.Id()}");
        Assert.Equal(2, (await removed.JsonAsync()).GetProperty("items").GetArrayLength());

        var rep = await app.ClientAsync("rep.huadong.1");
        using var repItem = await rep.Put($"/api/v1/price-lists/{id}/items", new { productId = sand.Id(), minQuantity = 0m, unitPrice = 1m });
        await repItem.ProblemAsync(HttpStatusCode.Forbidden);

        var read = JsonSerializer.Deserialize<Dictionary<string, object?>>((await ops.GetJsonAsync($"/api/v1/price-lists/{id}")).GetRawText())!;
        read["name"] = "测试价格表（华东）";
        var renamed = await ops.PutJsonAsync($"/api/v1/price-lists/{id}", read);
        using var staleEdit = await ops.Put($"/api/v1/price-lists/{id}", read);
        await staleEdit.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");

        var submitted = await ops.PostJsonAsync($"/api/v1/price-lists/{id}/submit", new { version = renamed.Number("version") });
        Assert.Equal("PendingApproval", submitted.Str("status"));
        using var opsActivate = await ops.Post($"/api/v1/price-lists/{id}/activate", new { version = submitted.Number("version") });
        await opsActivate.ProblemAsync(HttpStatusCode.Forbidden);
        using var editPending = await ops.Put($"/api/v1/price-lists/{id}/items", new { productId = sand.Id(), minQuantity = 0m, unitPrice = 1m });
        await editPending.ProblemAsync(HttpStatusCode.Conflict, "priceList.notDraft");

        // No direct activation: the director decides the request in the inbox.
        using var directActivate = await director.Post($"/api/v1/price-lists/{id}/activate", new { version = submitted.Number("version") });
        await directActivate.ProblemAsync(HttpStatusCode.UnprocessableEntity, "priceList.approvalRequired");
        var approvalId = submitted.Id("approvalRequestId");
        var request = (await director.GetJsonAsync("/api/v1/approvals?status=Pending&mine=true&pageSize=100")).Items().Single(a => a.Id() == approvalId);
        Assert.Equal(("PriceList", "T-PL-001", "Director"), (request.Str("subjectKind"), request.Str("subjectNumber"), request.Str("currentApproverRole")));
        Assert.Contains("2 项价格", request.Str("subjectTitle"), StringComparison.Ordinal);
        Assert.Contains("全国", request.Str("subjectTitle"), StringComparison.Ordinal);
        using (var byOps = await ops.Post($"/api/v1/approvals/{approvalId}/approve", new { comment = "自己批" }))
        {
            await byOps.ProblemAsync(HttpStatusCode.Forbidden);
        }

        await director.PostJsonAsync($"/api/v1/approvals/{approvalId}/approve", new { comment = "同意调价" });
        var active = await ops.GetJsonAsync($"/api/v1/price-lists/{id}");
        Assert.Equal("Active", active.Str("status"));
        Assert.Equal("Approved", active.GetProperty("approvals")[0].Str("status"));
        using var resubmit = await director.Post($"/api/v1/price-lists/{id}/submit", new { version = active.Number("version") });
        await resubmit.ProblemAsync(HttpStatusCode.Conflict, "priceList.wrongStatus");
        read["version"] = active.Number("version");
        read["status"] = "Draft";
        using var editActive = await ops.Put($"/api/v1/price-lists/{id}", read);
        await editActive.ProblemAsync(HttpStatusCode.Conflict, "priceList.notDraft");

        using var copyResponse = await ops.Post($"/api/v1/price-lists/{id}/copy", new { code = "T-PL-001-B", validFrom = "2027-01-01" });
        var copy = await copyResponse.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(("Draft", "测试价格表（华东）", 2, "2027-01-01"), (copy.Str("status"), copy.Str("name"), copy.GetProperty("items").GetArrayLength(), copy.Str("validFrom")));

        var retired = await director.PostJsonAsync($"/api/v1/price-lists/{id}/retire", new { version = active.Number("version") });
        Assert.Equal("Retired", retired.Str("status"));
        Assert.Contains((await rep.GetJsonAsync("/api/v1/price-lists?status=Retired&q=T-PL-001")).Items(), l => l.Id() == id);
    }

    [Fact]
    public async Task An_empty_draft_cannot_be_submitted_and_the_demo_shows_every_status()
    {
        var ops = await app.ClientAsync("ops");
        var empty = await ops.PostJsonAsync("/api/v1/price-lists", new { code = "T-PL-EMPTY", name = "空", validFrom = "2026-01-01" }, HttpStatusCode.Created);
        using var submit = await ops.Post($"/api/v1/price-lists/{empty.Id()}/submit", new { version = empty.Number("version") });
        await submit.ProblemAsync(HttpStatusCode.UnprocessableEntity, "priceList.empty");

        var rep = await app.ClientAsync("rep.huadong.1");
        var all = (await rep.GetJsonAsync("/api/v1/price-lists?pageSize=100")).Items();
        // Other tests of this class may retire their own lists; the demo's lists alone show the three working states.
        Assert.Equal(["Active", "Draft", "PendingApproval"], all.Where(l => l.Str("code").StartsWith("PL-", StringComparison.Ordinal)).Select(l => l.Str("status")).Distinct().Order().ToArray());
        var gold = all.Single(l => l.Str("code") == "PL-DLR-GOLD");
        Assert.Equal(("Dealer", "Gold"), (gold.Str("channel"), gold.Str("dealerTier")));
        Assert.True(gold.Number("itemCount") > 30);
    }

    [Fact]
    public async Task Resolve_gives_the_winning_list_break_and_floor_for_a_customer_in_scope_and_404_outside()
    {
        var director = await app.ClientAsync("director");
        var gravel = await ProductAsync(director, "T-RS-GRAVEL");
        var list = await director.PostJsonAsync("/api/v1/price-lists", new { code = "T-RS-001", name = "解析测试", validFrom = "2024-01-01" }, HttpStatusCode.Created);
        await director.PutJsonAsync($"/api/v1/price-lists/{list.Id()}/items", new { productId = gravel.Id(), minQuantity = 0m, unitPrice = 96m, floorPrice = 88m });
        await director.PutJsonAsync($"/api/v1/price-lists/{list.Id()}/items", new { productId = gravel.Id(), minQuantity = 100m, unitPrice = 91m, floorPrice = 85m });

        var rep = await app.ClientAsync("rep.huadong.1");
        var customer = (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0].Id();
        var url = $"/api/v1/prices/resolve?customerId={customer}&productId={gravel.Id()}";
        Assert.False((await rep.GetJsonAsync(url + "&quantity=5")).GetProperty("found").GetBoolean());

        // The director is the approver of price lists: their own submit activates the list at once.
        var submitted = await director.PostJsonAsync($"/api/v1/price-lists/{list.Id()}/submit", new { version = (await director.GetJsonAsync($"/api/v1/price-lists/{list.Id()}")).Number("version") });
        Assert.Equal("Active", submitted.Str("status"));

        var small = await rep.GetJsonAsync(url + "&quantity=12.5");
        Assert.Equal((true, "T-RS-001", 96m, 88m, 0m), (small.GetProperty("found").GetBoolean(), small.Str("priceListCode"), small.GetProperty("unitPrice").GetDecimal(), small.GetProperty("floorPrice").GetDecimal(), small.GetProperty("minQuantity").GetDecimal()));
        var inKg = await rep.GetJsonAsync(url + "&quantity=120500&unit=kg&date=2026-06-01&channel=Direct");
        Assert.Equal((120.5m, "t", 91m, 100m), (inKg.GetProperty("baseQuantity").GetDecimal(), inKg.Str("baseUnit"), inKg.GetProperty("unitPrice").GetDecimal(), inKg.GetProperty("minQuantity").GetDecimal()));
        Assert.False((await rep.GetJsonAsync(url + "&quantity=5&date=2023-12-31")).GetProperty("found").GetBoolean());

        using var tooPrecise = await rep.Get(url + "&quantity=1.2345");
        await tooPrecise.ProblemAsync(HttpStatusCode.UnprocessableEntity, "product.quantityDecimals");
        using var wrongUnit = await rep.Get(url + "&quantity=1&unit=箱");
        await wrongUnit.ProblemAsync(HttpStatusCode.UnprocessableEntity, "product.unitUnknown");

        var other = await app.ClientAsync("rep.huabei.1");
        using var outside = await other.Get(url + "&quantity=5");
        await outside.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_rejected_list_returns_to_draft_with_the_comment_and_a_retired_pending_list_cancels_its_request()
    {
        var ops = await app.ClientAsync("ops");
        var director = await app.ClientAsync("director");
        // A regional list: no other test of the class adds an active list for its segment, so it is the one replaced.
        var regional = (await ops.GetJsonAsync("/api/v1/price-lists?q=PL-HD-STD")).Items().Single(l => l.Str("code") == "PL-HD-STD");
        var copy = await ops.PostJsonAsync($"/api/v1/price-lists/{regional.Id()}/copy", new { code = "T-PL-UP", name = "测试调价", validFrom = "2031-01-01" }, HttpStatusCode.Created);
        var item = copy.GetProperty("items").EnumerateArray().First(i => i.GetProperty("minQuantity").GetDecimal() == 0m);
        var oldPrice = item.GetProperty("unitPrice").GetDecimal();
        var raised = await ops.PutJsonAsync($"/api/v1/price-lists/{copy.Id()}/items", new { productId = item.Id("productId"), minQuantity = 0m, unitPrice = oldPrice * 1.25m });

        var submitted = await ops.PostJsonAsync($"/api/v1/price-lists/{copy.Id()}/submit", new { version = raised.Number("version") });
        var request = await director.GetJsonAsync($"/api/v1/approvals/{submitted.Id("approvalRequestId")}");
        // The inbox tells the director what changes: the biggest move against the list it replaces.
        Assert.Contains("PL-HD-STD", request.Str("reason"), StringComparison.Ordinal);
        Assert.Contains("华东", request.Str("subjectTitle"), StringComparison.Ordinal);
        Assert.Contains(item.Str("sku"), request.Str("reason"), StringComparison.Ordinal);
        Assert.Contains("+25.0%", request.Str("reason"), StringComparison.Ordinal);

        using (var noComment = await director.Post($"/api/v1/approvals/{request.Id()}/reject", new { comment = "" }))
        {
            await noComment.ProblemAsync(HttpStatusCode.BadRequest);
        }

        await director.PostJsonAsync($"/api/v1/approvals/{request.Id()}/reject", new { comment = "涨幅过大，请控制在 10% 以内" });
        var returned = await ops.GetJsonAsync($"/api/v1/price-lists/{copy.Id()}");
        Assert.Equal(("Draft", "涨幅过大，请控制在 10% 以内"), (returned.Str("status"), returned.Str("rejectionReason")));

        // Edited and submitted again: a new request; retiring the pending list cancels it.
        var lowered = await ops.PutJsonAsync($"/api/v1/price-lists/{copy.Id()}/items", new { productId = item.Id("productId"), minQuantity = 0m, unitPrice = oldPrice * 1.08m });
        var again = await ops.PostJsonAsync($"/api/v1/price-lists/{copy.Id()}/submit", new { version = lowered.Number("version") });
        Assert.Equal(JsonValueKind.Null, again.GetProperty("rejectionReason").ValueKind);
        Assert.NotEqual(request.Id(), again.Id("approvalRequestId"));
        using (var stale = await ops.Post($"/api/v1/price-lists/{copy.Id()}/submit", new { version = lowered.Number("version") }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        var retired = await director.PostJsonAsync($"/api/v1/price-lists/{copy.Id()}/retire", new { version = again.Number("version") });
        Assert.Equal("Retired", retired.Str("status"));
        Assert.Equal("Cancelled", (await director.GetJsonAsync($"/api/v1/approvals/{again.Id("approvalRequestId")}")).Str("status"));
    }

    [Fact]
    public async Task The_demos_2027_list_waits_in_the_directors_inbox_with_its_summary()
    {
        var director = await app.ClientAsync("director");
        var pending = (await director.GetJsonAsync("/api/v1/price-lists?q=PL-CN-2027")).Items().Single();
        Assert.Equal("PendingApproval", pending.Str("status"));
        var details = await director.GetJsonAsync($"/api/v1/price-lists/{pending.Id()}");
        var inbox = (await director.GetJsonAsync("/api/v1/approvals?status=Pending&mine=true&pageSize=100")).Items();
        var request = inbox.Single(a => a.Str("subjectKind") == "PriceList" && a.Str("subjectNumber") == "PL-CN-2027");
        Assert.Equal(details.Id("approvalRequestId"), request.Id());
        // Every price of the 2027 list is the base list's +3 %, give or take the rounding of a small price to the fen.
        Assert.Matches(@"对比 PL-CN-BASE：最大调价 \S+ [\d.]+ → [\d.]+（\+3\.\d%）", request.Str("reason"));
        Assert.Contains($"{details.GetProperty("items").GetArrayLength()} 项价格", request.Str("subjectTitle"), StringComparison.Ordinal);
        Assert.Equal("Pending", details.GetProperty("approvals")[0].Str("status"));

        // Requested by sales operations (no region above them): the chain is the director alone; a manager does not see it to decide.
        Assert.Single(details.GetProperty("approvals")[0].GetProperty("steps").EnumerateArray());
        Assert.DoesNotContain((await (await app.ClientAsync("manager.huadong")).GetJsonAsync("/api/v1/approvals?status=Pending&mine=true&pageSize=100")).Items(), a => a.Id() == request.Id());
    }
}
