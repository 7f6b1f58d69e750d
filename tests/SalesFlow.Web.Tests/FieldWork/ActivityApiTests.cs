using System.Net;
using System.Text.Json.Nodes;

namespace SalesFlow.Web.Tests.FieldWork;

public sealed class ActivityApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static async Task<Guid> FirstCustomerAsync(HttpClient client) =>
        (await client.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0].Id();

    [Fact]
    public async Task A_rep_records_edits_filters_and_deletes_an_activity_and_a_stale_edit_gets_409()
    {
        var rep = await app.ClientAsync("rep.huabei.2");
        var customer = await FirstCustomerAsync(rep);

        using var response = await rep.Post("/api/v1/activities", new
        {
            type = "Call",
            customerId = customer,
            subject = "电话回访",
            occurredAtUtc = "2026-03-02T10:30:00+08:00",
            outcome = "客户有意向",
            nextStep = "寄送样品",
            nextStepDue = "2026-03-09",
        });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var edit = JsonNode.Parse(created.GetRawText())!.AsObject();
        edit["outcome"] = "客户确认下单";
        var updated = await rep.PutJsonAsync($"/api/v1/activities/{created.Id()}", edit);
        using var stale = await rep.Put($"/api/v1/activities/{created.Id()}", edit);
        var filtered = await rep.GetJsonAsync($"/api/v1/activities?customerId={customer}&type=Call&from=2026-03-02&to=2026-03-02");
        var otherDay = await rep.GetJsonAsync($"/api/v1/activities?customerId={customer}&from=2026-03-03&to=2026-03-03");
        using var deleted = await rep.Delete($"/api/v1/activities/{created.Id()}");
        using var gone = await rep.Get($"/api/v1/activities/{created.Id()}");

        Assert.Equal(("2026-03-02T02:30:00Z", await app.EmployeeIdAsync("rep.huabei.2")), (created.Str("occurredAtUtc"), created.Id("ownerId")));
        Assert.Equal(("客户确认下单", created.Number("version") + 1), (updated.Str("outcome"), updated.Number("version")));
        var conflict = await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.Equal("客户确认下单", conflict.GetProperty("current").Str("outcome"));
        Assert.Contains(filtered.Items(), a => a.Id() == created.Id());
        Assert.DoesNotContain(otherDay.Items(), a => a.Id() == created.Id());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await gone.ProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Another_regions_rep_gets_404_and_an_activity_needs_a_customer_or_lead_in_scope()
    {
        var rep = await app.ClientAsync("rep.huabei.3");
        var customer = await FirstCustomerAsync(rep);
        var created = await rep.PostJsonAsync("/api/v1/activities", new { type = "Meeting", customerId = customer, subject = "洽谈", occurredAtUtc = "2026-03-02T02:00:00Z" }, HttpStatusCode.Created);
        var stranger = await app.ClientAsync("rep.huanan.1");
        var strangersCustomer = await FirstCustomerAsync(stranger);

        using var read = await stranger.Get($"/api/v1/activities/{created.Id()}");
        using var delete = await stranger.Delete($"/api/v1/activities/{created.Id()}");
        using var noLink = await rep.Post("/api/v1/activities", new { type = "Task", subject = "整理资料", occurredAtUtc = "2026-03-02T02:00:00Z" });
        using var foreign = await rep.Post("/api/v1/activities", new { type = "Call", customerId = strangersCustomer, subject = "电话", occurredAtUtc = "2026-03-02T02:00:00Z" });
        var list = await stranger.GetJsonAsync("/api/v1/activities?pageSize=500");

        await read.ProblemAsync(HttpStatusCode.NotFound);
        await delete.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("customerId", (await noLink.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("customerId", (await foreign.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.DoesNotContain(list.Items(), a => a.Id() == created.Id());
    }

    [Fact]
    public async Task An_activity_can_belong_to_an_opportunity_of_its_customer_and_the_list_filters_by_it()
    {
        var rep = await app.ClientAsync("rep.huabei.4");
        var customers = (await rep.GetJsonAsync("/api/v1/customers?pageSize=2")).Items();
        var (customer, other) = (customers[0].Id(), customers[1].Id());
        var deal = await rep.PostJsonAsync("/api/v1/opportunities", new { name = "活动关联测试", customerId = customer, amount = 50000 }, HttpStatusCode.Created);

        var created = await rep.PostJsonAsync("/api/v1/activities", new { type = "Meeting", customerId = customer, opportunityId = deal.Id(), subject = "方案讲解", occurredAtUtc = "2026-03-02T02:00:00Z" }, HttpStatusCode.Created);
        using var wrongCustomer = await rep.Post("/api/v1/activities", new { type = "Call", customerId = other, opportunityId = deal.Id(), subject = "电话", occurredAtUtc = "2026-03-02T02:00:00Z" });
        using var unknown = await rep.Post("/api/v1/activities", new { type = "Call", customerId = customer, opportunityId = Guid.CreateVersion7(), subject = "电话", occurredAtUtc = "2026-03-02T02:00:00Z" });
        var ofDeal = await rep.GetJsonAsync($"/api/v1/activities?opportunityId={deal.Id()}");

        Assert.Equal(created.Id(), Assert.Single(ofDeal.Items()).Id());
        Assert.Contains("opportunityId", (await wrongCustomer.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("opportunityId", (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task The_activity_list_pages_by_cursor_without_repeating_a_row()
    {
        var manager = await app.ClientAsync("manager.huadong");

        var first = await manager.GetJsonAsync("/api/v1/activities?pageSize=25");
        var second = await manager.GetJsonAsync($"/api/v1/activities?pageSize=25&cursor={first.Str("nextCursor")}");

        Assert.Equal(25, first.Items().Count);
        Assert.Empty(first.Items().Select(a => a.Id()).Intersect(second.Items().Select(a => a.Id())));
        Assert.True(first.Number("totalCount") > 100);
    }

    [Fact]
    public async Task A_work_log_is_prefilled_from_the_days_activities_and_visits_then_submitted_and_commented_by_the_supervisor()
    {
        var rep = await app.ClientAsync("rep.huabei.4");
        var customer = await FirstCustomerAsync(rep);
        var today = (await rep.GetJsonAsync("/api/v1/work-logs/day/2000-01-01")).Str("date"); // shape check only
        await rep.PostJsonAsync("/api/v1/activities", new { type = "Email", customerId = customer, subject = "发送报价单", occurredAtUtc = DateTimeOffset.UtcNow }, HttpStatusCode.Created);
        var date = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var day = await rep.GetJsonAsync($"/api/v1/work-logs/day/{date}");
        var saved = await rep.PutJsonAsync($"/api/v1/work-logs/day/{date}", new { notes = "拜访顺利", planForTomorrow = "跟进报价" });
        using var stale = await rep.Put($"/api/v1/work-logs/day/{date}", new { notes = "改", planForTomorrow = "", version = saved.Number("version") + 1 });
        var submitted = await rep.PostJsonAsync($"/api/v1/work-logs/day/{date}/submit", new { notes = "拜访顺利", planForTomorrow = "跟进报价", version = saved.Number("version") });
        using var afterSubmit = await rep.Put($"/api/v1/work-logs/day/{date}", new { notes = "改", version = submitted.Number("version") });
        using var selfComment = await rep.Post($"/api/v1/work-logs/{saved.Id()}/comment", new { comment = "好" });
        var supervisor = await app.ClientAsync("supervisor.huabei.1");
        var team = await supervisor.GetJsonAsync($"/api/v1/work-logs?status=Submitted&from={date}&to={date}");
        var commented = await supervisor.PostJsonAsync($"/api/v1/work-logs/{saved.Id()}/comment", new { comment = "报价请抄送我" });
        using var otherRegion = await (await app.ClientAsync("supervisor.huanan.1")).Get($"/api/v1/work-logs/{saved.Id()}");

        Assert.Equal("2000-01-01", today);
        Assert.True(day.GetProperty("id").ValueKind == System.Text.Json.JsonValueKind.Null);
        Assert.Contains(day.GetProperty("summary").GetProperty("items").EnumerateArray(), i => i.Str("subject") == "发送报价单");
        Assert.True(day.GetProperty("summary").Number("activities") >= 1);
        Assert.Equal(("Draft", "拜访顺利"), (saved.Str("status"), saved.Str("notes")));
        await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.Equal("Submitted", submitted.Str("status"));
        await afterSubmit.ProblemAsync(HttpStatusCode.Conflict, "fieldwork.wrongStatus");
        await selfComment.ProblemAsync(HttpStatusCode.Forbidden);
        Assert.Contains(team.Items(), l => l.Id() == saved.Id());
        Assert.Equal(("报价请抄送我", "Submitted"), (commented.Str("managerComment"), commented.Str("status")));
        await otherRegion.ProblemAsync(HttpStatusCode.NotFound);
    }
}
