using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning.Progress;

/// <summary>
/// The arithmetic of plan vs. actual (planning-common definitions): gap = target − actual, planGap = target − planned,
/// attainment = actual ÷ target (null for a zero target), run-rate forecast = actual ÷ elapsed days × period days on
/// company dates (an ended period forecasts its actual, one not started forecasts 0).
/// </summary>
public static class ProgressMath
{
    /// <summary>Money rounds to 2 decimals, quantities (and market-share percentages) to 3, counts to 0.</summary>
    public static int Decimals(TargetMeasure measure) => measure switch
    {
        TargetMeasure.Revenue or TargetMeasure.Collections => 2,
        TargetMeasure.NewCustomers => 0,
        TargetMeasure.Quantity or TargetMeasure.MarketShare => 3,
    };

    public static decimal? Gap(decimal target, decimal? actual) => actual is { } a ? target - a : null;

    public static decimal? Attainment(decimal target, decimal? actual) =>
        target == 0 || actual is not { } a ? null : Math.Round(a / target, 4, MidpointRounding.AwayFromZero);

    public static decimal? Forecast(decimal? actual, DateOnly start, DateOnly end, DateOnly today, int decimals)
    {
        if (actual is not { } a)
        {
            return null;
        }

        if (today < start)
        {
            return 0m;
        }

        if (today >= end)
        {
            return a;
        }

        var elapsed = today.DayNumber - start.DayNumber + 1;
        var days = end.DayNumber - start.DayNumber + 1;
        return Math.Round(a * days / elapsed, decimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A period's amount spread over its months by days, rounded to the measure's decimals; the remainder goes to the
    /// last month so the months sum exactly to the amount.
    /// </summary>
    public static IReadOnlyList<decimal> ProrateByDays(decimal amount, IReadOnlyList<Period> months, int decimals)
    {
        var days = months.Sum(m => m.Days);
        var shares = months.Select(m => Math.Round(amount * m.Days / days, decimals, MidpointRounding.AwayFromZero)).ToList();
        if (shares.Count > 0)
        {
            shares[^1] += amount - shares.Sum();
        }

        return shares;
    }
}
