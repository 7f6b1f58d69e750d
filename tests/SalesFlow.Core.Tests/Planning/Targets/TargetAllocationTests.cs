using System.Globalization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Tests.Planning.Targets;

public class TargetAllocationTests
{
    [Theory]
    [InlineData(TargetMeasure.Revenue, 2)]
    [InlineData(TargetMeasure.Collections, 2)]
    [InlineData(TargetMeasure.Quantity, 3)]
    [InlineData(TargetMeasure.NewCustomers, 0)]
    public void Each_measure_splits_at_its_own_decimals(TargetMeasure measure, int decimals) =>
        Assert.Equal(decimals, TargetAllocation.DecimalsOf(measure));

    [Fact]
    public void An_awkward_total_split_three_ways_sums_exactly_and_the_first_of_equals_takes_the_remainder()
    {
        var parts = TargetAllocation.Equal(100.01m, 3, 2).Value!;
        Assert.Equal([33.33m, 33.34m, 33.34m], parts);
        Assert.Equal(100.01m, parts.Sum());

        var hundred = TargetAllocation.Equal(100m, 3, 2).Value!;
        Assert.Equal([33.34m, 33.33m, 33.33m], hundred);
    }

    [Fact]
    public void The_remainder_goes_to_the_largest_weight_not_the_first()
    {
        var parts = TargetAllocation.ByWeights(10m, [1m, 1m, 2m, 1m, 1m, 1m, 1m], 2).Value!;
        Assert.Equal(10m, parts.Sum());
        Assert.Equal(2.50m, parts[2]);
        Assert.All(parts.Where((_, i) => i != 2), p => Assert.Equal(1.25m, p));

        var uneven = TargetAllocation.ByWeights(1_000m, [3m, 5m, 7m], 0).Value!;
        Assert.Equal([200m, 333m, 467m], uneven);
    }

    [Theory]
    [InlineData(0, "10", 3, "4", "3")]
    [InlineData(2, "1", 7, "0.16", "0.14")]
    [InlineData(3, "1", 7, "0.142", "0.143")]
    public void Rounding_follows_the_decimals_and_the_sum_stays_exact(int decimals, string total, int count, string first, string last)
    {
        var amount = decimal.Parse(total, CultureInfo.InvariantCulture);
        var parts = TargetAllocation.Equal(amount, count, decimals).Value!;
        Assert.Equal(amount, parts.Sum());
        Assert.Equal((decimal.Parse(first, CultureInfo.InvariantCulture), decimal.Parse(last, CultureInfo.InvariantCulture)), (parts[0], parts[^1]));
        Assert.All(parts, p => Assert.Equal(decimal.Round(p, decimals), p));
    }

    [Fact]
    public void Counts_split_in_whole_numbers()
    {
        var parts = TargetAllocation.Equal(10m, 4, 0).Value!;
        Assert.Equal([4m, 2m, 2m, 2m], parts);
        Assert.Equal(10m, parts.Sum());
        Assert.All(parts, p => Assert.Equal(decimal.Truncate(p), p));
    }

    [Fact]
    public void Zero_weights_get_nothing_and_all_zero_weights_are_refused()
    {
        var parts = TargetAllocation.ByWeights(900m, [0m, 2m, 1m], 2).Value!;
        Assert.Equal([0m, 600m, 300m], parts);

        Assert.Equal("target.noWeights", TargetAllocation.ByWeights(900m, [0m, 0m], 2).Error?.Code);
        Assert.Equal("target.noWeights", TargetAllocation.ByWeights(900m, [-5m, 0m], 2).Error?.Code);
    }

    [Fact]
    public void One_child_takes_the_whole_total_and_negative_totals_are_refused()
    {
        Assert.Equal([1_234.56m], TargetAllocation.Equal(1_234.56m, 1, 2).Value!);
        Assert.Equal("target.negativeAmount", TargetAllocation.Equal(-1m, 2, 2).Error?.Code);
        Assert.Equal("target.noChildren", TargetAllocation.ByWeights(1m, [], 2).Error?.Code);
    }

    [Fact]
    public void A_tiny_total_over_many_parts_never_makes_a_part_negative()
    {
        var parts = TargetAllocation.Equal(0.05m, 10, 2).Value!;
        Assert.Equal(0.05m, parts.Sum());
        Assert.All(parts, p => Assert.True(p >= 0));
    }

    [Fact]
    public void A_manual_split_must_sum_to_the_parent_and_carries_both_numbers()
    {
        Assert.Null(TargetAllocation.CheckManual(100m, [40m, 60m], 2));
        var mismatch = TargetAllocation.CheckManual(100m, [40m, 59.99m], 2)!;
        Assert.Equal("target.splitNotEqualParent", mismatch.Code);
        Assert.Equal((100m, 99.99m), ((decimal)mismatch.Args["parent"]!, (decimal)mismatch.Args["sum"]!));
        Assert.Equal("target.negativeAmount", TargetAllocation.CheckManual(100m, [110m, -10m], 2)?.Code);
        Assert.Equal("decimals", TargetAllocation.CheckManual(1m, [0.5m, 0.5m], 0)?.Fields?[0].Rule);
    }

    [Fact]
    public void Seasonal_phasing_follows_last_years_months_and_sums_exactly()
    {
        decimal[] lastYear = [10m, 10m, 20m, 20m, 30m, 30m, 40m, 40m, 30m, 30m, 20m, 20m];
        var months = TargetAllocation.ByWeights(1_000_000m, lastYear, 2).Value!;
        Assert.Equal(1_000_000m, months.Sum());
        Assert.Equal(33_333.33m, months[0]);
        Assert.Equal(133_333.33m, months[6]);
        Assert.Equal(66_666.67m, months[2]);
        var equal = TargetAllocation.Equal(1_000_000m, 12, 2).Value!;
        Assert.Equal(1_000_000m, equal.Sum());
        Assert.Equal(83_333.37m, equal[0]);
    }
}

public class TargetBehaviourTests
{
    private static Target NewTarget(decimal amount = 1_000m) =>
        new(Period.OfYear(2027), TargetMeasure.Revenue, "", null, TargetOwnerType.OrgUnit, Guid.NewGuid(), Guid.NewGuid(), amount);

    [Fact]
    public void A_locked_target_refuses_changes_and_division_until_reopened()
    {
        var target = NewTarget();
        Assert.True(target.Lock("确认").IsSuccess);
        Assert.Equal("target.locked", target.ChangeAmount(2_000m, "上调").Error?.Code);
        Assert.Equal("target.locked", target.CanDivide().Error?.Code);
        Assert.Equal("target.alreadyLocked", target.Lock(null).Error?.Code);

        Assert.True(target.Reopen("需调整").IsSuccess);
        Assert.Equal("需调整", target.ChangeReason);
        Assert.True(target.ChangeAmount(2_000m, "上调").IsSuccess);
        Assert.Equal((2_000m, "上调"), (target.Amount, target.ChangeReason));
        Assert.Equal("target.notLocked", target.Reopen("x").Error?.Code);
    }

    [Fact]
    public void A_share_changes_only_through_its_parent_and_amounts_are_never_negative()
    {
        var parent = NewTarget();
        Assert.Equal("target.negativeAmount", parent.ChangeAmount(-1m, "x").Error?.Code);
        var child = parent.ChildFor(TargetOrigin.Split, parent.PeriodValue, TargetOwnerType.Employee, Guid.NewGuid(), parent.OrgUnitId, 400m, "分解");
        Assert.Equal((parent.Id, TargetOrigin.Split, "2027"), (child.ParentId, child.Origin, child.Period));
        Assert.Equal("target.changeThroughParent", child.ChangeAmount(500m, "x").Error?.Code);
    }
}
