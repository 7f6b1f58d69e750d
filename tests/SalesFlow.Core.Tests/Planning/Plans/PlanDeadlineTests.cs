using Microsoft.Extensions.Time.Testing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Reviews;

namespace SalesFlow.Core.Tests.Planning.Plans;

/// <summary>The 25th and the 3rd in the company's time zone, through <see cref="CompanyClock"/> and UTC instants, and the late flags they set.</summary>
public class PlanDeadlineTests
{
    private static readonly Guid Owner = Guid.NewGuid();
    private static readonly Guid Unit = Guid.NewGuid();

    private static DateOnly CompanyDate(int year, int month, int day, int hour, int minute)
    {
        var clock = new CompanyClock(new FakeTimeProvider(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.Zero)), new CompanyOptions());
        return clock.Today;
    }

    private static MonthlyPlan PlanWithLine(Period month)
    {
        var plan = new MonthlyPlan(month, PlanOwnerType.Employee, Owner, Unit);
        Assert.True(plan.Edit(null, [new MonthlyPlanLine(1, null, Guid.NewGuid(), "钢材", 2m, "t", 100m, 200m, false, null, null)]).IsSuccess);
        return plan;
    }

    [Fact]
    public void A_plan_is_due_the_25th_of_the_month_before_and_a_review_the_3rd_of_the_month_after_across_the_year_end()
    {
        Assert.Equal(new DateOnly(2026, 12, 25), PlanningDeadlines.PlanDue(Period.OfMonth(2027, 1)));
        Assert.Equal(new DateOnly(2027, 1, 3), PlanningDeadlines.ReviewDue(Period.OfMonth(2026, 12)));
        Assert.Equal(new DateOnly(2027, 2, 25), PlanningDeadlines.PlanDue(Period.OfMonth(2027, 3)));
        Assert.Equal(new DateOnly(2027, 3, 3), PlanningDeadlines.ReviewDue(Period.OfMonth(2027, 2)));
        Assert.Equal(Period.OfMonth(2027, 1), PlanningDeadlines.PlanMonthOn(new DateOnly(2026, 12, 31)));
        Assert.Equal(Period.OfMonth(2026, 12), PlanningDeadlines.ReviewMonthOn(new DateOnly(2027, 1, 2)));
    }

    [Fact]
    public void A_plan_submitted_at_23_30_Shanghai_on_the_25th_is_on_time_and_at_00_30_on_the_26th_is_late()
    {
        // 23:30 in Shanghai on 25 December is 15:30 UTC; 00:30 on the 26th is 16:30 UTC the same UTC day.
        var onTime = CompanyDate(2026, 12, 25, 15, 30);
        var late = CompanyDate(2026, 12, 25, 16, 30);
        Assert.Equal(new DateOnly(2026, 12, 25), onTime);
        Assert.Equal(new DateOnly(2026, 12, 26), late);

        var first = PlanWithLine(Period.OfMonth(2027, 1));
        Assert.True(first.Submit(onTime).IsSuccess);
        Assert.False(first.SubmittedLate);

        var second = PlanWithLine(Period.OfMonth(2027, 1));
        Assert.True(second.Submit(late).IsSuccess);
        Assert.True(second.SubmittedLate);
        Assert.Equal(new DateOnly(2026, 12, 26), second.SubmittedOn);
    }

    [Fact]
    public void A_review_of_December_submitted_on_3_January_Shanghai_is_on_time_and_on_the_4th_late()
    {
        var onTime = CompanyDate(2027, 1, 3, 15, 59); // 23:59 Shanghai
        var late = CompanyDate(2027, 1, 3, 16, 0);    // 00:00 on the 4th
        var a = new MonthlyReview(Period.OfMonth(2026, 12), PlanOwnerType.Employee, Owner, Unit, null);
        var b = new MonthlyReview(Period.OfMonth(2026, 12), PlanOwnerType.Employee, Owner, Unit, null);
        Assert.True(a.Submit(onTime, 10m).IsSuccess);
        Assert.True(b.Submit(late, 10m).IsSuccess);
        Assert.False(a.SubmittedLate);
        Assert.True(b.SubmittedLate);
    }

    [Fact]
    public void The_first_submission_decides_late_a_return_and_resubmission_do_not_change_it()
    {
        var month = Period.OfMonth(2027, 1);
        var onTimeThenLate = PlanWithLine(month);
        Assert.True(onTimeThenLate.Submit(new DateOnly(2026, 12, 20)).IsSuccess);
        Assert.True(onTimeThenLate.Return("manager", DateTime.UtcNow, "再细化").IsSuccess);
        Assert.True(onTimeThenLate.Submit(new DateOnly(2026, 12, 28)).IsSuccess);
        Assert.False(onTimeThenLate.SubmittedLate);
        Assert.Equal(new DateOnly(2026, 12, 28), onTimeThenLate.SubmittedOn);

        var lateFirst = PlanWithLine(month);
        Assert.True(lateFirst.Submit(new DateOnly(2026, 12, 27)).IsSuccess);
        Assert.True(lateFirst.Approve("manager", DateTime.UtcNow, null).IsSuccess);
        Assert.True(lateFirst.SubmittedLate);
    }

    [Fact]
    public void Plan_rules_edit_only_draft_or_returned_submit_needs_lines_return_needs_a_comment_approved_is_final()
    {
        var month = Period.OfMonth(2027, 1);
        var empty = new MonthlyPlan(month, PlanOwnerType.Employee, Owner, Unit);
        Assert.Equal("plan.noLines", empty.Submit(new DateOnly(2026, 12, 1)).Error?.Code);

        var plan = PlanWithLine(month);
        Assert.Equal(200m, plan.TotalAmount);
        Assert.Equal("plan.notSubmitted", plan.Approve("m", DateTime.UtcNow, null).Error?.Code);
        Assert.True(plan.Submit(new DateOnly(2026, 12, 1)).IsSuccess);
        Assert.Equal("plan.notEditable", plan.Edit("x", []).Error?.Code);
        Assert.Equal("plan.commentRequired", plan.Return("m", DateTime.UtcNow, "  ").Error?.Code);
        Assert.True(plan.Return("m", DateTime.UtcNow, "补充新品").IsSuccess);
        Assert.Equal(PlanStatus.Returned, plan.Status);
        Assert.True(plan.Edit("ok", [new MonthlyPlanLine(1, null, Guid.NewGuid(), "钢材", 3m, "t", 100m, 300m, true, "买十送一", null),
            new MonthlyPlanLine(2, null, Guid.NewGuid(), "钢材", 1m, "t", 50.5m, 50.5m, false, null, null)]).IsSuccess);
        Assert.Equal(350.5m, plan.TotalAmount);
        Assert.True(plan.Submit(new DateOnly(2026, 12, 2)).IsSuccess);
        Assert.True(plan.Approve("m", DateTime.UtcNow, "同意").IsSuccess);
        Assert.Equal("plan.notEditable", plan.Edit(null, []).Error?.Code);
        Assert.Equal("plan.notEditable", plan.Submit(new DateOnly(2026, 12, 3)).Error?.Code);
        Assert.Equal("plan.notSubmitted", plan.Return("m", DateTime.UtcNow, "no").Error?.Code);
    }

    [Theory]
    [InlineData(1000, 1110, true)]
    [InlineData(1000, 1100, false)]
    [InlineData(1000, 890, true)]
    [InlineData(1000, 900, false)]
    [InlineData(0, 5, true)]
    [InlineData(0, 0, false)]
    public void A_review_needs_variance_reasons_when_actual_and_plan_differ_by_more_than_the_threshold(int planned, int actual, bool needed)
    {
        var review = new MonthlyReview(Period.OfMonth(2027, 1), PlanOwnerType.Employee, Owner, Unit, null);
        Assert.True(review.Fill(null, [new MonthlyReviewLine(null, Guid.NewGuid(), 1m, planned, 1m, actual)]).IsSuccess);
        var submitted = review.Submit(new DateOnly(2027, 2, 1), 10m);
        Assert.Equal(needed ? "review.varianceReasonRequired" : null, submitted.Error?.Code);
        if (needed)
        {
            Assert.True(review.Write("大客户延期", null, null, new Dictionary<Guid, string?>()).IsSuccess);
            Assert.True(review.Submit(new DateOnly(2027, 2, 1), 10m).IsSuccess);
        }

        Assert.Equal(ReviewStatus.Submitted, review.Status);
        Assert.Equal("review.commentRequired", review.Return("m", DateTime.UtcNow, null).Error?.Code);
        Assert.True(review.SignOff("m", DateTime.UtcNow, null).IsSuccess);
        Assert.Equal("review.notEditable", review.Fill(null, []).Error?.Code);
    }
}
