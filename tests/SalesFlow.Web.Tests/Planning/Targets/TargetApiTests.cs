using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Planning.Targets;

/// <summary>The target endpoints over HTTP on the demo company: create, split (Equal, Manual, LastYearShare), scope, versions, lock.</summary>
public sealed class TargetApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static readonly decimal[] WrongQuarters = [1m, 2m, 3m, 4m];

    private async Task<Dictionary<string, Guid>> UnitsAsync()
    {
        var director = await app.ClientAsync("director");
        var units = await director.GetJsonAsync("/api/v1/org-units");
        return units.EnumerateArray().ToDictionary(u => u.Str("code"), u => u.Id());
    }

    private static decimal Amount(JsonElement element) => element.GetProperty("amount").GetDecimal();

    private static async Task<JsonElement> CreateCompanyTargetAsync(HttpClient director, Guid company, string period, decimal amount) =>
        await director.PostJsonAsync("/api/v1/targets", new { period, measure = "Revenue", ownerType = "OrgUnit", ownerId = company, amount }, HttpStatusCode.Created);

    [Fact]
    public async Task The_director_creates_a_year_target_and_splits_it_equally_then_by_hand_and_a_manual_split_must_sum_to_the_parent()
    {
        var units = await UnitsAsync();
        var director = await app.ClientAsync("director");
        using var response = await director.Post("/api/v1/targets", new { period = "2030", measure = "Revenue", ownerType = "OrgUnit", ownerId = units["HQ"], amount = 100_000_000m });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal($"/api/v1/targets/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal(("2030", "Revenue", "OrgUnit", 100_000_000m, false), (created.Str("period"), created.Str("measure"), created.Str("ownerType"), Amount(created), created.GetProperty("isLocked").GetBoolean()));

        using var duplicate = await director.Post("/api/v1/targets", new { period = "2030", measure = "Revenue", ownerType = "OrgUnit", ownerId = units["HQ"], amount = 1m });
        await duplicate.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.duplicate");

        // Equal, children omitted: the six regions, summing exactly.
        var equal = await director.PostJsonAsync($"/api/v1/targets/{id}/split", new { method = "Equal" });
        var children = equal.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(6, children.Count);
        Assert.Equal(100_000_000m, children.Sum(Amount));
        Assert.Equal([16_666_666.65m, 16_666_666.67m, 16_666_666.67m, 16_666_666.67m, 16_666_666.67m, 16_666_666.67m], children.Select(Amount));

        // Manual that does not sum: 422 with the parent and the sum.
        var manual = children.Select((c, i) => new { ownerType = "OrgUnit", ownerId = c.Id("ownerId"), amount = i == 0 ? 30_000_000m : 14_000_000m }).ToList();
        using var mismatch = await director.Post($"/api/v1/targets/{id}/split", new { method = "Manual", children = manual.Select(c => c with { amount = c.amount + 1 }) });
        var problem = await mismatch.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.splitNotEqualParent");
        Assert.Equal(100_000_000m, problem.GetProperty("parent").GetDecimal());
        Assert.Equal(100_000_006m, problem.GetProperty("sum").GetDecimal());

        // Manual that sums: same owners keep their ids.
        var byHand = await director.PostJsonAsync($"/api/v1/targets/{id}/split", new { method = "Manual", children = manual });
        var handChildren = byHand.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(children.Select(c => c.Id()), handChildren.Select(c => c.Id()));
        Assert.Equal(30_000_000m, Amount(handChildren[0]));

        var read = await director.GetJsonAsync($"/api/v1/targets/{id}");
        Assert.Equal(("Manual", 6), (read.Str("splitMethod"), read.GetProperty("children").GetArrayLength()));
        var list = await director.GetJsonAsync($"/api/v1/targets?period=2030&parentId={id}");
        Assert.Equal(6, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task A_manager_splits_their_region_further_but_gets_404_for_another_region_and_the_company_target()
    {
        var units = await UnitsAsync();
        var director = await app.ClientAsync("director");
        var company = await CreateCompanyTargetAsync(director, units["HQ"], "2031", 12_000_000m);
        var regions = (await director.PostJsonAsync($"/api/v1/targets/{company.Id()}/split", new { method = "Equal" })).GetProperty("children").EnumerateArray().ToList();
        var east = regions.Single(r => r.Id("ownerId") == units["HD"]).Id();
        var north = regions.Single(r => r.Id("ownerId") == units["HB"]).Id();

        var manager = await app.ClientAsync("manager.huadong");
        var proposal = await manager.GetJsonAsync($"/api/v1/targets/{east}/split-proposal?method=Equal");
        Assert.Equal(2, proposal.GetProperty("children").GetArrayLength());
        var teams = (await manager.PostJsonAsync($"/api/v1/targets/{east}/split", new { method = "Equal" })).GetProperty("children").EnumerateArray().ToList();
        Assert.Equal([units["HD-01"], units["HD-02"]], teams.Select(t => t.Id("ownerId")));
        Assert.Equal(2_000_000m, teams.Sum(Amount));

        // Further down: a team's default children are its supervisor and reps.
        var people = (await manager.PostJsonAsync($"/api/v1/targets/{teams[0].Id()}/split", new { method = "Equal" })).GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(6, people.Count);
        Assert.All(people, p => Assert.Equal("Employee", p.Str("ownerType")));
        Assert.Equal(1_000_000m, people.Sum(Amount));

        // A child owner outside the parent's subtree is refused.
        using var outside = await manager.Post($"/api/v1/targets/{teams[0].Id()}/split", new { method = "Equal", children = new[] { new { ownerType = "OrgUnit", ownerId = units["HD-02"] } } });
        await outside.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.ownerNotBelow");

        using var otherRegion = await manager.Post($"/api/v1/targets/{north}/split", new { method = "Equal" });
        await otherRegion.ProblemAsync(HttpStatusCode.NotFound);
        using var readOther = await manager.Get($"/api/v1/targets/{north}");
        await readOther.ProblemAsync(HttpStatusCode.NotFound);
        using var readCompany = await manager.Get($"/api/v1/targets/{company.Id()}");
        await readCompany.ProblemAsync(HttpStatusCode.NotFound);

        // Re-splitting the region while a team's share is split itself: 422 childInUse.
        var manual = teams.Select((t, i) => new { ownerType = "OrgUnit", ownerId = t.Id("ownerId"), amount = i == 0 ? 1_500_000m : 500_000m });
        using var inUse = await manager.Post($"/api/v1/targets/{east}/split", new { method = "Manual", children = manual });
        await inUse.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.childInUse");

        // The manager may lock a team target inside their region, not their own region's.
        var team = await manager.GetJsonAsync($"/api/v1/targets/{teams[1].Id()}");
        var locked = await manager.PostJsonAsync($"/api/v1/targets/{team.Id()}/lock", new { reason = "团队目标确认" });
        Assert.True(locked.GetProperty("isLocked").GetBoolean());
        using var lockOwn = await manager.Post($"/api/v1/targets/{east}/lock", new { reason = "x" });
        await lockOwn.ProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_rep_sees_only_their_own_node_and_their_dealers_and_gets_403_when_splitting()
    {
        var director = await app.ClientAsync("director");
        var companyTargets = (await director.GetJsonAsync("/api/v1/targets?ownerType=OrgUnit&measure=Revenue&pageSize=500")).Items();
        var thisYear = companyTargets.First(t => t.GetProperty("isLocked").GetBoolean() && t.GetProperty("parentId").ValueKind == JsonValueKind.Null);
        var period = thisYear.Str("period");
        Assert.True(thisYear.GetProperty("splitCount").GetInt32() == 6 && thisYear.GetProperty("splitSum").GetDecimal() == Amount(thisYear));

        var rep = await app.ClientAsync("rep.huadong.1");
        var me = await rep.GetJsonAsync("/api/v1/me");
        var mine = (await rep.GetJsonAsync($"/api/v1/targets?period={period}")).Items();
        var own = Assert.Single(mine, t => t.Str("ownerType") == "Employee");
        Assert.All(mine.Where(t => t.Id() != own.Id()), t => Assert.Equal("Dealer", t.Str("ownerType")));
        Assert.Equal(me.Id("employeeId"), own.Id("ownerId"));
        Assert.Equal(12, own.GetProperty("phaseCount").GetInt32());
        var months = (await rep.GetJsonAsync($"/api/v1/targets?parentId={own.Id()}&pageSize=20")).Items();
        Assert.Equal(12, months.Count);
        Assert.Equal(Amount(own), months.Sum(Amount));

        using var split = await rep.Post($"/api/v1/targets/{own.Id()}/split", new { method = "Equal" });
        await split.ProblemAsync(HttpStatusCode.Forbidden);
        using var create = await rep.Post("/api/v1/targets", new { period = "2032", measure = "Revenue", ownerType = "Employee", ownerId = me.Id("employeeId"), amount = 1m });
        await create.ProblemAsync(HttpStatusCode.Forbidden);
        using var company = await rep.Get($"/api/v1/targets/{thisYear.Id()}");
        await company.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Amount_changes_need_the_current_version_and_an_open_target_and_shares_change_only_through_the_parent()
    {
        var units = await UnitsAsync();
        var director = await app.ClientAsync("director");
        var created = await CreateCompanyTargetAsync(director, units["HQ"], "2032", 5_000_000m);
        var id = created.Id();

        var edited = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText(), JsonOptions)!;
        edited["amount"] = 6_000_000m;
        edited["reason"] = "董事会上调";
        var updated = await director.PutJsonAsync($"/api/v1/targets/{id}", edited);
        Assert.Equal((6_000_000m, "董事会上调", created.Number("version") + 1), (Amount(updated), updated.Str("changeReason"), updated.Number("version")));

        using var stale = await director.Put($"/api/v1/targets/{id}", edited);
        var conflict = await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.Equal(updated.Number("version"), conflict.GetProperty("current").Number("version"));

        var locked = await director.PostJsonAsync($"/api/v1/targets/{id}/lock", new { reason = "确认" });
        edited["version"] = locked.Number("version");
        using var whileLocked = await director.Put($"/api/v1/targets/{id}", edited);
        await whileLocked.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.locked");
        using var splitLocked = await director.Post($"/api/v1/targets/{id}/split", new { method = "Equal" });
        await splitLocked.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.locked");
        using var phaseLocked = await director.Post($"/api/v1/targets/{id}/phase", new { into = "Quarter", method = "Equal" });
        await phaseLocked.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.locked");
        using var noReason = await director.Post($"/api/v1/targets/{id}/reopen", new { });
        Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var reopened = await director.PostJsonAsync($"/api/v1/targets/{id}/reopen", new { reason = "需重新分解" });
        Assert.False(reopened.GetProperty("isLocked").GetBoolean());

        var phased = await director.PostJsonAsync($"/api/v1/targets/{id}/phase", new { into = "Quarter", method = "Equal" });
        Assert.Equal(["2032-Q1", "2032-Q2", "2032-Q3", "2032-Q4"], phased.GetProperty("periods").EnumerateArray().Select(p => p.Str("period")));
        Assert.Equal(6_000_000m, phased.GetProperty("periods").EnumerateArray().Sum(Amount));
        using var phaseMismatch = await director.Post($"/api/v1/targets/{id}/phase", new { into = "Quarter", method = "Manual", amounts = WrongQuarters });
        await phaseMismatch.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.splitNotEqualParent");

        var quarter = phased.GetProperty("periods")[0];
        var quarterRead = await director.GetJsonAsync($"/api/v1/targets/{quarter.Id()}");
        var share = JsonSerializer.Deserialize<Dictionary<string, object?>>(quarterRead.GetRawText(), JsonOptions)!;
        share["amount"] = 1m;
        share["reason"] = "x";
        using var throughParent = await director.Put($"/api/v1/targets/{quarter.Id()}", share);
        await throughParent.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.changeThroughParent");
    }

    [Fact]
    public async Task Store_owners_are_refused_and_a_repeated_create_with_the_same_key_returns_the_first_target()
    {
        var units = await UnitsAsync();
        var director = await app.ClientAsync("director");
        using var store = await director.Post("/api/v1/targets", new { period = "2033", measure = "Revenue", ownerType = "Store", ownerId = Guid.NewGuid(), amount = 1m });
        await store.ProblemAsync(HttpStatusCode.UnprocessableEntity, "target.ownerTypeNotAvailable");

        var body = JsonSerializer.Serialize(new { period = "2033-Q2", measure = "Collections", ownerType = "OrgUnit", ownerId = units["HD"], amount = 800_000m }, JsonOptions);
        using var first = await director.Send(HttpMethod.Post, "/api/v1/targets", body, r => r.Headers.Add("Idempotency-Key", "target-key-1"));
        using var again = await director.Send(HttpMethod.Post, "/api/v1/targets", body, r => r.Headers.Add("Idempotency-Key", "target-key-1"));
        var one = await first.JsonAsync(HttpStatusCode.Created);
        var two = await again.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(one.Id(), two.Id());
        var list = await director.GetJsonAsync("/api/v1/targets?period=2033-Q2");
        Assert.Equal(1, list.GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task The_split_proposal_by_last_years_share_sums_to_the_parent_and_writes_nothing()
    {
        var director = await app.ClientAsync("director");
        var drafts = (await director.GetJsonAsync("/api/v1/targets?ownerType=OrgUnit&measure=Revenue&pageSize=500")).Items()
            .Where(t => t.GetProperty("parentId").ValueKind == JsonValueKind.Null && !t.GetProperty("isLocked").GetBoolean() && t.GetProperty("splitCount").GetInt32() == 0)
            .ToList();
        var next = drafts.OrderBy(t => t.Str("period"), StringComparer.Ordinal).First(t => t.Str("period").Length == 4 && int.Parse(t.Str("period"), System.Globalization.CultureInfo.InvariantCulture) < 2030);
        var proposal = await director.GetJsonAsync($"/api/v1/targets/{next.Id()}/split-proposal?method=LastYearShare");
        var children = proposal.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(6, children.Count);
        Assert.Equal(Amount(next), children.Sum(Amount));
        Assert.All(children, c => Assert.True(c.GetProperty("weight").GetDecimal() > 0));
        Assert.NotEqual(children.Min(Amount), children.Max(Amount));
        Assert.Equal(0, (await director.GetJsonAsync($"/api/v1/targets/{next.Id()}")).GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task The_targets_page_renders_this_years_tree_for_the_director()
    {
        var director = await app.ClientAsync("director");
        using var response = await director.Send(HttpMethod.Get, "/targets", null, r => r.Headers.Accept.ParseAdd("text/html"));
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"target-tree\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"target-row-远航工业集团销售公司\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"target-row-华东大区\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"target-create\"", html, StringComparison.Ordinal);
    }
}
