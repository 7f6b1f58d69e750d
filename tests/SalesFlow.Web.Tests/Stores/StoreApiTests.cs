using System.Net;

namespace SalesFlow.Web.Tests.Stores;

/// <summary>Stores through the real HTTP API: scoped lists, a dealer user's own stores, versions, close and reopen.</summary>
public sealed class StoreApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Fact]
    public async Task A_dealer_user_lists_and_manages_only_its_own_dealers_stores()
    {
        var dealer = await app.ClientAsync("dealer.1");
        var dealer2 = await app.ClientAsync("dealer.2");
        var mine = await dealer.GetJsonAsync("/api/v1/stores?pageSize=500");
        var count = mine.GetProperty("totalCount").GetInt32();
        Assert.Equal(count, mine.Items().Count);
        Assert.True(count > 0);
        var dealerId = mine.Items()[0].Id("dealerId");
        Assert.All(mine.Items(), s => Assert.Equal(dealerId, s.Id("dealerId")));
        var theirDealer = (await dealer2.GetJsonAsync("/api/v1/stores?pageSize=1")).Items()[0].Id("dealerId");
        Assert.NotEqual(dealerId, theirDealer);

        // The dealer comes from the signed-in user, not from the body.
        var created = await dealer.PostJsonAsync("/api/v1/stores", new { name = "徐汇旗舰店", @class = "B", dealerId = theirDealer, address = "漕溪北路 1 号", phone = "021-12345678" }, HttpStatusCode.Created);
        Assert.Equal(dealerId, created.Id("dealerId"));
        Assert.Matches(@"^ST-\d{6}$", created.Str("code"));
        Assert.Equal(4, created.Number("visitsPerMonth"));
        Assert.NotEmpty(created.GetProperty("standard").EnumerateArray());
        Assert.Equal(count + 1, (await dealer.GetJsonAsync("/api/v1/stores")).GetProperty("totalCount").GetInt32());
        await (await dealer2.Get($"/api/v1/stores/{created.Id()}")).ProblemAsync(HttpStatusCode.NotFound);

        // Edit at its version; a stale version is a conflict.
        var edited = await dealer.PutJsonAsync($"/api/v1/stores/{created.Id()}", new { name = "徐汇旗舰店（升级）", @class = "A", version = created.Number("version") });
        Assert.Equal(("A", 8), (edited.Str("class"), edited.Number("visitsPerMonth")));
        await (await dealer.Put($"/api/v1/stores/{created.Id()}", new { name = "再改", @class = "C", version = created.Number("version") })).ProblemAsync(HttpStatusCode.Conflict);
        await (await dealer.Put($"/api/v1/stores/{created.Id()}", new { name = "", @class = "C", version = edited.Number("version") })).ProblemAsync(HttpStatusCode.BadRequest);

        // Close, refuse a second close, reopen.
        var closed = await dealer.PostJsonAsync($"/api/v1/stores/{created.Id()}/close", new { version = edited.Number("version") });
        Assert.False(closed.GetProperty("isActive").GetBoolean());
        await (await dealer.Post($"/api/v1/stores/{created.Id()}/close", null)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "store.alreadyClosed");
        await (await dealer.Post($"/api/v1/stores/{created.Id()}/reopen", new { version = edited.Number("version") })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.True((await dealer.PostJsonAsync($"/api/v1/stores/{created.Id()}/reopen", new { })).GetProperty("isActive").GetBoolean());
        await (await dealer.Post($"/api/v1/stores/{created.Id()}/reopen", null)).ProblemAsync(HttpStatusCode.UnprocessableEntity, "store.notClosed");
    }

    [Fact]
    public async Task Internal_lists_are_scoped_and_filtered_and_direct_stores_need_an_owner()
    {
        var director = await app.ClientAsync("director");
        var all = await director.GetJsonAsync("/api/v1/stores?pageSize=2");
        Assert.True(all.GetProperty("totalCount").GetInt32() >= 600);
        var page2 = await director.GetJsonAsync($"/api/v1/stores?pageSize=2&cursor={all.Str("nextCursor")}");
        Assert.Empty(page2.Items().Select(s => s.Id()).Intersect(all.Items().Select(s => s.Id())));

        var classA = await director.GetJsonAsync("/api/v1/stores?class=A&pageSize=500");
        Assert.All(classA.Items(), s => Assert.Equal(("A", 8), (s.Str("class"), s.Number("visitsPerMonth"))));
        var shanghai = await director.GetJsonAsync("/api/v1/stores?city=上海&pageSize=500");
        Assert.NotEmpty(shanghai.Items());
        Assert.All(shanghai.Items(), s => Assert.Equal("上海", s.Str("city")));
        var dealerId = (await (await app.ClientAsync("dealer.1")).GetJsonAsync("/api/v1/stores?pageSize=1")).Items()[0].Id("dealerId");
        var ofDealer = await director.GetJsonAsync($"/api/v1/stores?dealerId={dealerId}&pageSize=500");
        Assert.All(ofDealer.Items(), s => Assert.Equal(dealerId, s.Id("dealerId")));
        var named = ofDealer.Items()[0];
        Assert.Contains((await director.GetJsonAsync($"/api/v1/stores?q={Uri.EscapeDataString(named.Str("code"))}")).Items(), s => s.Id() == named.Id());

        // 华东's manager sees 上海 stores; 华南's rep does not (404), and finance may look but not edit (403).
        var manager = await app.ClientAsync("manager.huadong");
        Assert.Equal(named.Id(), (await manager.GetJsonAsync($"/api/v1/stores/{named.Id()}")).Id());
        await (await (await app.ClientAsync("rep.huanan.1")).Get($"/api/v1/stores/{named.Id()}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await (await app.ClientAsync("finance")).Post("/api/v1/stores", new { name = "x", @class = "A", dealerId })).ProblemAsync(HttpStatusCode.Forbidden);

        // A manager creates a store for a dealer of the region (visited by the dealer's area manager), or a direct one with an owner.
        var forDealer = await manager.PostJsonAsync("/api/v1/stores", new { name = "静安便利店", @class = "D", dealerId }, HttpStatusCode.Created);
        Assert.Equal((dealerId, 1), (forDealer.Id("dealerId"), forDealer.Number("visitsPerMonth")));
        await (await manager.Post("/api/v1/stores", new { name = "直营店", @class = "C" })).ProblemAsync(HttpStatusCode.UnprocessableEntity, "store.dealerOrOwnerRequired");
        var me = await manager.GetJsonAsync("/api/v1/me");
        var direct = await manager.PostJsonAsync("/api/v1/stores", new { name = "直营店", @class = "C", ownerId = me.Id("employeeId"), province = "上海", city = "上海" }, HttpStatusCode.Created);
        Assert.Equal(JsonValueKindNull, direct.GetProperty("dealerId").ValueKind);
    }

    private const System.Text.Json.JsonValueKind JsonValueKindNull = System.Text.Json.JsonValueKind.Null;
}
