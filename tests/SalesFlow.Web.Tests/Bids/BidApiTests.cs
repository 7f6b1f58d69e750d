using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Bids;

public sealed class BidApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static string Deadline(int days) => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(days).ToString("yyyy-MM-dd");

    private static async Task<JsonElement> RegisterAsync(HttpClient rep, decimal amount = 1_500_000m)
    {
        var customer = (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0];
        using var response = await rep.Post("/api/v1/bids", new { title = "园区智慧能源项目招标", customerId = customer.Id(), estimatedAmount = amount, submissionDeadline = Deadline(30) });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/bids/{created.Id()}", response.Headers.Location?.OriginalString);
        return created;
    }

    [Fact]
    public async Task A_bid_goes_from_inquiry_to_won_through_the_verbs_with_the_roles_each_step_needs()
    {
        var rep = await app.ClientAsync("rep.huadong.2");
        var manager = await app.ClientAsync("manager.huadong");
        var bid = await RegisterAsync(rep);
        var id = bid.Id();
        Assert.Matches(@"^BID-\d{4}-\d{6}$", bid.Str("number"));
        Assert.Equal(("Open", "Decision", 6), (bid.Str("status"), bid.Str("currentStep"), bid.GetProperty("steps").GetArrayLength()));

        // A rep holds no decision right; the manager decides, and a stale version is a 409 with the current bid.
        using var repDecides = await rep.Post($"/api/v1/bids/{id}/decide", new { go = true, version = bid.Number("version") });
        await repDecides.ProblemAsync(HttpStatusCode.Forbidden);
        bid = await manager.PostJsonAsync($"/api/v1/bids/{id}/decide", new { go = true, comment = "重点项目", version = bid.Number("version") });
        using var stale = await rep.Post($"/api/v1/bids/{id}/specs", new { specs = "x", version = bid.Number("version") - 1 });
        Assert.Equal(bid.Number("version"), (await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion")).GetProperty("current").Number("version"));

        using var missing = await rep.Post($"/api/v1/bids/{id}/specs", new { version = bid.Number("version") });
        Assert.Contains("specs", (await missing.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        bid = await rep.PostJsonAsync($"/api/v1/bids/{id}/specs", new { specs = "光伏 + 储能一体化方案", version = bid.Number("version") });
        bid = await rep.PostJsonAsync($"/api/v1/bids/{id}/costing", new { purchaseCost = 1_100_000m, leadTimeDays = 60, version = bid.Number("version") });
        using var early = await manager.Post($"/api/v1/bids/{id}/approve-price", new { version = bid.Number("version") });
        await early.ProblemAsync(HttpStatusCode.UnprocessableEntity, "bid.noProposedPrice");
        bid = await rep.PostJsonAsync($"/api/v1/bids/{id}/propose-price", new { price = 1_380_000m, version = bid.Number("version") });
        bid = await manager.PostJsonAsync($"/api/v1/bids/{id}/approve-price", new { comment = "同意", version = bid.Number("version") });
        using var wrongStep = await rep.Post($"/api/v1/bids/{id}/result", new { won = true, version = bid.Number("version") });
        await wrongStep.ProblemAsync(HttpStatusCode.Conflict, "bid.wrongStep");
        bid = await rep.PostJsonAsync($"/api/v1/bids/{id}/issue", new { documentNumber = "ZB-2026-1130", version = bid.Number("version") });
        bid = await rep.PostJsonAsync($"/api/v1/bids/{id}/result", new { won = true, version = bid.Number("version") });

        Assert.Equal(("Won", 1_380_000m, 20.3m), (bid.Str("status"), bid.GetProperty("approvedPrice").GetDecimal(), bid.GetProperty("marginPercent").GetDecimal()));
        Assert.All(bid.GetProperty("steps").EnumerateArray(), s => Assert.Equal(JsonValueKind.String, s.GetProperty("completedAtUtc").ValueKind));

        // Every change is in the bid's audit trail.
        var trail = await manager.GetJsonAsync($"/api/v1/audit?entity=Bid&id={id}");
        Assert.True(trail.Items().Count >= 8);
    }

    [Fact]
    public async Task Another_regions_people_get_404_and_a_big_bid_waits_for_the_director()
    {
        var rep = await app.ClientAsync("rep.huadong.3");
        var big = await RegisterAsync(rep, 6_000_000m);
        Assert.True(big.GetProperty("escalated").GetBoolean());

        var otherManager = await app.ClientAsync("manager.huabei");
        using var hidden = await otherManager.Get($"/api/v1/bids/{big.Id()}");
        await hidden.ProblemAsync(HttpStatusCode.NotFound);
        var list = await otherManager.GetJsonAsync("/api/v1/bids?pageSize=500");
        Assert.DoesNotContain(list.Items(), b => b.Id() == big.Id());

        var manager = await app.ClientAsync("manager.huadong");
        using var notHis = await manager.Post($"/api/v1/bids/{big.Id()}/decide", new { go = true, version = big.Number("version") });
        await notHis.ProblemAsync(HttpStatusCode.UnprocessableEntity, "bid.needsDirector");
        var director = await app.ClientAsync("director");
        using var noReason = await director.Post($"/api/v1/bids/{big.Id()}/decide", new { go = false, version = big.Number("version") });
        Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        var declined = await director.PostJsonAsync($"/api/v1/bids/{big.Id()}/decide", new { go = false, comment = "不符合公司战略", version = big.Number("version") });
        Assert.Equal("Declined", declined.Str("status"));

        var report = await director.GetJsonAsync("/api/v1/reports/bids");
        Assert.True(report.Number("declined") >= 1);
        Assert.True(report.Number("won") + report.Number("lost") > 0, "the demo company has closed bids");
    }

    [Fact]
    public async Task The_demo_company_has_bids_at_every_step_and_some_are_overdue()
    {
        var director = await app.ClientAsync("director");
        var all = await director.GetJsonAsync("/api/v1/bids?pageSize=500");
        var steps = all.Items().Where(b => b.Str("status") == "Open").Select(b => b.Str("currentStep")).ToHashSet();
        Assert.Superset(new HashSet<string> { "Decision", "TechnicalSpecs", "PriceApproval" }, steps);
        var overdue = await director.GetJsonAsync("/api/v1/bids?overdue=true");
        Assert.All(overdue.Items(), b => Assert.True(b.GetProperty("overdue").GetBoolean()));
    }
}
