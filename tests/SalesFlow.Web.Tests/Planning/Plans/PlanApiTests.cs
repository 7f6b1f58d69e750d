using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesFlow.Core.Planning;

namespace SalesFlow.Web.Tests.Planning.Plans;

/// <summary>Monthly plans through the real HTTP API on the demo company: write, submit, return, resubmit, approve; scope, refusals, roll-up.</summary>
public sealed class PlanApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private static string NextMonth => PlanningDeadlines.PlanMonthOn(Today).ToString();

    private static async Task<(Guid Customer, Guid Product)> CustomerAndProductAsync(HttpClient rep)
    {
        var customer = (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0].Id();
        var product = (await rep.GetJsonAsync($"/api/v1/orders/priced-products?customerId={customer}")).EnumerateArray().First().Id();
        return (customer, product);
    }

    [Fact]
    public async Task A_rep_writes_and_submits_the_manager_returns_with_a_comment_the_rep_resubmits_and_the_manager_approves()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var manager = await app.ClientAsync("manager.huadong");
        var (customer, product) = await CustomerAndProductAsync(rep);

        var created = await rep.PostJsonAsync("/api/v1/plans", new { }, HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal((NextMonth, "Draft", await app.EmployeeIdAsync("rep.huadong.1")), (created.Str("month"), created.Str("status"), created.Id("ownerId")));
        using (var again = await rep.Post("/api/v1/plans", new { }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict, "plan.duplicate");
        }

        var edited = await rep.PutJsonAsync($"/api/v1/plans/{id}", new
        {
            notes = "重点推进新品",
            lines = new object[]
            {
                new { customerId = customer, productId = product, quantity = 2m, isNewProduct = true, promotion = "新品试用装" },
                new { customerId = (Guid?)null, productId = product, quantity = 1m, promotionPrice = 99.5m },
            },
            version = created.Number("version"),
        });
        var lines = edited.GetProperty("lines").EnumerateArray().ToList();
        Assert.Equal(2, lines.Count);
        Assert.True(lines[0].GetProperty("unitPrice").GetDecimal() > 0);
        Assert.Equal(99.5m, lines[1].GetProperty("amount").GetDecimal());
        Assert.Equal(lines.Sum(l => l.GetProperty("amount").GetDecimal()), edited.GetProperty("totalAmount").GetDecimal());

        using (var stale = await rep.Put($"/api/v1/plans/{id}", new { notes = "x", lines = Array.Empty<object>(), version = created.Number("version") }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        // PUT accepts what GET returned.
        var read = JsonNode.Parse((await rep.GetJsonAsync($"/api/v1/plans/{id}")).GetRawText())!.AsObject();
        read["notes"] = "重点推进新品，月底冲量";
        var echoed = await rep.PutJsonAsync($"/api/v1/plans/{id}", read);
        Assert.Equal("重点推进新品，月底冲量", echoed.Str("notes"));
        Assert.Equal(edited.GetProperty("totalAmount").GetDecimal(), echoed.GetProperty("totalAmount").GetDecimal());
        Assert.Equal(99.5m, echoed.GetProperty("lines")[1].GetProperty("promotionPrice").GetDecimal());

        var submitted = await rep.PostJsonAsync($"/api/v1/plans/{id}/submit", new { });
        Assert.Equal("Submitted", submitted.Str("status"));
        using (var own = await rep.Post($"/api/v1/plans/{id}/approve", new { }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        var waiting = await manager.GetJsonAsync($"/api/v1/plans?waiting=true&month={NextMonth}&pageSize=500");
        Assert.Contains(waiting.Items(), p => p.Id() == id);
        Assert.True(submitted.GetProperty("canEdit").GetBoolean() == false);
        using (var noComment = await manager.Post($"/api/v1/plans/{id}/return", new { comment = "  " }))
        {
            await noComment.ProblemAsync(HttpStatusCode.UnprocessableEntity, "plan.commentRequired");
        }

        var returned = await manager.PostJsonAsync($"/api/v1/plans/{id}/return", new { comment = "数量偏保守，请结合上月实际调整" });
        Assert.Equal(("Returned", "数量偏保守，请结合上月实际调整"), (returned.Str("status"), returned.Str("managerComment")));

        var reworked = await rep.PutJsonAsync($"/api/v1/plans/{id}", new
        {
            notes = "已按意见调整",
            lines = new object[] { new { customerId = customer, productId = product, quantity = 3m } },
            version = returned.Number("version"),
        });
        Assert.Single(reworked.GetProperty("lines").EnumerateArray());
        Assert.Equal("Submitted", (await rep.PostJsonAsync($"/api/v1/plans/{id}/submit", new { version = reworked.Number("version") })).Str("status"));

        var other = await app.ClientAsync("manager.huabei");
        using (var hidden = await other.Get($"/api/v1/plans/{id}"))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var outOfScope = await other.Post($"/api/v1/plans/{id}/approve", new { }))
        {
            Assert.Equal(HttpStatusCode.NotFound, outOfScope.StatusCode);
        }

        var approved = await manager.PostJsonAsync($"/api/v1/plans/{id}/approve", new { comment = "同意" });
        Assert.Equal(("Approved", "manager.huadong", false), (approved.Str("status"), approved.Str("decidedBy"), approved.GetProperty("submittedLate").GetBoolean()));
        using (var final = await rep.Put($"/api/v1/plans/{id}", new { notes = "x", lines = Array.Empty<object>(), version = approved.Number("version") }))
        {
            await final.ProblemAsync(HttpStatusCode.UnprocessableEntity, "plan.notEditable");
        }

        var mine = await rep.GetJsonAsync("/api/v1/plans?mine=true&pageSize=100");
        Assert.All(mine.Items(), p => Assert.Equal(created.Id("ownerId"), p.Id("ownerId")));
        Assert.Contains(mine.Items(), p => p.Id() == id && p.Str("status") == "Approved");
    }

    [Fact]
    public async Task A_supervisor_cannot_decide_their_own_plan_and_creates_are_idempotent()
    {
        var supervisor = await app.ClientAsync("supervisor.huadong.1");
        var month = PlanningDeadlines.PlanMonthOn(Today).NextMonth().NextMonth().ToString();
        var body = JsonSerializer.Serialize(new { month }, JsonOptions);
        using var first = await supervisor.Send(HttpMethod.Post, "/api/v1/plans", body, r => r.Headers.Add("Idempotency-Key", "plan-key-1"));
        var created = await first.JsonAsync(HttpStatusCode.Created);
        using var replay = await supervisor.Send(HttpMethod.Post, "/api/v1/plans", body, r => r.Headers.Add("Idempotency-Key", "plan-key-1"));
        Assert.Equal(created.Id(), (await replay.JsonAsync(HttpStatusCode.Created)).Id());

        var product = (await (await app.ClientAsync("rep.huadong.1")).GetJsonAsync("/api/v1/products?pageSize=1")).Items()[0].Id();
        var edited = await supervisor.PutJsonAsync($"/api/v1/plans/{created.Id()}", new
        {
            lines = new object[] { new { productId = product, quantity = 1m, promotionPrice = 1000m } },
            version = created.Number("version"),
        });
        var submitted = await supervisor.PostJsonAsync($"/api/v1/plans/{created.Id()}/submit", new { version = edited.Number("version") });
        using (var own = await supervisor.Post($"/api/v1/plans/{created.Id()}/approve", new { }))
        {
            await own.ProblemAsync(HttpStatusCode.Forbidden, "plan.ownPlan");
        }

        Assert.False(submitted.GetProperty("canDecide").GetBoolean());
        var manager = await app.ClientAsync("manager.huadong");
        Assert.True((await manager.GetJsonAsync($"/api/v1/plans/{created.Id()}")).GetProperty("canDecide").GetBoolean());

        using (var finance = await (await app.ClientAsync("finance")).Get("/api/v1/plans"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, finance.StatusCode);
        }

        using (var badMonth = await supervisor.Post("/api/v1/plans", new { month = "2027-Q1" }))
        {
            await badMonth.ProblemAsync(HttpStatusCode.BadRequest);
        }
    }

    [Fact]
    public async Task The_demo_leaves_plans_waiting_for_manager_huadong_and_the_roll_up_and_compliance_count_them()
    {
        var manager = await app.ClientAsync("manager.huadong");
        var waiting = await manager.GetJsonAsync($"/api/v1/plans?waiting=true&month={NextMonth}");
        Assert.NotEmpty(waiting.Items());
        Assert.All(waiting.Items(), p => Assert.Equal("Submitted", p.Str("status")));

        var rollup = await manager.GetJsonAsync($"/api/v1/plans/rollup?month={NextMonth}");
        Assert.Equal("华东大区", rollup.Str("unitName"));
        var units = rollup.GetProperty("units").EnumerateArray().ToList();
        Assert.Equal(2, units.Count);
        var total = rollup.GetProperty("total");
        Assert.Equal(units.Sum(u => u.GetProperty("submittedAmount").GetDecimal()), total.GetProperty("submittedAmount").GetDecimal());
        Assert.Equal(units.Sum(u => u.Number("submitted")), total.Number("submitted"));
        Assert.True(total.Number("submitted") >= waiting.Items().Count);

        // This month's plans were all approved in the demo.
        var thisMonth = Period.MonthOf(Today).ToString();
        var current = await manager.GetJsonAsync($"/api/v1/plans/rollup?month={thisMonth}");
        Assert.True(current.GetProperty("total").GetProperty("approvedAmount").GetDecimal() > 0);

        var compliance = await manager.GetJsonAsync($"/api/v1/plans/compliance?month={NextMonth}");
        var owners = compliance.GetProperty("owners").EnumerateArray().ToList();
        Assert.Equal(12, owners.Count); // two teams of a supervisor and five reps
        var submittedOwners = owners.Count(o => o.GetProperty("planStatus").ValueKind == JsonValueKind.String && o.Str("planStatus") is "Submitted" or "Approved");
        Assert.Equal(submittedOwners, compliance.GetProperty("units").EnumerateArray().Sum(u => u.Number("plansSubmitted")));
        var overdue = Today > PlanningDeadlines.PlanDue(Period.Parse(NextMonth));
        Assert.All(owners.Where(o => o.GetProperty("planStatus").ValueKind == JsonValueKind.Null), o => Assert.Equal(overdue, o.GetProperty("planLate").GetBoolean()));

        var other = await app.ClientAsync("manager.huabei");
        using var hidden = await other.Get($"/api/v1/plans/rollup?month={NextMonth}&unitId={rollup.Id("unitId")}");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
    }
}
