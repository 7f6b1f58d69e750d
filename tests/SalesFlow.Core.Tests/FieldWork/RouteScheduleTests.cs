using SalesFlow.Core.FieldWork.Visits;

namespace SalesFlow.Core.Tests.FieldWork;

public class RouteScheduleTests
{
    private static readonly Guid A = Guid.CreateVersion7();
    private static readonly Guid B = Guid.CreateVersion7();
    private static readonly DateOnly Monday = new(2026, 3, 2);

    [Fact]
    public void A_weekly_plan_repeats_every_week_on_its_weekdays()
    {
        var visits = RouteSchedule.Visits(Monday, 1, [(1, DayOfWeek.Monday, A), (1, DayOfWeek.Thursday, B)], Monday, Monday.AddDays(13)).ToList();

        Assert.Equal(
            [(Monday, A), (Monday.AddDays(3), B), (Monday.AddDays(7), A), (Monday.AddDays(10), B)],
            visits);
    }

    [Fact]
    public void A_two_week_cycle_alternates_and_starts_on_the_monday_of_its_start_date()
    {
        var plan = RouteSchedule.Visits(Monday.AddDays(2), 2, [(1, DayOfWeek.Tuesday, A), (2, DayOfWeek.Tuesday, B)], Monday, Monday.AddDays(27)).ToList();

        Assert.Equal(
            [(Monday.AddDays(1), A), (Monday.AddDays(8), B), (Monday.AddDays(15), A), (Monday.AddDays(22), B)],
            plan);
        Assert.Equal(2, RouteSchedule.WeekOfCycle(Monday, 2, Monday.AddDays(-1))); // the Sunday before counts backwards
    }

    [Fact]
    public void Nothing_is_planned_before_the_plan_starts()
    {
        Assert.Empty(RouteSchedule.Visits(Monday.AddDays(7), 1, [(1, DayOfWeek.Monday, A)], Monday, Monday.AddDays(6)));
    }
}
