namespace SalesFlow.Core.Planning;

/// <summary>
/// The two monthly deadlines of PRODUCT.md §2, in company dates: next month's plan is due by the 25th
/// (<see cref="PlanDueDay"/>) of the month before it, a month's review by the 3rd (<see cref="ReviewDueDay"/>)
/// of the month after it. "By" includes the whole due day in the company's time zone; a submission dated later is late.
/// </summary>
public static class PlanningDeadlines
{
    public const int PlanDueDay = 25;
    public const int ReviewDueDay = 3;

    public static DateOnly PlanDue(Period month)
    {
        RequireMonth(month);
        var before = month.Start.AddMonths(-1);
        return new DateOnly(before.Year, before.Month, PlanDueDay);
    }

    public static DateOnly ReviewDue(Period month)
    {
        RequireMonth(month);
        var after = month.Start.AddMonths(1);
        return new DateOnly(after.Year, after.Month, ReviewDueDay);
    }

    /// <summary>Submitted on <paramref name="submittedOn"/> (company date) against <paramref name="due"/>.</summary>
    public static bool IsLate(DateOnly due, DateOnly submittedOn) => submittedOn > due;

    /// <summary>The month whose plan is being prepared on <paramref name="today"/>: always next month.</summary>
    public static Period PlanMonthOn(DateOnly today) => Period.MonthOf(today.AddMonths(1));

    /// <summary>The month to review on <paramref name="today"/>: last month until its review deadline has passed and after.</summary>
    public static Period ReviewMonthOn(DateOnly today) => Period.MonthOf(today.AddMonths(-1));

    private static void RequireMonth(Period period)
    {
        if (period.Kind != PeriodKind.Month)
        {
            throw new ArgumentException("Plans and reviews are monthly.", nameof(period));
        }
    }
}
