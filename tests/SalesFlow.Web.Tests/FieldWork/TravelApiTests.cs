using System.Net;

namespace SalesFlow.Web.Tests.FieldWork;

public sealed class TravelApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static object Travel(params Guid[] customerIds) => new
    {
        destination = "苏州",
        purpose = "拜访重点客户",
        startDate = "2030-01-07",
        endDate = "2030-01-09",
        estimatedCost = 2350.50m,
        customerIds,
    };

    /// <summary>A customer of the rep that nobody has visited yet (no visit rows).</summary>
    private static async Task<Guid> UnvisitedCustomerAsync(HttpClient rep, int skip = 0)
    {
        var cadence = await rep.GetJsonAsync("/api/v1/visits/cadence?pageSize=100");
        return cadence.Items().Where(c => c.GetProperty("lastVisitOn").ValueKind == System.Text.Json.JsonValueKind.Null).Skip(skip).First().Id("customerId");
    }

    private static async Task DoneVisitAsync(HttpClient rep, Guid customer, bool breakthrough = false)
    {
        var visit = await rep.PostJsonAsync("/api/v1/visits", new { customerId = customer, adHoc = true }, HttpStatusCode.Created);
        await rep.PostJsonAsync($"/api/v1/visits/{visit.Id()}/check-in", new { latitude = 31.23, longitude = 121.47 });
        await rep.PostJsonAsync($"/api/v1/visits/{visit.Id()}/check-out", new { outcome = "客户观望", breakthrough });
    }

    [Fact]
    public async Task A_request_is_submitted_and_the_reps_supervisor_approves_it_but_not_the_rep_or_another_region()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var customer = await UnvisitedCustomerAsync(rep);

        using var response = await rep.Post("/api/v1/travel-requests", Travel(customer));
        var travel = await response.JsonAsync(HttpStatusCode.Created);
        using var byRep = await rep.Post($"/api/v1/travel-requests/{travel.Id()}/approve", new { });
        using var byOtherRegion = await (await app.ClientAsync("manager.huabei")).Post($"/api/v1/travel-requests/{travel.Id()}/approve", new { });
        var supervisor = await app.ClientAsync("supervisor.huadong.1");
        var toDecide = await supervisor.GetJsonAsync("/api/v1/travel-requests?toDecide=true&pageSize=500");
        using var stale = await supervisor.Post($"/api/v1/travel-requests/{travel.Id()}/approve", new { version = travel.Number("version") + 3 });
        var approved = await supervisor.PostJsonAsync($"/api/v1/travel-requests/{travel.Id()}/approve", new { version = travel.Number("version") });
        using var twice = await supervisor.Post($"/api/v1/travel-requests/{travel.Id()}/reject", new { reason = "预算不足" });

        Assert.Equal(("Submitted", 2350.50m), (travel.Str("status"), travel.GetProperty("estimatedCost").GetDecimal()));
        Assert.Equal($"/api/v1/travel-requests/{travel.Id()}", response.Headers.Location?.OriginalString);
        await byRep.ProblemAsync(HttpStatusCode.Forbidden);
        await byOtherRegion.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains(toDecide.Items(), t => t.Id() == travel.Id());
        Assert.Equal("Submitted", (await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion")).GetProperty("current").Str("status"));
        Assert.Equal(("Approved", await app.EmployeeIdAsync("supervisor.huadong.1")), (approved.Str("status"), approved.Id("decidedById")));
        await twice.ProblemAsync(HttpStatusCode.Conflict, "fieldwork.wrongStatus");
    }

    [Fact]
    public async Task A_supervisor_cannot_approve_their_own_request_and_a_rejection_needs_a_reason()
    {
        var supervisor = await app.ClientAsync("supervisor.huadong.2");
        var customers = await supervisor.GetJsonAsync("/api/v1/visits/cadence?pageSize=100");
        var customer = customers.Items().First(c => c.GetProperty("lastVisitOn").ValueKind == System.Text.Json.JsonValueKind.Null).Id("customerId");
        var own = await supervisor.PostJsonAsync("/api/v1/travel-requests", Travel(customer), HttpStatusCode.Created);

        using var self = await supervisor.Post($"/api/v1/travel-requests/{own.Id()}/approve", new { });
        using var noReason = await (await app.ClientAsync("manager.huadong")).Post($"/api/v1/travel-requests/{own.Id()}/reject", new { reason = " " });
        var rejected = await (await app.ClientAsync("manager.huadong")).PostJsonAsync($"/api/v1/travel-requests/{own.Id()}/reject", new { reason = "改为电话沟通" });

        await self.ProblemAsync(HttpStatusCode.UnprocessableEntity, "fieldwork.notYourOwn");
        Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(("Rejected", "改为电话沟通"), (rejected.Str("status"), rejected.Str("decisionReason")));
    }

    [Fact]
    public async Task Three_fruitless_visits_refuse_the_request_which_stays_on_record_until_a_manager_overrides_it()
    {
        var rep = await app.ClientAsync("rep.huadong.3");
        var customer = await UnvisitedCustomerAsync(rep);
        var other = await UnvisitedCustomerAsync(rep, skip: 1);
        for (var i = 0; i < 3; i++)
        {
            await DoneVisitAsync(rep, customer);
        }

        using var refused = await rep.Post("/api/v1/travel-requests", Travel(other, customer));
        var problem = await refused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "travel.noBreakthrough");
        var recorded = await rep.GetJsonAsync($"/api/v1/travel-requests/{problem.Id("travelRequestId")}");
        var manager = await app.ClientAsync("manager.huadong");
        using var approveRefused = await manager.Post($"/api/v1/travel-requests/{recorded.Id()}/approve", new { });
        var overridden = await manager.PostJsonAsync($"/api/v1/travel-requests/{recorded.Id()}/override", new { reason = "客户高层更换，值得再去" });
        var audit = await manager.GetJsonAsync($"/api/v1/audit?entity=TravelRequest&id={recorded.Id()}");

        Assert.Equal((customer, 3), (problem.Id("customerId"), problem.Number("visits")));
        Assert.Equal(("Refused", customer, 3), (recorded.Str("status"), recorded.Id("refusedForCustomerId"), recorded.Number("refusedVisitCount")));
        await approveRefused.ProblemAsync(HttpStatusCode.Conflict, "fieldwork.wrongStatus");
        Assert.Equal(("Approved", true, "客户高层更换，值得再去"), (overridden.Str("status"), overridden.GetProperty("overridden").GetBoolean(), overridden.Str("decisionReason")));
        Assert.Contains("客户高层更换", audit.ToString(), StringComparison.Ordinal);

        // A breakthrough restarts the count: the next request for the customer goes through.
        await DoneVisitAsync(rep, customer, breakthrough: true);
        var next = await rep.PostJsonAsync("/api/v1/travel-requests", Travel(customer), HttpStatusCode.Created);
        Assert.Equal("Submitted", next.Str("status"));
    }

    [Fact]
    public async Task The_demo_company_has_requests_in_every_status_including_a_refused_and_an_overridden_one()
    {
        var director = await app.ClientAsync("director");

        var all = (await director.GetJsonAsync("/api/v1/travel-requests?pageSize=500")).Items();

        Assert.Equal(["Approved", "Refused", "Rejected", "Submitted"], all.Select(t => t.Str("status")).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(all, t => t.GetProperty("overridden").GetBoolean());
    }
}
