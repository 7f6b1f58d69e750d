using System.Globalization;
using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Dealers.Staff;

/// <summary>
/// Dealer staff through the real HTTP API: the dealer user adds and deactivates its staff in the portal, a staff member
/// works like a rep inside its dealer only, store visits write store checks (店员主推率), and the area manager scores the month.
/// </summary>
public sealed class DealerStaffApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private const string Password = SalesFlowApp.DemoPassword;

    private static readonly string[] UnknownLine = ["不存在的产品线"];

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string Month(DateOnly day) => day.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private async Task<(Guid DealerId, Guid StoreId, string Line)> DealerOneStoreAsync()
    {
        var dealer = await app.ClientAsync("dealer.1");
        var stores = (await dealer.GetJsonAsync("/api/v1/stores?active=true&pageSize=500")).Items();
        var store = stores.First(s => s.Str("class") is "A" or "B");
        var details = await dealer.GetJsonAsync($"/api/v1/stores/{store.Id()}");
        var line = details.GetProperty("standard").EnumerateArray().Last().Str("productLine");
        return (store.Id("dealerId"), store.Id(), line);
    }

    private async Task<(Guid Id, HttpClient Client)> AddStaffAsync(string userName, string name = "测试导购")
    {
        var dealer = await app.ClientAsync("dealer.1");
        var added = await dealer.PostJsonAsync("/api/v1/portal/staff", new { name, userName, password = Password, mobile = "13800000000" }, HttpStatusCode.Created);
        return (added.Id(), await app.ClientAsync(userName));
    }

    [Fact]
    public async Task The_dealer_user_adds_lists_and_deactivates_its_own_staff_in_the_portal()
    {
        var dealer = await app.ClientAsync("dealer.1");
        var dealer2 = await app.ClientAsync("dealer.2");
        var added = await dealer.PostJsonAsync("/api/v1/portal/staff", new { name = "周晓梅", userName = "staff.portal.1", password = Password }, HttpStatusCode.Created);
        Assert.Equal(("周晓梅", "staff.portal.1", true), (added.Str("name"), added.Str("userName"), added.GetProperty("isActive").GetBoolean()));
        Assert.Matches(@"^EMP-\d{6}$", added.Str("employeeNo"));

        // Dealer-facing record: no manager, no score.
        Assert.False(added.TryGetProperty("score", out _));
        Assert.False(added.TryGetProperty("managerName", out _));
        Assert.Contains((await dealer.GetJsonAsync("/api/v1/portal/staff?pageSize=500")).Items(), s => s.Id() == added.Id());
        Assert.DoesNotContain((await dealer2.GetJsonAsync("/api/v1/portal/staff?pageSize=500")).Items(), s => s.Id() == added.Id());

        // The new account signs in as dealer staff.
        var staff = await app.ClientAsync("staff.portal.1");
        var me = await staff.GetJsonAsync("/api/v1/me");
        Assert.Contains("DealerStaff", me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(added.Id(), me.Id("employeeId"));

        // Refusals: a taken user name (422), a short password (400), another dealer (404), internal roles (403 on the portal).
        await (await dealer.Post("/api/v1/portal/staff", new { name = "重名", userName = "staff.portal.1", password = Password }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "staff.userNameTaken");
        var invalid = await (await dealer.Post("/api/v1/portal/staff", new { name = "短密码", userName = "staff.portal.2", password = "abc" })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("password", invalid.ErrorFields());
        await (await dealer2.Post($"/api/v1/portal/staff/{added.Id()}/deactivate", null)).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ClientAsync("rep.huadong.1")).Get("/api/v1/portal/staff")).ProblemAsync(HttpStatusCode.Forbidden);

        // Deactivate: the account stops working at once; a second time is refused.
        var left = await dealer.PostJsonAsync($"/api/v1/portal/staff/{added.Id()}/deactivate", new { });
        Assert.False(left.GetProperty("isActive").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.Get("/api/v1/me")).StatusCode);
        await (await dealer.Post($"/api/v1/portal/staff/{added.Id()}/deactivate", null)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "staff.inactive");
    }

    [Fact]
    public async Task Dealer_staff_stay_inside_their_dealer_and_out_of_internal_data()
    {
        var (dealerId, storeId, _) = await DealerOneStoreAsync();
        var (_, staff) = await AddStaffAsync("staff.scope.1");

        var stores = await staff.GetJsonAsync("/api/v1/stores?pageSize=500");
        Assert.NotEmpty(stores.Items());
        Assert.All(stores.Items(), s => Assert.Equal(dealerId, s.Id("dealerId")));
        Assert.Equal(storeId, (await staff.GetJsonAsync($"/api/v1/stores/{storeId}")).Id());
        var otherStore = (await (await app.ClientAsync("dealer.2")).GetJsonAsync("/api/v1/stores?pageSize=1")).Items()[0].Id();
        await (await staff.Get($"/api/v1/stores/{otherStore}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await staff.Get($"/api/v1/stores/{otherStore}/checks")).ProblemAsync(HttpStatusCode.NotFound);

        // Internal admin, finance, order, customer and dealer endpoints are closed.
        foreach (var url in new[]
        {
            "/api/v1/users", "/api/v1/invoices", "/api/v1/receipts", "/api/v1/orders", "/api/v1/customers", "/api/v1/dealers",
            $"/api/v1/dealers/{dealerId}/staff", "/api/v1/products", "/api/v1/portal/home", "/api/v1/portal/staff",
        })
        {
            await (await staff.Get(url)).ProblemAsync(HttpStatusCode.Forbidden);
        }

        await (await staff.Post("/api/v1/stores", new { name = "x", @class = "A", dealerId })).ProblemAsync(HttpStatusCode.Forbidden);

        // Their own visits only: the area manager's visits are not theirs.
        var visits = await staff.GetJsonAsync("/api/v1/visits?pageSize=50");
        Assert.Empty(visits.Items());
    }

    [Fact]
    public async Task A_store_visit_writes_one_store_check_and_the_area_manager_scores_the_month()
    {
        var (dealerId, storeId, line) = await DealerOneStoreAsync();
        var (staffId, staff) = await AddStaffAsync("staff.check.1", "孙丽娜");
        var manager = await app.ClientAsync("rep.huadong.1");
        var director = await app.ClientAsync("director");
        var dealer = await director.GetJsonAsync($"/api/v1/dealers/{dealerId}");
        Assert.Equal(dealer.Id("managerId"), (await manager.GetJsonAsync("/api/v1/me")).Id("employeeId"));
        var before = await staff.GetJsonAsync($"/api/v1/stores/{storeId}");

        // The staff member visits a store of the dealer: the visit's customer is the dealer's account.
        var visit = await staff.PostJsonAsync("/api/v1/visits", new { storeId, adHoc = true }, HttpStatusCode.Created);
        Assert.Equal((storeId, dealer.Id("customerId"), staffId), (visit.Id("storeId"), visit.Id("customerId"), visit.Id("ownerId")));
        await staff.PostJsonAsync($"/api/v1/visits/{visit.Id()}/check-in", new { });

        // The rule of a check: counts consistent, missing lines from the class's standard, shelf and price answered.
        await (await staff.Post($"/api/v1/visits/{visit.Id()}/check-out", new { shelfDisplayOk = true, priceOk = true, staffAsked = 2, staffRecommending = 3 }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "storeCheck.recommendingAboveAsked");
        await (await staff.Post($"/api/v1/visits/{visit.Id()}/check-out", new { shelfDisplayOk = true, priceOk = true, missingLines = UnknownLine }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "storeCheck.lineNotInStandard");
        var missingShelf = await (await staff.Post($"/api/v1/visits/{visit.Id()}/check-out", new { priceOk = true })).ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("shelfDisplayOk", missingShelf.ErrorFields());

        var done = await staff.PostJsonAsync(
            $"/api/v1/visits/{visit.Id()}/check-out",
            new { shelfDisplayOk = true, priceOk = false, stockOk = true, staffAsked = 4, staffRecommending = 3, missingLines = new[] { line }, checklistNotes = "端架陈列到位" });
        Assert.Equal(("Done", true, false, false, true), (done.Str("status"), done.GetProperty("shelfDisplayOk").GetBoolean(), done.GetProperty("stockOk").GetBoolean(),
            done.GetProperty("priceOk").GetBoolean(), done.GetProperty("staffRecommends").GetBoolean()));

        // The check, seen by the staff member, the area manager and the dealer user; not by another dealer.
        var checks = (await staff.GetJsonAsync($"/api/v1/stores/{storeId}/checks")).Items();
        var check = Assert.Single(checks, c => c.Id("visitId") == visit.Id());
        Assert.Equal((4, 3, 0.75m, line), (check.Number("staffAsked"), check.Number("staffRecommending"), check.GetProperty("recommendRate").GetDecimal(),
            check.GetProperty("missingLines").EnumerateArray().Single().GetString()));
        Assert.Contains((await manager.GetJsonAsync($"/api/v1/store-checks?dealerId={dealerId}&month={Month(Today)}&pageSize=500")).Items(), c => c.Id() == check.Id());
        Assert.Contains((await (await app.ClientAsync("dealer.1")).GetJsonAsync($"/api/v1/store-checks?month={Month(Today)}&pageSize=500")).Items(), c => c.Id() == check.Id());
        Assert.DoesNotContain((await (await app.ClientAsync("dealer.2")).GetJsonAsync("/api/v1/store-checks?pageSize=500")).Items(), c => c.Id() == check.Id());
        await (await (await app.ClientAsync("rep.huanan.1")).Get($"/api/v1/stores/{storeId}/checks")).ProblemAsync(HttpStatusCode.NotFound);
        await (await manager.Get("/api/v1/store-checks?month=2026-13")).ProblemAsync(HttpStatusCode.BadRequest);

        // The month's summary for the store and the store's visit compliance.
        var summary = await manager.GetJsonAsync($"/api/v1/store-checks/summary?storeId={storeId}&month={Month(Today)}");
        Assert.True(summary.Number("checks") >= 1);
        Assert.Equal(summary.Number("staffRecommending") / (decimal)summary.Number("staffAsked"), summary.GetProperty("recommendRate").GetDecimal(), 4);
        var after = await manager.GetJsonAsync($"/api/v1/stores/{storeId}");
        Assert.Equal(before.Number("visitsThisMonth") + 1, after.Number("visitsThisMonth"));
        Assert.Equal(after.GetProperty("checksThisMonth").Number("checks"), summary.Number("checks"));
        Assert.Equal(Math.Round(after.Number("visitsThisMonth") / (decimal)after.Number("visitsPerMonth"), 4), after.GetProperty("visitCompliance").GetDecimal());

        // The area manager sees the staff member with the month's facts.
        var list = (await manager.GetJsonAsync($"/api/v1/dealers/{dealerId}/staff?month={Month(Today)}&pageSize=500")).Items();
        var row = Assert.Single(list, s => s.Id() == staffId);
        var facts = row.GetProperty("facts");
        Assert.Equal((1, 1, 4, 3, 0.75m), (facts.Number("visitsDone"), facts.Number("storeChecks"), facts.Number("staffAsked"), facts.Number("staffRecommending"),
            facts.GetProperty("recommendRate").GetDecimal()));
        Assert.Equal(dealer.Id("managerId"), row.Id("managerId"));
        Assert.Equal(JsonValueKind.Null, row.GetProperty("score").ValueKind);

        // Scoring: this month by the area manager; the future and months before the hire are refused; versions guard changes.
        var scoreUrl = $"/api/v1/dealer-staff/{staffId}/scores/{Month(Today)}";
        var scored = await manager.PutJsonAsync(scoreUrl, new { score = 82, comment = "门店检查认真，主推率良好" });
        var score = scored.GetProperty("score");
        Assert.Equal((82, "门店检查认真，主推率良好"), (score.Number("score"), score.Str("comment")));
        await (await manager.Put($"/api/v1/dealer-staff/{staffId}/scores/{Month(Today.AddMonths(1))}", new { score = 80 }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "staff.futureMonth");
        await (await manager.Put($"/api/v1/dealer-staff/{staffId}/scores/{Month(Today.AddMonths(-1))}", new { score = 80 }))
            .ProblemAsync(HttpStatusCode.UnprocessableEntity, "staff.beforeHire");
        Assert.Contains("score", (await (await manager.Put(scoreUrl, new { score = 101, version = score.Number("version") })).ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var changed = await manager.PutJsonAsync(scoreUrl, new { score = 88, comment = "复核后上调", version = score.Number("version") });
        Assert.Equal(88, changed.GetProperty("score").Number("score"));
        await (await manager.Put(scoreUrl, new { score = 70, version = score.Number("version") })).ProblemAsync(HttpStatusCode.Conflict);

        // Only the area manager or someone above: another rep 404, the dealer and finance 403, the region's manager may.
        await (await (await app.ClientAsync("rep.huadong.2")).Put(scoreUrl, new { score = 60 })).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ClientAsync("dealer.1")).Put(scoreUrl, new { score = 60 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await (await app.ClientAsync("finance")).Put(scoreUrl, new { score = 60 })).ProblemAsync(HttpStatusCode.Forbidden);
        await (await staff.Put(scoreUrl, new { score = 100 })).ProblemAsync(HttpStatusCode.Forbidden);
        var byRegion = await (await app.ClientAsync("manager.huadong")).GetJsonAsync($"/api/v1/dealer-staff/{staffId}?month={Month(Today)}");
        Assert.Equal(88, byRegion.GetProperty("score").Number("score"));
        await (await (await app.ClientAsync("manager.huanan")).Get($"/api/v1/dealer-staff/{staffId}")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_area_manager_adds_staff_internally_and_a_direct_store_cannot_take_a_store_visit()
    {
        var (dealerId, _, _) = await DealerOneStoreAsync();
        var manager = await app.ClientAsync("rep.huadong.1");
        var added = await manager.PostJsonAsync($"/api/v1/dealers/{dealerId}/staff", new { name = "钱志强", userName = "staff.internal.1", password = Password }, HttpStatusCode.Created);
        Assert.Equal((dealerId, "钱志强"), (added.Id("dealerId"), added.Str("name")));
        var otherDealer = (await (await app.ClientAsync("dealer.2")).GetJsonAsync("/api/v1/stores?pageSize=1")).Items()[0].Id("dealerId");
        await (await manager.Post($"/api/v1/dealers/{otherDealer}/staff", new { name = "x", userName = "staff.internal.2", password = Password })).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ClientAsync("dealer.1")).Get($"/api/v1/dealers/{dealerId}/staff")).ProblemAsync(HttpStatusCode.Forbidden);

        var me = await manager.GetJsonAsync("/api/v1/me");
        var direct = await manager.PostJsonAsync("/api/v1/stores", new { name = "直营体验店", @class = "C", ownerId = me.Id("employeeId"), province = "上海", city = "上海" }, HttpStatusCode.Created);
        await (await manager.Post("/api/v1/visits", new { storeId = direct.Id(), adHoc = true })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "storeCheck.directStore");
        await (await manager.Post("/api/v1/visits", new { adHoc = true })).ProblemAsync(HttpStatusCode.BadRequest);

        var deactivated = await manager.PostJsonAsync($"/api/v1/dealer-staff/{added.Id()}/deactivate", new { });
        Assert.False(deactivated.GetProperty("isActive").GetBoolean());
        Assert.DoesNotContain((await manager.GetJsonAsync($"/api/v1/dealers/{dealerId}/staff?active=true&pageSize=500")).Items(), s => s.Id() == added.Id());
    }
}
