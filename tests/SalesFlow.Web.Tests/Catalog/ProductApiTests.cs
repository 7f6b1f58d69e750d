using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Catalog;

public sealed class ProductApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static object NewProduct(string sku, decimal? costPrice = 3_100m) => new
    {
        sku,
        nameZh = "散装水泥 P.O 42.5（测试）",
        nameEn = "Bulk cement P.O 42.5 (test)",
        productLine = "建材散货",
        category = "水泥",
        unit = "t",
        quantityDecimals = 3,
        taxRate = 0.13m,
        costPrice,
        weightKg = 1000m,
        volumeM3 = 0.77m,
        conversions = new[] { new { unit = "kg", factorToBase = 0.001m } },
    };

    [Fact]
    public async Task A_rep_never_receives_the_cost_field_finance_and_the_director_do()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        using var list = await rep.Get("/api/v1/products?pageSize=100");
        var listText = await list.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.DoesNotContain("costPrice", listText, StringComparison.OrdinalIgnoreCase);
        var page = JsonDocument.Parse(listText).RootElement;
        Assert.True(page.Items().Count >= 38);
        var cnc = page.Items().Single(p => p.Str("sku") == "EQ-CNC-0850");

        using var single = await rep.Get($"/api/v1/products/{cnc.Id()}");
        var singleText = await single.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, single.StatusCode);
        Assert.DoesNotContain("costPrice", singleText, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"unit\":\"台\"", singleText, StringComparison.Ordinal);

        foreach (var user in new[] { "finance", "director" })
        {
            var client = await app.ClientAsync(user);
            var withCost = (await client.GetJsonAsync("/api/v1/products?q=EQ-CNC-0850")).Items().Single();
            Assert.True(withCost.GetProperty("costPrice").GetDecimal() > 0);
            Assert.True((await client.GetJsonAsync($"/api/v1/products/{cnc.Id()}")).GetProperty("costPrice").GetDecimal() > 0);
        }
    }

    [Fact]
    public async Task A_rep_may_not_create_or_edit_and_sales_ops_may_not_send_a_cost()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        using var create = await rep.Post("/api/v1/products", NewProduct("T-REP-001", null));
        await create.ProblemAsync(HttpStatusCode.Forbidden);

        var ops = await app.ClientAsync("ops");
        using var withCost = await ops.Post("/api/v1/products", NewProduct("T-OPS-001"));
        await withCost.ProblemAsync(HttpStatusCode.Forbidden);
        using var created = await ops.Post("/api/v1/products", NewProduct("T-OPS-002", null));
        var body = await created.JsonAsync(HttpStatusCode.Created);
        Assert.False(body.TryGetProperty("costPrice", out _));

        // The director sets a cost; an edit by sales ops (who never saw it) keeps it.
        var director = await app.ClientAsync("director");
        var read = JsonSerializer.Deserialize<Dictionary<string, object?>>((await director.GetJsonAsync($"/api/v1/products/{body.Id()}")).GetRawText())!;
        read["costPrice"] = 299.5m;
        var costed = await director.PutJsonAsync($"/api/v1/products/{body.Id()}", read);
        Assert.Equal(299.5m, costed.GetProperty("costPrice").GetDecimal());

        var opsRead = JsonSerializer.Deserialize<Dictionary<string, object?>>((await ops.GetJsonAsync($"/api/v1/products/{body.Id()}")).GetRawText())!;
        opsRead["nameZh"] = "散装水泥（改名）";
        var renamed = await ops.PutJsonAsync($"/api/v1/products/{body.Id()}", opsRead);
        Assert.Equal("散装水泥（改名）", renamed.Str("nameZh"));
        Assert.Equal(299.5m, (await director.GetJsonAsync($"/api/v1/products/{body.Id()}")).GetProperty("costPrice").GetDecimal());
    }

    [Fact]
    public async Task The_director_creates_edits_deactivates_and_activates_with_409_on_a_stale_version_and_422_codes()
    {
        var director = await app.ClientAsync("director");
        using var response = await director.Post("/api/v1/products", NewProduct("t-dir-001"));
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/products/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(("T-DIR-001", "t", 3, 3_100m, true), (created.Str("sku"), created.Str("unit"), created.Number("quantityDecimals"), created.GetProperty("costPrice").GetDecimal(), created.GetProperty("isActive").GetBoolean()));
        Assert.Equal(("kg", 0.001m), (created.GetProperty("conversions")[0].Str("unit"), created.GetProperty("conversions")[0].GetProperty("factorToBase").GetDecimal()));

        using var duplicate = await director.Post("/api/v1/products", NewProduct("T-DIR-001"));
        await duplicate.ProblemAsync(HttpStatusCode.UnprocessableEntity, "product.skuTaken");
        using var badConversion = await director.Post("/api/v1/products", new
        {
            sku = "T-DIR-002",
            nameZh = "x",
            productLine = "建材散货",
            unit = "t",
            quantityDecimals = 3,
            taxRate = 0.13m,
            conversions = new[] { new { unit = "t", factorToBase = 1m } },
        });
        await badConversion.ProblemAsync(HttpStatusCode.UnprocessableEntity, "product.conversionInvalid");
        using var tooManyDecimals = await director.Post("/api/v1/products", new { sku = "T-DIR-003", nameZh = "x", productLine = "x", unit = "t", quantityDecimals = 4, taxRate = 0.13m });
        Assert.Contains("quantityDecimals", (await tooManyDecimals.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var read = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        read["conversions"] = new[] { new { unit = "kg", factorToBase = 0.001m }, new { unit = "车", factorToBase = 32m } };
        read["taxRate"] = 0.09m;
        var updated = await director.PutJsonAsync($"/api/v1/products/{created.Id()}", read);
        Assert.Equal((0.09m, 2, created.Number("version") + 1), (updated.GetProperty("taxRate").GetDecimal(), updated.GetProperty("conversions").GetArrayLength(), updated.Number("version")));

        using var stale = await director.Put($"/api/v1/products/{created.Id()}", read);
        var conflict = await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.Equal(updated.Number("version"), conflict.GetProperty("current").Number("version"));

        var deactivated = await director.PostJsonAsync($"/api/v1/products/{created.Id()}/deactivate", new { version = updated.Number("version") });
        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        Assert.DoesNotContain((await director.GetJsonAsync("/api/v1/products?active=true&q=T-DIR-001")).Items(), p => p.Id() == created.Id());
        using var staleActivate = await director.Post($"/api/v1/products/{created.Id()}/activate", new { version = updated.Number("version") });
        await staleActivate.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        var activated = await director.PostJsonAsync($"/api/v1/products/{created.Id()}/activate", new { version = deactivated.Number("version") });
        Assert.True(activated.GetProperty("isActive").GetBoolean());

        var rep = await app.ClientAsync("rep.huadong.1");
        using var repDeactivate = await rep.Post($"/api/v1/products/{created.Id()}/deactivate", new { version = activated.Number("version") });
        await repDeactivate.ProblemAsync(HttpStatusCode.Forbidden);
        using var missing = await rep.Get($"/api/v1/products/{Guid.NewGuid()}");
        await missing.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_filters_by_text_line_and_active_and_pages_by_cursor()
    {
        var rep = await app.ClientAsync("rep.huabei.1");
        var bulk = (await rep.GetJsonAsync("/api/v1/products?productLine=建材散货&pageSize=500")).Items();
        Assert.NotEmpty(bulk);
        Assert.All(bulk, p => Assert.Equal("建材散货", p.Str("productLine")));
        Assert.Contains(bulk, p => p.Str("unit") == "m³");

        var byName = (await rep.GetJsonAsync("/api/v1/products?q=轴承")).Items();
        Assert.Contains(byName, p => p.Str("sku") == "CS-BRG-6205");
        var bySku = (await rep.GetJsonAsync("/api/v1/products?q=cs-brg")).Items();
        Assert.Equal(2, bySku.Count);
        var inactive = (await rep.GetJsonAsync("/api/v1/products?active=false")).Items();
        Assert.Contains(inactive, p => p.Str("sku") == "BM-BRK-STD");

        var first = await rep.GetJsonAsync("/api/v1/products?pageSize=10&sort=sku");
        var second = await rep.GetJsonAsync($"/api/v1/products?pageSize=10&sort=sku&cursor={first.Str("nextCursor")}");
        Assert.Empty(first.Items().Select(p => p.Id()).Intersect(second.Items().Select(p => p.Id())));
        Assert.True(string.CompareOrdinal(first.Items()[^1].Str("sku"), second.Items()[0].Str("sku")) < 0);
    }
}
