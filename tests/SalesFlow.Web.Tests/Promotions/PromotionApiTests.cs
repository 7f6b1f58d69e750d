using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Orders;
using SalesFlow.Core.StockReports;

namespace SalesFlow.Web.Tests.Promotions;

/// <summary>Campaigns: create, allocate, activate and track against an independent query over orders and stock reports; scope, roles, 409 and 422; the dealer's portal view.</summary>
public sealed class PromotionApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    // A period that starts and ends inside a month, two months back (the demo has stock reports for the last twelve months).
    private static readonly DateOnly Start = new(2026, 9, 10);
    private static readonly DateOnly End = new(2026, 10, 20);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<SalesFlowDbContext> DbAsync() =>
        await app.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(Ct);

    private static async Task<string> RawAsync(HttpClient client, string url)
    {
        using var response = await client.Get(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The two products DLR-000001 bought most of in the period (so tracking has real numbers), and the dealers.</summary>
    private async Task<(Guid[] Products, Dealer One, Dealer Two, Dealer NotTrading, Dealer OtherRegion)> FixtureAsync()
    {
        await using var db = await DbAsync();
        var dealers = await db.Dealers.AsNoTracking().ToListAsync(Ct);
        var one = dealers.Single(d => d.Code == "DLR-000001");
        var two = dealers.Single(d => d.Code == "DLR-000002");
        var notTrading = dealers.First(d => d.RegionId == one.RegionId && d.Status != DealerStatus.Active);
        var otherRegion = dealers.First(d => d.RegionId != one.RegionId && d.Status == DealerStatus.Active);
        var quantities = await (from o in db.Orders
                                where o.DealerId == one.Id && o.OrderDate >= Start && o.OrderDate <= End && o.Status != OrderStatus.Draft && o.Status != OrderStatus.Cancelled
                                join l in db.OrderLines on o.Id equals l.OrderId
                                join p in db.Products on l.ProductId equals p.Id
                                where p.IsActive
                                select new { l.ProductId, l.BaseQuantity }).ToListAsync(Ct);
        var products = quantities.GroupBy(x => x.ProductId).OrderByDescending(g => g.Sum(x => x.BaseQuantity)).Select(g => g.Key).Take(2).ToArray();
        Assert.Equal(2, products.Length);
        return (products, one, two, notTrading, otherRegion);
    }

    private static object Body(string name, Guid? regionId, Guid[] products, DateOnly? start = null, DateOnly? end = null, int? version = null) => new
    {
        name,
        kind = "Launch",
        startDate = (start ?? Start).ToString("yyyy-MM-dd"),
        endDate = (end ?? End).ToString("yyyy-MM-dd"),
        regionId,
        terms = "首批进货享 5% 促销折让，陈列达标另奖",
        products = products.Select(p => new { productId = p, discountPercent = 5m, note = "首批" }).ToArray(),
        version,
    };

    private static object Allocations(int version, params (Guid Dealer, Guid Product, decimal Quantity)[] rows) => new
    {
        allocations = rows.Select(r => new { dealerId = r.Dealer, productId = r.Product, quantity = r.Quantity }).ToArray(),
        version,
    };

    [Fact]
    public async Task A_manager_creates_allocates_and_activates_and_tracking_equals_the_orders_and_stock_reports()
    {
        var (products, one, two, notTrading, otherRegion) = await FixtureAsync();
        var huadong = (await app.UnitAsync("HD")).Id();
        var manager = await app.ClientAsync("manager.huadong");

        using (var backwards = await manager.Post("/api/v1/promotions", Body("倒序", huadong, products, End, Start)))
        {
            await backwards.ProblemAsync(HttpStatusCode.UnprocessableEntity, "promotion.endBeforeStart");
        }

        using (var unknown = await manager.Post("/api/v1/promotions", Body("未知产品", huadong, [Guid.NewGuid()])))
        {
            Assert.Contains("products[0].productId", (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        }

        using (var twice = await manager.Post("/api/v1/promotions", Body("重复产品", huadong, [products[0], products[0]])))
        {
            await twice.ProblemAsync(HttpStatusCode.UnprocessableEntity, "promotion.duplicateProduct");
        }

        using (var companyWide = await manager.Post("/api/v1/promotions", Body("全国", null, products)))
        {
            await companyWide.ProblemAsync(HttpStatusCode.UnprocessableEntity, "promotion.outsideRegion");
        }

        var created = await manager.PostJsonAsync("/api/v1/promotions", Body("华东秋季新品推广", huadong, products), HttpStatusCode.Created);
        Assert.Matches(@"^PRM-2026-\d{6}$", created.Str("number"));
        Assert.Equal(("Draft", 2, "华东大区"), (created.Str("status"), created.GetProperty("products").GetArrayLength(), created.Str("regionName")));
        var id = created.Id();
        var version = created.Number("version");

        using (var notInCampaign = await manager.Put($"/api/v1/promotions/{id}/allocations", Allocations(version, (one.Id, Guid.NewGuid(), 10m))))
        {
            await notInCampaign.ProblemAsync(HttpStatusCode.UnprocessableEntity, "promotion.productNotInCampaign");
        }

        using (var duplicate = await manager.Put($"/api/v1/promotions/{id}/allocations", Allocations(version, (one.Id, products[0], 10m), (one.Id, products[0], 5m))))
        {
            await duplicate.ProblemAsync(HttpStatusCode.UnprocessableEntity, "promotion.duplicateAllocation");
        }

        using (var idle = await manager.Put($"/api/v1/promotions/{id}/allocations", Allocations(version, (notTrading.Id, products[0], 10m))))
        {
            await idle.ProblemAsync(HttpStatusCode.UnprocessableEntity, "promotion.dealerNotTrading");
        }

        using (var foreign = await manager.Put($"/api/v1/promotions/{id}/allocations", Allocations(version, (otherRegion.Id, products[0], 10m))))
        {
            await foreign.ProblemAsync(HttpStatusCode.NotFound);
        }

        var allocated = await manager.PutJsonAsync($"/api/v1/promotions/{id}/allocations", Allocations(
            version, (one.Id, products[0], 40m), (one.Id, products[1], 25m), (two.Id, products[0], 30m)));
        Assert.Equal(3, allocated.GetProperty("allocations").GetArrayLength());
        Assert.True(allocated.Number("version") > version);

        using (var stale = await manager.Put($"/api/v1/promotions/{id}/allocations", Allocations(version, (one.Id, products[0], 1m))))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        using (var staleEdit = await manager.Put($"/api/v1/promotions/{id}", Body("改名", huadong, products, version: version)))
        {
            await staleEdit.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        }

        using (var allocatedProduct = await manager.Put($"/api/v1/promotions/{id}", Body("去掉产品", huadong, [products[0]], version: allocated.Number("version"))))
        {
            await allocatedProduct.ProblemAsync(HttpStatusCode.UnprocessableEntity, "promotion.productAllocated");
        }

        var active = await manager.PostJsonAsync($"/api/v1/promotions/{id}/activate", new { version = allocated.Number("version") });
        Assert.Equal("Active", active.Str("status"));
        using (var again = await manager.Post($"/api/v1/promotions/{id}/activate", new { }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict, "promotion.wrongStatus");
        }

        using (var frozen = await manager.Put($"/api/v1/promotions/{id}", Body("改名", huadong, products)))
        {
            await frozen.ProblemAsync(HttpStatusCode.Conflict, "promotion.wrongStatus");
        }

        var tracking = await manager.GetJsonAsync($"/api/v1/promotions/{id}/tracking");
        Assert.Equal(("2026-09-01", "2026-10-31"), (tracking.Str("sellThroughFrom"), tracking.Str("sellThroughTo")));
        var lines = tracking.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(3, lines.Count);

        // The oracle: booked orders (confirmed / partly / fully fulfilled) of the dealer and product dated inside the period,
        // and the submitted stock reports of the months the period touches, read straight from the tables.
        await using var db = await DbAsync();
        var booked = new[] { OrderStatus.Confirmed, OrderStatus.PartiallyFulfilled, OrderStatus.Fulfilled };
        var sellInSeen = 0m;
        foreach (var line in lines)
        {
            var (dealerId, productId) = (line.Id("dealerId"), line.Id("productId"));
            var sold = await (from o in db.Orders
                              where o.DealerId == dealerId && booked.Contains(o.Status) && o.OrderDate >= Start && o.OrderDate <= End
                              join l in db.OrderLines on o.Id equals l.OrderId
                              where l.ProductId == productId
                              select new { l.BaseQuantity, l.NetAmount }).ToListAsync(Ct);
            var through = await (from l in db.StockReportLines
                                 join r in db.StockReports on l.StockReportId equals r.Id
                                 where r.DealerId == dealerId && r.Status == StockReportStatus.Submitted && l.ProductId == productId
                                    && r.Month >= new DateOnly(2026, 9, 1) && r.Month <= new DateOnly(2026, 10, 1)
                                 select l.Sales).ToListAsync(Ct);
            var quantity = sold.Sum(s => s.BaseQuantity);
            var allocatedQuantity = line.GetProperty("allocated").GetDecimal();
            Assert.Equal(quantity, line.GetProperty("sellInQuantity").GetDecimal());
            Assert.Equal(sold.Sum(s => s.NetAmount), line.GetProperty("sellInAmount").GetDecimal());
            Assert.Equal(through.Sum(), line.GetProperty("sellThrough").GetDecimal());
            Assert.Equal(decimal.Round(quantity / allocatedQuantity * 100m, 1, MidpointRounding.AwayFromZero), line.GetProperty("sellInPercent").GetDecimal());
            Assert.Equal(quantity >= allocatedQuantity, line.GetProperty("reached").GetBoolean());
            sellInSeen += quantity;
        }

        Assert.True(sellInSeen > 0, "the demo orders give the period real sell-in");
        var totals = tracking.GetProperty("totals");
        Assert.Equal((2, 3), (totals.Number("dealers"), totals.Number("lines")));
        Assert.Equal(lines.Sum(l => l.GetProperty("sellInAmount").GetDecimal()), totals.GetProperty("sellInAmount").GetDecimal());
        var first = tracking.GetProperty("products").EnumerateArray().Single(p => p.Id("productId") == products[0]);
        Assert.Equal(70m, first.GetProperty("allocated").GetDecimal());

        var list = await manager.GetJsonAsync($"/api/v1/promotions?status=Active&kind=Launch&from=2026-10-01&to=2026-10-31&pageSize=500");
        var row = list.Items().Single(p => p.Id() == id);
        Assert.Equal((2, 2), (row.Number("products"), row.Number("dealers")));
        Assert.DoesNotContain((await manager.GetJsonAsync("/api/v1/promotions?to=2026-09-09&pageSize=500")).Items(), p => p.Id() == id);
        Assert.DoesNotContain((await manager.GetJsonAsync("/api/v1/promotions?status=Draft&pageSize=500")).Items(), p => p.Id() == id);

        var closed = await manager.PostJsonAsync($"/api/v1/promotions/{id}/close", new { version = active.Number("version") });
        Assert.Equal("Closed", closed.Str("status"));
        using var afterClose = await manager.Put($"/api/v1/promotions/{id}/allocations", Allocations(closed.Number("version"), (one.Id, products[0], 1m)));
        await afterClose.ProblemAsync(HttpStatusCode.Conflict, "promotion.wrongStatus");
    }

    [Fact]
    public async Task Reps_read_but_do_not_manage_another_region_does_not_see_a_regional_campaign_and_dealers_stay_out()
    {
        var (products, one, _, _, _) = await FixtureAsync();
        var huadong = (await app.UnitAsync("HD")).Id();
        var director = await app.ClientAsync("director");
        var created = await director.PostJsonAsync("/api/v1/promotions", Body("华东冬季促销", huadong, products), HttpStatusCode.Created);
        var id = created.Id();

        var rep = await app.ClientAsync("rep.huadong.1");
        using (var refused = await rep.Post("/api/v1/promotions", Body("代表新建", huadong, products)))
        {
            await refused.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var repAllocate = await rep.Put($"/api/v1/promotions/{id}/allocations", Allocations(created.Number("version"), (one.Id, products[0], 1m))))
        {
            await repAllocate.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using (var repActivate = await rep.Post($"/api/v1/promotions/{id}/activate", new { }))
        {
            await repActivate.ProblemAsync(HttpStatusCode.Forbidden);
        }

        Assert.Equal(id, (await rep.GetJsonAsync($"/api/v1/promotions/{id}")).Id());
        Assert.Contains((await rep.GetJsonAsync("/api/v1/promotions?pageSize=500")).Items(), p => p.Id() == id);

        var huabei = await app.ClientAsync("manager.huabei");
        using (var hidden = await huabei.Get($"/api/v1/promotions/{id}"))
        {
            await hidden.ProblemAsync(HttpStatusCode.NotFound);
        }

        using (var hiddenTracking = await huabei.Get($"/api/v1/promotions/{id}/tracking"))
        {
            await hiddenTracking.ProblemAsync(HttpStatusCode.NotFound);
        }

        Assert.DoesNotContain((await huabei.GetJsonAsync("/api/v1/promotions?pageSize=500")).Items(), p => p.Id() == id);

        // A company-wide campaign: every region sees it; a regional manager may allocate its own dealers but not change its details.
        var national = await director.PostJsonAsync("/api/v1/promotions", Body("全国新品上市", null, products), HttpStatusCode.Created);
        Assert.Equal(national.Id(), (await huabei.GetJsonAsync($"/api/v1/promotions/{national.Id()}")).Id());
        Assert.False((await huabei.GetJsonAsync($"/api/v1/promotions/{national.Id()}")).GetProperty("canChange").GetBoolean());
        using (var notTheirs = await huabei.Post($"/api/v1/promotions/{national.Id()}/cancel", new { }))
        {
            await notTheirs.ProblemAsync(HttpStatusCode.UnprocessableEntity, "promotion.outsideRegion");
        }

        var cancelled = await director.PostJsonAsync($"/api/v1/promotions/{national.Id()}/cancel", new { });
        Assert.Equal("Cancelled", cancelled.Str("status"));

        var dealer = await app.ClientAsync("dealer.1");
        foreach (var url in new[] { "/api/v1/promotions", $"/api/v1/promotions/{id}", $"/api/v1/promotions/{id}/tracking" })
        {
            using var closed = await dealer.Get(url);
            await closed.ProblemAsync(HttpStatusCode.Forbidden);
        }

        using var dealerCreate = await dealer.Post("/api/v1/promotions", Body("经销商", null, products));
        await dealerCreate.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_portal_shows_a_dealer_its_running_campaigns_with_its_own_allocation_only()
    {
        var (products, one, two, _, _) = await FixtureAsync();
        var huadong = (await app.UnitAsync("HD")).Id();
        var manager = await app.ClientAsync("manager.huadong");
        var created = await manager.PostJsonAsync("/api/v1/promotions", Body("华东门店陈列季", huadong, products), HttpStatusCode.Created);
        var id = created.Id();
        var allocated = await manager.PutJsonAsync($"/api/v1/promotions/{id}/allocations", Allocations(
            created.Number("version"), (one.Id, products[0], 12m), (two.Id, products[0], 34m), (two.Id, products[1], 56m)));

        var dealer = await app.ClientAsync("dealer.1");
        Assert.DoesNotContain((await dealer.GetJsonAsync("/api/v1/portal/promotions")).EnumerateArray(), p => p.Id() == id);

        var active = await manager.PostJsonAsync($"/api/v1/promotions/{id}/activate", new { version = allocated.Number("version") });
        var raw = await RawAsync(dealer, "/api/v1/portal/promotions");
        var campaign = JsonDocument.Parse(raw).RootElement.EnumerateArray().Single(p => p.Id() == id);
        var own = Assert.Single(campaign.GetProperty("products").EnumerateArray());
        Assert.Equal((products[0], 12m), (own.Id("productId"), own.GetProperty("allocated").GetDecimal()));
        Assert.Equal(5m, own.GetProperty("discountPercent").GetDecimal());

        var tracking = await manager.GetJsonAsync($"/api/v1/promotions/{id}/tracking");
        var mine = tracking.GetProperty("lines").EnumerateArray().Single(l => l.Id("dealerId") == one.Id);
        Assert.Equal(mine.GetProperty("sellInAmount").GetDecimal(), own.GetProperty("sellInAmount").GetDecimal());
        Assert.Equal(mine.GetProperty("sellThrough").GetDecimal(), own.GetProperty("sellThrough").GetDecimal());

        // Nothing of the other dealer, nor internal fields, reaches the dealer.
        Assert.DoesNotContain(two.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(two.Code, raw);
        Assert.DoesNotContain(two.Name, raw);
        Assert.DoesNotContain(one.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        foreach (var field in new[] { "regionId", "createdBy", "updatedBy", "dealerId", "allocations", "canChange" })
        {
            Assert.DoesNotContain($"\"{field}\"", raw);
        }

        var other = await app.ClientAsync("dealer.2");
        var theirs = (await other.GetJsonAsync("/api/v1/portal/promotions")).EnumerateArray().Single(p => p.Id() == id);
        Assert.Equal(2, theirs.GetProperty("products").GetArrayLength());

        var internalUser = await app.ClientAsync("manager.huadong");
        using (var notADealer = await internalUser.Get("/api/v1/portal/promotions"))
        {
            await notADealer.ProblemAsync(HttpStatusCode.Forbidden);
        }

        await manager.PostJsonAsync($"/api/v1/promotions/{id}/close", new { version = active.Number("version") });
        Assert.DoesNotContain((await dealer.GetJsonAsync("/api/v1/portal/promotions")).EnumerateArray(), p => p.Id() == id);
    }

    [Fact]
    public async Task The_demo_has_a_closed_spring_promotion_an_active_launch_tracked_from_real_sell_in_and_a_draft()
    {
        var director = await app.ClientAsync("director");
        var demo = (await director.GetJsonAsync("/api/v1/promotions?pageSize=200")).Items();
        var spring = Assert.Single(demo, p => p.Str("name").EndsWith("年春季旺季促销", StringComparison.Ordinal));
        var launch = Assert.Single(demo, p => p.Str("name").EndsWith("年冬季新品上市推广", StringComparison.Ordinal));
        var draft = Assert.Single(demo, p => p.Str("name").EndsWith("年春节备货促销", StringComparison.Ordinal));
        Assert.Equal(("Closed", "Active", "Launch", "Draft"), (spring.Str("status"), launch.Str("status"), launch.Str("kind"), draft.Str("status")));
        Assert.True(spring.Number("dealers") >= 10, $"the spring promotion is allocated to {spring.Number("dealers")} dealers");

        // Allocated at 115 % of last spring: tracked from this spring's real sell-in, some dealers reach it and some do not.
        var springTotals = (await director.GetJsonAsync($"/api/v1/promotions/{spring.Id()}/tracking")).GetProperty("totals");
        Assert.True(springTotals.GetProperty("sellInAmount").GetDecimal() > 0);
        Assert.InRange(springTotals.Number("reached"), 1, springTotals.Number("lines") - 1);

        // The launch reaches dealer.1's portal with its own allocation and the sell-in it already made.
        var portal = (await (await app.ClientAsync("dealer.1")).GetJsonAsync("/api/v1/portal/promotions")).EnumerateArray().Single(p => p.Id() == launch.Id());
        Assert.All(portal.GetProperty("products").EnumerateArray(), p => Assert.True(p.GetProperty("allocated").GetDecimal() > 0));
        Assert.Contains(portal.GetProperty("products").EnumerateArray(), p => p.GetProperty("sellInQuantity").GetDecimal() > 0);
    }
}
