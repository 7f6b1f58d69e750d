using System.Globalization;
using System.Net;

namespace SalesFlow.Web.Tests.FieldWork;

public sealed class VisitApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task A_rep_plans_a_visit_checks_in_and_out_with_the_checklist_and_the_cadence_moves_on()
    {
        var rep = await app.ClientAsync("rep.huanan.3");
        var customer = (await rep.GetJsonAsync("/api/v1/visits/cadence?overdue=true&pageSize=1")).Items()[0];

        using var response = await rep.Post("/api/v1/visits", new { customerId = customer.Id("customerId"), date = Date(Today), purpose = "季度回访" });
        var planned = await response.JsonAsync(HttpStatusCode.Created);
        using var early = await rep.Post($"/api/v1/visits/{planned.Id()}/check-out", new { });
        using var stale = await rep.Post($"/api/v1/visits/{planned.Id()}/check-in", new { version = planned.Number("version") + 5 });
        var checkedIn = await rep.PostJsonAsync($"/api/v1/visits/{planned.Id()}/check-in", new { latitude = 23.13, longitude = 113.26, version = planned.Number("version") });
        var done = await rep.PostJsonAsync($"/api/v1/visits/{planned.Id()}/check-out", new
        {
            latitude = 23.13,
            longitude = 113.26,
            outcome = "客户同意试销",
            shelfDisplayOk = true,
            stockOk = false,
            priceOk = true,
            staffRecommends = true,
            checklistNotes = "缺货两个规格",
            breakthrough = true,
        });
        var cadence = (await rep.GetJsonAsync($"/api/v1/visits/cadence?customerId={customer.Id("customerId")}")).Items()[0];
        using var badLat = await rep.Post($"/api/v1/visits/{planned.Id()}/check-in", new { latitude = 123.0 });
        var unflagged = await rep.PostJsonAsync($"/api/v1/visits/{planned.Id()}/breakthrough", new { breakthrough = false, version = done.Number("version") });
        var read = await rep.GetJsonAsync($"/api/v1/visits/{planned.Id()}");

        Assert.Equal(("Planned", "Planned"), (planned.Str("status"), planned.Str("source")));
        await early.ProblemAsync(HttpStatusCode.Conflict, "fieldwork.wrongStatus");
        await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.Equal(("CheckedIn", 23.13), (checkedIn.Str("status"), checkedIn.GetProperty("checkInLatitude").GetDouble()));
        Assert.Equal(("Done", true, false, true, "缺货两个规格"), (done.Str("status"), done.GetProperty("staffRecommends").GetBoolean(), done.GetProperty("stockOk").GetBoolean(), done.GetProperty("breakthrough").GetBoolean(), done.Str("checklistNotes")));
        Assert.Equal(Date(Today), cadence.Str("lastVisitOn"));
        Assert.False(cadence.GetProperty("overdue").GetBoolean());
        Assert.Equal(Date(Today.AddDays(cadence.Number("frequencyDays"))), cadence.Str("nextVisitDue"));
        Assert.Contains("latitude", (await badLat.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.False(unflagged.GetProperty("breakthrough").GetBoolean());
        Assert.Equal(("Done", false), (read.Str("status"), read.GetProperty("breakthrough").GetBoolean()));
    }

    [Fact]
    public async Task A_visit_of_another_region_is_not_found_and_can_be_cancelled_or_rescheduled_only_while_planned()
    {
        var rep = await app.ClientAsync("rep.huanan.4");
        var customer = (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0].Id();
        var planned = await rep.PostJsonAsync("/api/v1/visits", new { customerId = customer, date = Date(Today.AddDays(3)) }, HttpStatusCode.Created);
        var stranger = await app.ClientAsync("rep.xinan.1");

        using var read = await stranger.Get($"/api/v1/visits/{planned.Id()}");
        using var checkIn = await stranger.Post($"/api/v1/visits/{planned.Id()}/check-in", new { });
        var moved = await rep.PostJsonAsync($"/api/v1/visits/{planned.Id()}/reschedule", new { date = Date(Today.AddDays(4)), purpose = "改期" });
        var cancelled = await rep.PostJsonAsync($"/api/v1/visits/{planned.Id()}/cancel", new { });
        using var again = await rep.Post($"/api/v1/visits/{planned.Id()}/cancel", new { });
        using var noDate = await rep.Post("/api/v1/visits", new { customerId = customer });

        await read.ProblemAsync(HttpStatusCode.NotFound);
        await checkIn.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(Date(Today.AddDays(4)), moved.Str("date"));
        Assert.Equal("Cancelled", cancelled.Str("status"));
        await again.ProblemAsync(HttpStatusCode.Conflict, "fieldwork.wrongStatus");
        Assert.Contains("date", (await noDate.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task A_route_plan_generates_its_weekday_visits_once_however_often_it_is_asked()
    {
        var rep = await app.ClientAsync("rep.xibei.2");
        var customers = (await rep.GetJsonAsync("/api/v1/customers?pageSize=3&sort=-createdAt")).Items().Select(c => c.Id()).ToList();
        var monday = Today.AddDays(35 - (((int)Today.DayOfWeek + 6) % 7)); // a Monday five weeks ahead, past the demo's planned weeks

        using var response = await rep.Post("/api/v1/route-plans", new
        {
            name = "双周线路",
            cycleWeeks = 2,
            startsOn = Date(monday),
            stops = new object[]
            {
                new { week = 1, day = "Monday", customerId = customers[0] },
                new { week = 1, day = "Wednesday", customerId = customers[1] },
                new { week = 2, day = "Friday", customerId = customers[2] },
            },
        });
        var plan = await response.JsonAsync(HttpStatusCode.Created);
        var first = await rep.PostJsonAsync($"/api/v1/route-plans/{plan.Id()}/generate", new { from = Date(monday), to = Date(monday.AddDays(27)) });
        var second = await rep.PostJsonAsync($"/api/v1/route-plans/{plan.Id()}/generate", new { from = Date(monday), to = Date(monday.AddDays(27)) });
        var visits = await rep.GetJsonAsync($"/api/v1/visits?customerId={customers[2]}&from={Date(monday)}&to={Date(monday.AddDays(27))}&sort=date");
        using var badWeek = await rep.Post("/api/v1/route-plans", new { name = "周线路", cycleWeeks = 1, startsOn = Date(monday), stops = new[] { new { week = 2, day = "Monday", customerId = customers[0] } } });
        var edit = System.Text.Json.Nodes.JsonNode.Parse(plan.GetRawText())!.AsObject();
        edit["name"] = "双周线路（调整）";
        var renamed = await rep.PutJsonAsync($"/api/v1/route-plans/{plan.Id()}", edit);
        using var stale = await rep.Put($"/api/v1/route-plans/{plan.Id()}", edit);
        using var strangerRead = await (await app.ClientAsync("rep.huadong.5")).Get($"/api/v1/route-plans/{plan.Id()}");
        var list = await rep.GetJsonAsync("/api/v1/route-plans");

        Assert.Equal(3, plan.GetProperty("stops").GetArrayLength());
        Assert.Equal((6, 0), (first.Number("created"), first.Number("alreadyPlanned")));
        Assert.Equal((0, 6), (second.Number("created"), second.Number("alreadyPlanned")));
        Assert.Equal([Date(monday.AddDays(11)), Date(monday.AddDays(25))], visits.Items().Select(v => v.Str("date")));
        Assert.All(visits.Items(), v => Assert.Equal("RoutePlan", v.Str("source")));
        Assert.Contains("stops", (await badWeek.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal("双周线路（调整）", renamed.Str("name"));
        await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        await strangerRead.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(2, list.Items().Count); // the demo's plan and this one
    }

    [Fact]
    public async Task Compliance_is_done_over_planned_per_rep_and_team_within_scope_and_matches_the_visit_list()
    {
        var supervisor = await app.ClientAsync("supervisor.dongbei.1");
        var from = Date(Today.AddDays(-56));
        var to = Date(Today.AddDays(-1));

        var report = await supervisor.GetJsonAsync($"/api/v1/reports/visit-compliance?from={from}&to={to}");
        var director = await (await app.ClientAsync("director")).GetJsonAsync($"/api/v1/reports/visit-compliance?from={from}&to={to}");
        using var reversed = await supervisor.Get($"/api/v1/reports/visit-compliance?from={to}&to={from}");

        var team = Assert.Single(report.GetProperty("teams").EnumerateArray());
        var reps = report.GetProperty("reps").EnumerateArray().ToList();
        Assert.Equal(5, reps.Count);
        Assert.Equal(team.Number("planned"), reps.Sum(r => r.Number("planned")));
        var rep = reps[0];
        var done = (await supervisor.GetJsonAsync($"/api/v1/visits?ownerId={rep.Id()}&status=Done&from={from}&to={to}&pageSize=1")).Number("totalCount");
        var adHoc = await supervisor.GetJsonAsync($"/api/v1/visits?ownerId={rep.Id()}&status=Done&from={from}&to={to}&pageSize=500");
        Assert.Equal(done - adHoc.Items().Count(v => v.Str("source") == "AdHoc"), rep.Number("done"));
        Assert.Equal(Math.Round((decimal)rep.Number("done") / rep.Number("planned"), 4), rep.GetProperty("compliance").GetDecimal());
        var total = director.GetProperty("total").GetProperty("compliance").GetDecimal();
        Assert.InRange(total, 0.70m, 0.95m);
        Assert.Equal(12, director.GetProperty("teams").GetArrayLength());
        await reversed.ProblemAsync(HttpStatusCode.BadRequest);
    }
}
