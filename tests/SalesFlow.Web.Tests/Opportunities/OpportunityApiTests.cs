using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Opportunities;

public sealed class OpportunityApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static async Task<JsonElement> CreateAsync(HttpClient rep, string name = "空压机更新项目", decimal amount = 120_000m)
    {
        var customer = (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0];
        return await rep.PostJsonAsync("/api/v1/opportunities", new { name, customerId = customer.Id(), amount }, HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_rep_creates_edits_and_moves_an_opportunity_and_a_stale_version_gets_409_with_the_current_record()
    {
        var rep = await app.ClientAsync("rep.huadong.4");
        var customer = (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0];

        using var response = await rep.Post("/api/v1/opportunities", new
        {
            name = "产线改造",
            customerId = customer.Id(),
            expectedCloseDate = "2026-12-31",
            lines = new[] { new { productName = "高强度螺纹钢", sku = (string?)null, quantity = 12.5m, unit = "吨", unitPrice = 4_180m } },
        });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var id = created.Id();

        Assert.Equal($"/api/v1/opportunities/{id}", response.Headers.Location?.OriginalString);
        Assert.Matches(@"^OPP-\d{4}-\d{6}$", created.Str("number"));
        Assert.Equal(("初步接触", "Open", 10, 52_250m, "CNY"), (created.Str("stageNameZh"), created.Str("status"), created.Number("probability"), created.GetProperty("amount").GetDecimal(), created.Str("currency")));
        Assert.Equal(12.5m, created.GetProperty("lines")[0].GetProperty("quantity").GetDecimal());

        // PUT takes the GET representation back, edited.
        var read = await rep.GetJsonAsync($"/api/v1/opportunities/{id}");
        var edited = JsonSerializer.Deserialize<Dictionary<string, object?>>(read.GetRawText())!;
        edited["name"] = "产线改造（一期）";
        edited["probability"] = 30;
        var updated = await rep.PutJsonAsync($"/api/v1/opportunities/{id}", edited);
        Assert.Equal(("产线改造（一期）", 30, created.Number("version") + 1), (updated.Str("name"), updated.Number("probability"), updated.Number("version")));

        using var stale = await rep.Put($"/api/v1/opportunities/{id}", edited);
        var conflict = await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.Equal(updated.Number("version"), conflict.GetProperty("current").Number("version"));

        edited["version"] = updated.Number("version");
        edited["ownerId"] = Guid.NewGuid();
        using var ownerChange = await rep.Put($"/api/v1/opportunities/{id}", edited);
        Assert.Contains("ownerId", (await ownerChange.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var moved = await rep.PostJsonAsync($"/api/v1/opportunities/{id}/move", new { stage = "Proposal", version = updated.Number("version") });
        Assert.Equal(("方案/报价", 50), (moved.Str("stageNameZh"), moved.Number("probability")));
        Assert.Equal(2, moved.GetProperty("history").GetArrayLength());

        using var staleMove = await rep.Post($"/api/v1/opportunities/{id}/move", new { stage = "Negotiation", version = updated.Number("version") });
        await staleMove.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        using var toWon = await rep.Post($"/api/v1/opportunities/{id}/move", new { stage = "Won", version = moved.Number("version") });
        await toWon.ProblemAsync(HttpStatusCode.UnprocessableEntity, "opportunity.stageNotOpen");
    }

    [Fact]
    public async Task Another_regions_rep_gets_404_on_read_edit_and_every_verb_and_sees_none_in_lists()
    {
        var rep = await app.ClientAsync("rep.huadong.5");
        var created = await CreateAsync(rep, "华东专属商机");
        var id = created.Id();
        var other = await app.ClientAsync("rep.huabei.1");
        var body = new { name = "改名", expectedCloseDate = "2026-12-31", version = created.Number("version") };

        using var read = await other.Get($"/api/v1/opportunities/{id}");
        using var edit = await other.Put($"/api/v1/opportunities/{id}", body);
        using var move = await other.Post($"/api/v1/opportunities/{id}/move", new { stage = "Proposal", version = created.Number("version") });
        using var win = await other.Post($"/api/v1/opportunities/{id}/win", new { version = created.Number("version") });
        using var lose = await other.Post($"/api/v1/opportunities/{id}/lose", new { reason = "x", version = created.Number("version") });
        using var reopen = await other.Post($"/api/v1/opportunities/{id}/reopen", new { version = created.Number("version") });

        foreach (var response in new[] { read, edit, move, win, lose, reopen })
        {
            await response.ProblemAsync(HttpStatusCode.NotFound);
        }

        var theirs = await other.GetJsonAsync("/api/v1/opportunities?q=华东专属商机");
        Assert.Empty(theirs.Items());
        var mine = await rep.GetJsonAsync("/api/v1/opportunities?q=华东专属商机&status=Open&sort=-amount");
        Assert.Equal([id], mine.Items().Select(i => i.Id()));
        using var badSort = await rep.Get("/api/v1/opportunities?sort=ownerName");
        Assert.Contains("sort", (await badSort.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Win_lose_and_reopen_follow_the_rules()
    {
        var rep = await app.ClientAsync("rep.huadong.6");
        var created = await CreateAsync(rep, "输赢测试");
        var id = created.Id();

        using var noReason = await rep.Post($"/api/v1/opportunities/{id}/lose", new { competitor = "西门子", version = created.Number("version") });
        Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var lost = await rep.PostJsonAsync($"/api/v1/opportunities/{id}/lose", new { reason = "竞品价格更低", competitor = "西门子", version = created.Number("version") });
        Assert.Equal(("Lost", "竞品价格更低", "西门子", 0), (lost.Str("status"), lost.Str("closeReason"), lost.Str("competitor"), lost.Number("probability")));

        using var winLost = await rep.Post($"/api/v1/opportunities/{id}/win", new { version = lost.Number("version") });
        await winLost.ProblemAsync(HttpStatusCode.Conflict, "opportunity.closed");

        var reopened = await rep.PostJsonAsync($"/api/v1/opportunities/{id}/reopen", new { version = lost.Number("version") });
        Assert.Equal(("Open", "初步接触"), (reopened.Str("status"), reopened.Str("stageNameZh")));
        var won = await rep.PostJsonAsync($"/api/v1/opportunities/{id}/win", new { reason = "技术方案胜出", version = reopened.Number("version") });
        Assert.Equal(("Won", 100, "赢单"), (won.Str("status"), won.Number("probability"), won.Str("stageNameZh")));
        Assert.Equal(4, won.GetProperty("history").GetArrayLength());
    }

    [Fact]
    public async Task The_board_sums_open_deals_per_open_stage_in_scope()
    {
        var rep = await app.ClientAsync("rep.huadong.7");
        var created = await CreateAsync(rep, "看板测试", 987_654.32m);

        var board = (await rep.GetJsonAsync("/api/v1/opportunities/board?cards=5")).EnumerateArray().ToList();
        var list = await rep.GetJsonAsync("/api/v1/opportunities?status=Open&pageSize=500");

        Assert.Equal(["Prospecting", "NeedsAnalysis", "Proposal", "Negotiation"], board.Select(c => c.Str("code")));
        Assert.Equal(list.Number("totalCount"), board.Sum(c => c.Number("count")));
        Assert.Equal(list.Items().Sum(i => i.GetProperty("amount").GetDecimal()), board.Sum(c => c.GetProperty("amount").GetDecimal()));
        Assert.All(board, c => Assert.True(c.GetProperty("cards").GetArrayLength() <= 5));
        Assert.Contains(created.Id(), board[0].GetProperty("cards").EnumerateArray().Select(c => c.Id()));

        var other = await app.ClientAsync("rep.huabei.2");
        var theirs = (await other.GetJsonAsync("/api/v1/opportunities/board")).EnumerateArray();
        Assert.DoesNotContain(created.Id(), theirs.SelectMany(c => c.GetProperty("cards").EnumerateArray()).Select(c => c.Id()));
    }

    [Fact]
    public async Task The_stage_report_counts_the_demo_history_of_the_callers_scope()
    {
        var manager = await app.ClientAsync("manager.huadong");
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var report = await manager.GetJsonAsync($"/api/v1/reports/opportunity-stages?from={today.AddYears(-1):yyyy-MM-dd}&to={today:yyyy-MM-dd}");
        var stages = report.GetProperty("stages").EnumerateArray().ToDictionary(s => s.Str("code"));

        Assert.True(stages["Prospecting"].Number("entered") > 0);
        Assert.True(stages["Won"].Number("entered") > 0);
        Assert.True(report.Number("wonCount") > 0);
        Assert.True(report.GetProperty("averageCycleDays").GetDecimal() > 0);
        Assert.InRange(stages["Prospecting"].GetProperty("conversionPercent").GetDecimal(), 0m, 100m);
        using var backwards = await manager.Get("/api/v1/reports/opportunity-stages?from=2026-05-01&to=2026-04-01");
        Assert.Contains("to", (await backwards.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
