using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.Planning.Reminders;

namespace SalesFlow.Web.Tests.Planning.Reviews;

/// <summary>Monthly reviews through the real HTTP API: prefilled from the transactions, written, submitted, signed off; and the reminders.</summary>
public sealed class ReviewApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    [Fact]
    public async Task A_review_is_prefilled_with_the_actuals_written_submitted_returned_and_signed_off()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var manager = await app.ClientAsync("manager.huadong");
        var lastMonth = PlanningDeadlines.ReviewMonthOn(Today);

        var created = await rep.PostJsonAsync("/api/v1/reviews", new { }, HttpStatusCode.Created);
        var id = created.Id();
        Assert.Equal((lastMonth.ToString(), "Draft"), (created.Str("month"), created.Str("status")));
        using (var again = await rep.Post("/api/v1/reviews", new { }))
        {
            await again.ProblemAsync(HttpStatusCode.Conflict, "review.duplicate");
        }

        // The actual is SalesActuals' number for the owner and month, to the cent, and the lines add up to it.
        var owner = await app.EmployeeIdAsync("rep.huadong.1");
        decimal expected;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
            expected = await SalesActuals.Sales(db, lastMonth.Start, lastMonth.End).Where(f => f.OwnerId == owner).SumAsync(f => f.Amount, TestContext.Current.CancellationToken);
        }

        var lines = created.GetProperty("lines").EnumerateArray().ToList();
        Assert.True(expected > 0, "the demo rep sold something last month");
        Assert.Equal(expected, created.GetProperty("actualAmount").GetDecimal());
        Assert.Equal(expected, lines.Sum(l => l.GetProperty("actualAmount").GetDecimal()));
        Assert.Equal(created.GetProperty("plannedAmount").GetDecimal(), lines.Sum(l => l.GetProperty("plannedAmount").GetDecimal()));

        var written = await rep.PutJsonAsync($"/api/v1/reviews/{id}", new
        {
            varianceReasons = "大客户项目延期，部分订单推迟到下月",
            competitorMoves = "竞品在华东推出低价型号",
            nextSteps = "跟进延期项目",
            lines = new object[] { new { id = lines[0].Id(), comment = "项目延期" } },
            version = created.Number("version"),
        });
        Assert.Equal("项目延期", written.GetProperty("lines").EnumerateArray().Single(l => l.Id() == lines[0].Id()).Str("comment"));
        using (var stale = await rep.Put($"/api/v1/reviews/{id}", new { varianceReasons = "x", version = created.Number("version") }))
        {
            await stale.ProblemAsync(HttpStatusCode.Conflict);
        }

        var refreshed = await rep.PostJsonAsync($"/api/v1/reviews/{id}/refresh", new { });
        Assert.Equal(expected, refreshed.GetProperty("actualAmount").GetDecimal());
        var submitted = await rep.PostJsonAsync($"/api/v1/reviews/{id}/submit", new { });
        Assert.Equal(("Submitted", Today > PlanningDeadlines.ReviewDue(lastMonth)), (submitted.Str("status"), submitted.GetProperty("submittedLate").GetBoolean()));

        using (var own = await rep.Post($"/api/v1/reviews/{id}/sign-off", new { }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, own.StatusCode);
        }

        using (var hidden = await (await app.ClientAsync("manager.huabei")).Post($"/api/v1/reviews/{id}/sign-off", new { }))
        {
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        }

        using (var noComment = await manager.Post($"/api/v1/reviews/{id}/return", new { }))
        {
            await noComment.ProblemAsync(HttpStatusCode.UnprocessableEntity, "review.commentRequired");
        }

        Assert.Equal("Returned", (await manager.PostJsonAsync($"/api/v1/reviews/{id}/return", new { comment = "请补充竞品价格" })).Str("status"));
        Assert.Equal("Submitted", (await rep.PostJsonAsync($"/api/v1/reviews/{id}/submit", new { })).Str("status"));
        var signed = await manager.PostJsonAsync($"/api/v1/reviews/{id}/sign-off", new { comment = "好" });
        Assert.Equal(("SignedOff", "manager.huadong"), (signed.Str("status"), signed.Str("decidedBy")));
        using (var final = await rep.Put($"/api/v1/reviews/{id}", new { varianceReasons = "x", version = signed.Number("version") }))
        {
            await final.ProblemAsync(HttpStatusCode.UnprocessableEntity, "review.notEditable");
        }

        var list = await manager.GetJsonAsync($"/api/v1/reviews?month={lastMonth}&ownerId={owner}");
        Assert.Equal("SignedOff", Assert.Single(list.Items()).Str("status"));
    }

    [Fact]
    public async Task The_reminder_for_a_given_day_notifies_reps_without_a_submitted_plan_once()
    {
        // Three days before the 25th of this month: next month's plan is due.
        var day = new DateOnly(Today.Year, Today.Month, PlanningDeadlines.PlanDueDay - 2);
        int first;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            first = await scope.ServiceProvider.GetRequiredService<PlanReminders>().RunAsync(day, TestContext.Current.CancellationToken);
        }

        Assert.True(first > 0);
        var rep = await app.ClientAsync("rep.huadong.1"); // has no plan for next month in the demo
        var notifications = (await rep.GetJsonAsync("/api/v1/notifications?pageSize=100")).Items();
        var due = Assert.Single(notifications, n => n.Str("kind") == PlanReminders.PlanDue);
        Assert.Equal(PlanningDeadlines.PlanMonthOn(day).ToString(), due.GetProperty("args")[0].GetString());

        var waitingRep = await app.ClientAsync("rep.huadong.2"); // submitted in the demo
        Assert.DoesNotContain((await waitingRep.GetJsonAsync("/api/v1/notifications?pageSize=100")).Items(), n => n.Str("kind") == PlanReminders.PlanDue);
        var supervisor = await app.ClientAsync("supervisor.huadong.1");
        Assert.Contains((await supervisor.GetJsonAsync("/api/v1/notifications?pageSize=100")).Items(), n => n.Str("kind") == PlanReminders.Waiting);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PlanReminders>().RunAsync(day, TestContext.Current.CancellationToken));
        }
    }
}
