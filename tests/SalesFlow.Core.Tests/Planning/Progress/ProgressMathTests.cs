using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Progress;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Tests.Planning.Progress;

public class ProgressMathTests
{
    private static readonly DateOnly Jan1 = new(2026, 1, 1);
    private static readonly DateOnly Dec31 = new(2026, 12, 31);

    [Fact]
    public void Run_rate_forecast_scales_the_actual_by_elapsed_days_of_the_period()
    {
        // 31 days of January elapsed out of 365: 3,100.00 → 3,100 × 365 / 31 = 36,500.00.
        Assert.Equal(36_500.00m, ProgressMath.Forecast(3_100m, Jan1, Dec31, new DateOnly(2026, 1, 31), 2));

        // The first day counts as one elapsed day.
        Assert.Equal(365m * 10m, ProgressMath.Forecast(10m, Jan1, Dec31, Jan1, 2));

        // Rounded half away from zero to the measure's decimals: 100 × 365 / 3 = 12,166.666…
        Assert.Equal(12_166.67m, ProgressMath.Forecast(100m, Jan1, Dec31, new DateOnly(2026, 1, 3), 2));
        Assert.Equal(12_167m, ProgressMath.Forecast(100m, Jan1, Dec31, new DateOnly(2026, 1, 3), 0));
    }

    [Fact]
    public void A_period_not_started_forecasts_zero_and_one_that_ended_forecasts_its_actual()
    {
        Assert.Equal(0m, ProgressMath.Forecast(500m, Jan1, Dec31, new DateOnly(2025, 12, 31), 2));
        Assert.Equal(500m, ProgressMath.Forecast(500m, Jan1, Dec31, Dec31, 2));
        Assert.Equal(500m, ProgressMath.Forecast(500m, Jan1, Dec31, new DateOnly(2027, 3, 1), 2));
        Assert.Null(ProgressMath.Forecast(null, Jan1, Dec31, new DateOnly(2026, 6, 1), 2));
    }

    [Fact]
    public void Attainment_is_actual_over_target_and_null_for_a_zero_target_or_no_actual()
    {
        Assert.Equal(0.3333m, ProgressMath.Attainment(300m, 100m));
        Assert.Equal(1.25m, ProgressMath.Attainment(80m, 100m));
        Assert.Equal(0m, ProgressMath.Attainment(80m, 0m));
        Assert.Null(ProgressMath.Attainment(0m, 100m));
        Assert.Null(ProgressMath.Attainment(100m, null));
    }

    [Fact]
    public void Gap_is_target_minus_actual_and_negative_when_exceeded()
    {
        Assert.Equal(40m, ProgressMath.Gap(100m, 60m));
        Assert.Equal(-20.5m, ProgressMath.Gap(100m, 120.5m));
        Assert.Null(ProgressMath.Gap(100m, null));
    }

    [Fact]
    public void Prorating_by_days_sums_exactly_to_the_amount()
    {
        var months = Period.OfYear(2026).Children(PeriodKind.Month);
        var shares = ProgressMath.ProrateByDays(1_000_000m, months, 2);
        Assert.Equal(1_000_000m, shares.Sum());
        Assert.Equal(Math.Round(1_000_000m * 31 / 365, 2), shares[0]);
        Assert.Equal(Math.Round(1_000_000m * 28 / 365, 2), shares[1]);

        var counts = ProgressMath.ProrateByDays(10m, Period.OfQuarter(2026, 1).Children(PeriodKind.Month), 0);
        Assert.Equal(10m, counts.Sum());
        Assert.All(counts, c => Assert.Equal(decimal.Truncate(c), c));
    }

    [Theory]
    [InlineData(TargetMeasure.Revenue, 2)]
    [InlineData(TargetMeasure.Collections, 2)]
    [InlineData(TargetMeasure.Quantity, 3)]
    [InlineData(TargetMeasure.NewCustomers, 0)]
    public void Measures_round_money_to_cents_quantities_to_three_decimals_and_counts_to_whole_numbers(TargetMeasure measure, int decimals) =>
        Assert.Equal(decimals, ProgressMath.Decimals(measure));
}
