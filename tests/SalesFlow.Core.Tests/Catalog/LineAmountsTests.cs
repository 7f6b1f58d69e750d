using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Tests.Catalog;

/// <summary>Line money is rounded once per line, half away from zero; totals are the sums of the rounded lines.</summary>
public class LineAmountsTests
{
    [Fact]
    public void A_line_rounds_its_net_and_tax_once_half_away_from_zero()
    {
        // 3 × 33.335 = 100.005 → 100.01; tax 13 % of 100.01 = 13.0013 → 13.00.
        var line = LineAmounts.Of(3m, 33.335m, 0m, 0.13m);
        Assert.Equal(100.01m, line.NetAmount);
        Assert.Equal(13.00m, line.TaxAmount);
        Assert.Equal(113.01m, line.GrossAmount);
    }

    [Fact]
    public void A_discount_applies_before_rounding_and_bulk_quantities_keep_their_decimals()
    {
        // 12.345 t × ¥4,210.00 = 51,972.45; × 0.925 = 48,074.51625 → 48,074.52; tax 6,249.6876 → 6,249.69.
        var line = LineAmounts.Of(12.345m, 4210m, 7.5m, 0.13m);
        Assert.Equal(48074.52m, line.NetAmount);
        Assert.Equal(6249.69m, line.TaxAmount);
        Assert.Equal(3894.25m, line.NetUnitPrice);
    }

    [Fact]
    public void Document_totals_equal_the_sum_of_the_rounded_lines()
    {
        var lines = Enumerable.Range(1, 7).Select(_ => LineAmounts.Of(1m, 0.333m, 0m, 0.13m)).ToList();
        var totals = DocumentTotals.Of(lines);

        // Each line is 0.33 net and 0.04 tax; rounding the sum instead (7 × 0.333 = 2.331) would give 2.33, not 2.31.
        Assert.Equal(2.31m, totals.NetAmount);
        Assert.Equal(0.28m, totals.TaxAmount);
        Assert.Equal(totals.NetAmount + totals.TaxAmount, totals.GrossAmount);
        Assert.Equal(lines.Sum(l => l.GrossAmount), totals.GrossAmount);
    }
}

/// <summary>Discount authority: rep 5 %, manager 10 %, director 20 % by default, and the floor price.</summary>
public class DiscountAuthorityTests
{
    private static readonly DiscountAuthority Authority = new(new DiscountOptions());

    private static Actor ActorWith(string role) =>
        Actor.System with { Roles = new HashSet<string> { role }, Scope = DataScope.Own };

    [Theory]
    [InlineData(Roles.SalesRep, 5, false, null)]
    [InlineData(Roles.SalesRep, 5.01, true, Roles.RegionalManager)]
    [InlineData(Roles.SalesRep, 12, true, Roles.Director)]
    [InlineData(Roles.Supervisor, 6, true, Roles.RegionalManager)]
    [InlineData(Roles.RegionalManager, 10, false, null)]
    [InlineData(Roles.RegionalManager, 15, true, Roles.Director)]
    [InlineData(Roles.Director, 20, false, null)]
    public void A_discount_beyond_the_actors_limit_needs_the_lowest_role_that_covers_it(string role, double percent, bool needsApproval, string? approver)
    {
        var check = Authority.Check(ActorWith(role), (decimal)percent, 90m, floorPrice: null);
        Assert.Equal(needsApproval, check.NeedsApproval);
        Assert.Equal(approver, check.ApproverRole);
    }

    [Fact]
    public void A_price_below_the_floor_needs_the_director_even_within_the_discount_limit()
    {
        var check = Authority.Check(ActorWith(Roles.RegionalManager), 4m, 96m, floorPrice: 97m);
        Assert.True(check.BelowFloor);
        Assert.True(check.NeedsApproval);
        Assert.Equal(Roles.Director, check.ApproverRole);
    }
}
