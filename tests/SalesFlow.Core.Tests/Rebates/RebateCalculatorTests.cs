using SalesFlow.Core.Billing;
using SalesFlow.Core.Rebates;

namespace SalesFlow.Core.Tests.Rebates;

/// <summary>The one rebate calculation: tiers reached at their threshold, whole-amount vs. progressive, the "how much more" figure.</summary>
public class RebateCalculatorTests
{
    // ≥500万 2%, ≥1000万 3%, ≥2000万 4%
    private static readonly RebateTier[] Tiers = [new(5_000_000m, 2m), new(10_000_000m, 3m), new(20_000_000m, 4m)];

    [Theory]
    [InlineData(0, 0, -1)]
    [InlineData(4_999_999.99, 0, -1)]
    [InlineData(5_000_000, 100_000, 0)]
    [InlineData(9_999_999.99, 199_999.9998, 0)]
    [InlineData(10_000_000, 300_000, 1)]
    [InlineData(20_000_000, 800_000, 2)]
    [InlineData(25_000_000, 1_000_000, 2)]
    public void Whole_amount_pays_the_reached_tiers_rate_on_everything_from_exactly_the_threshold(decimal amount, decimal exact, int tier)
    {
        var outcome = RebateCalculator.Calculate(Tiers, RebateMethod.WholeAmount, amount);
        Assert.Equal(decimal.Round(exact, 2, MidpointRounding.AwayFromZero), outcome.Rebate);
        Assert.Equal(tier, outcome.TierIndex);
        Assert.Equal(tier < 0 ? 0m : Tiers[tier].RatePercent, outcome.RatePercent);
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(4_999_999.99, 0)]
    [InlineData(5_000_000, 0)]
    [InlineData(5_000_000.01, 0)] // 0.01 × 2 % = 0.0002, rounds to 0.00
    [InlineData(7_500_000, 50_000)] // 250万 × 2 %
    [InlineData(10_000_000, 100_000)] // 500万 × 2 %
    [InlineData(15_000_000, 250_000)] // 100,000 + 500万 × 3 %
    [InlineData(20_000_000, 400_000)] // 100,000 + 1000万 × 3 %
    [InlineData(25_000_000, 600_000)] // 400,000 + 500万 × 4 %
    public void Progressive_pays_each_band_at_its_own_rate(decimal amount, decimal rebate)
    {
        Assert.Equal(rebate, RebateCalculator.Calculate(Tiers, RebateMethod.Progressive, amount).Rebate);
    }

    [Fact]
    public void Progressive_pays_less_than_whole_amount_above_the_second_tier_and_the_same_where_only_one_rate_applies()
    {
        Assert.True(RebateCalculator.Rebate(Tiers, RebateMethod.Progressive, 12_000_000m) < RebateCalculator.Rebate(Tiers, RebateMethod.WholeAmount, 12_000_000m));

        // A scale whose first tier starts at 0 pays the same both ways inside the first band.
        RebateTier[] fromZero = [new(0m, 1m), new(1_000_000m, 2m)];
        Assert.Equal(RebateCalculator.Rebate(fromZero, RebateMethod.WholeAmount, 999_999m), RebateCalculator.Rebate(fromZero, RebateMethod.Progressive, 999_999m));
        Assert.Equal(9_999.99m, RebateCalculator.Rebate(fromZero, RebateMethod.Progressive, 999_999m));
    }

    [Fact]
    public void How_much_more_names_the_missing_amount_and_the_extra_rebate_it_would_bring()
    {
        // Just below 1000万 under whole-amount: 0.01 missing brings the jump from 2 % to 3 % on everything.
        var below = RebateCalculator.Calculate(Tiers, RebateMethod.WholeAmount, 9_999_999.99m);
        Assert.Equal(10_000_000m, below.NextThreshold);
        Assert.Equal(3m, below.NextRatePercent);
        Assert.Equal(0.01m, below.MissingToNext);
        Assert.Equal(300_000m - 200_000m, below.ExtraAtNext);

        // Progressive: reaching the threshold only adds the band below it at the current rate.
        var progressive = RebateCalculator.Calculate(Tiers, RebateMethod.Progressive, 8_000_000m);
        Assert.Equal(2_000_000m, progressive.MissingToNext);
        Assert.Equal(40_000m, progressive.ExtraAtNext);

        // Exactly at a threshold, the next one is the goal.
        var at = RebateCalculator.Calculate(Tiers, RebateMethod.WholeAmount, 10_000_000m);
        Assert.Equal((20_000_000m, 10_000_000m, 500_000m), (at.NextThreshold!.Value, at.MissingToNext, at.ExtraAtNext));

        // Zero: the first tier is the goal.
        var zero = RebateCalculator.Calculate(Tiers, RebateMethod.WholeAmount, 0m);
        Assert.Equal((5_000_000m, 5_000_000m, 100_000m, 0m), (zero.NextThreshold!.Value, zero.MissingToNext, zero.ExtraAtNext, zero.Rebate));

        // At the top, there is nothing more to reach.
        var top = RebateCalculator.Calculate(Tiers, RebateMethod.Progressive, 30_000_000m);
        Assert.Null(top.NextThreshold);
        Assert.Equal((0m, 0m), (top.MissingToNext, top.ExtraAtNext));
    }

    [Fact]
    public void Several_product_lines_are_each_calculated_on_their_own_amount()
    {
        // A dealer buying 600万 of one line and 600万 of another reaches 2 % twice, never 3 % on 1200万.
        var perLine = RebateCalculator.Rebate(Tiers, RebateMethod.WholeAmount, 6_000_000m) * 2;
        Assert.Equal(240_000m, perLine);
        Assert.NotEqual(perLine, RebateCalculator.Rebate(Tiers, RebateMethod.WholeAmount, 12_000_000m));
    }

    [Fact]
    public void The_rebate_is_rounded_once_half_away_from_zero()
    {
        RebateTier[] odd = [new(0m, 1.5m)];
        Assert.Equal(0.02m, RebateCalculator.Rebate(odd, RebateMethod.WholeAmount, 1m)); // 0.015 → 0.02
        Assert.Equal(0.02m, RebateCalculator.Rebate(odd, RebateMethod.Progressive, 1m));
        Assert.Equal(0m, RebateCalculator.Rebate([], RebateMethod.WholeAmount, 1_000m));
        Assert.Equal(0m, RebateCalculator.Calculate(Tiers, RebateMethod.WholeAmount, -5m).Rebate);
    }

    [Fact]
    public void A_policy_validates_its_tiers_with_field_names()
    {
        RebatePolicyInput Input(RebateTierInput[] tiers, RebatePeriodKind kind = RebatePeriodKind.Annual, int? quarter = null) =>
            new("2026年度返利", kind, 2026, quarter, "建材散货", null, RebateMethod.WholeAmount, tiers);

        Assert.Null(RebatePolicyRules.Check(Input([new(5_000_000m, 2m), new(10_000_000m, 3m)])));

        var descending = RebatePolicyRules.Check(Input([new(10_000_000m, 3m), new(5_000_000m, 2m)]))!;
        Assert.Equal(("tiers[1].threshold", "ascending"), (descending.Fields![0].Field, descending.Fields[0].Rule));

        var same = RebatePolicyRules.Check(Input([new(5_000_000m, 2m), new(5_000_000m, 3m)]))!;
        Assert.Equal("tiers[1].threshold", same.Fields![0].Field);

        var rate = RebatePolicyRules.Check(Input([new(5_000_000m, 101m)]))!;
        Assert.Equal(("tiers[0].ratePercent", "range"), (rate.Fields![0].Field, rate.Fields[0].Rule));
        Assert.Equal("tiers[0].ratePercent", RebatePolicyRules.Check(Input([new(5_000_000m, -1m)]))!.Fields![0].Field);
        var precise = RebatePolicyRules.Check(Input([new(5_000_000m, 2.12345m)]))!.Fields![0];
        Assert.Equal(("tiers[0].ratePercent", "decimals", (object?)4), (precise.Field, precise.Rule, precise.Args!["max"]));
        var cents = RebatePolicyRules.Check(Input([new(5_000_000.001m, 2m)]))!.Fields![0];
        Assert.Equal(("tiers[0].threshold", "decimals", (object?)2), (cents.Field, cents.Rule, cents.Args!["max"]));
        Assert.Equal("tiers[0].threshold", RebatePolicyRules.Check(Input([new(null, 1m)]))!.Fields![0].Field);
        Assert.Equal("tiers", RebatePolicyRules.Check(Input([]))!.Fields![0].Field);
        Assert.Equal("quarter", RebatePolicyRules.Check(Input([new(1m, 1m)], RebatePeriodKind.Quarterly))!.Fields![0].Field);
        Assert.Null(RebatePolicyRules.Check(Input([new(0m, 0m), new(1m, 100m)], RebatePeriodKind.Quarterly, 4)));
    }

    [Fact]
    public void A_quarterly_policy_covers_its_three_months()
    {
        var policy = new RebatePolicy("Q4", RebatePeriodKind.Quarterly, 2026, 4, null, null, RebateMethod.WholeAmount, [new(1m, 1m)]);
        Assert.Equal((new DateOnly(2026, 10, 1), new DateOnly(2026, 12, 31)), (policy.PeriodStart, policy.PeriodEnd));
        var annual = new RebatePolicy("Y", RebatePeriodKind.Annual, 2026, 2, "  配件耗材 ", null, RebateMethod.Progressive, [new(2m, 2m), new(1m, 1m)]);
        Assert.Equal((new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), (int?)null, "配件耗材"), (annual.PeriodStart, annual.PeriodEnd, annual.Quarter, annual.ProductLine));
        Assert.Equal([1m, 2m], annual.Scale().Select(t => t.Threshold));
    }

    [Fact]
    public void A_credit_note_is_used_on_an_invoice_of_its_customer_only_and_never_beyond_itself()
    {
        var customer = Guid.NewGuid();
        var note = new CreditNote("CN-2026-000001", customer, Guid.NewGuid(), Guid.NewGuid(), 1_000m, new DateOnly(2026, 1, 15), "返利结算", "Rebate", null);
        var invoice = new Invoice("INV-2026-000001", customer, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "CNY", new DateOnly(2026, 2, 1), 30,
            [new InvoiceLine(1, Guid.NewGuid(), Guid.NewGuid(), "SKU", "水泥", 10m, "t", 100m, 0m, 0.13m)]);
        Assert.Equal(1_130m, invoice.Total);

        Assert.True(note.Allocate(invoice, 600m, new DateOnly(2026, 2, 2)).IsSuccess);
        Assert.Equal((530m, InvoiceStatus.PartiallyPaid, 400m), (invoice.Outstanding, invoice.Status, note.Unapplied));
        Assert.Equal("creditNote.exceedsCreditNote", note.Allocate(invoice, 400.01m, new DateOnly(2026, 2, 2)).Error!.Code);

        var other = new Invoice("INV-2026-000002", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "CNY", new DateOnly(2026, 2, 1), 30,
            [new InvoiceLine(1, Guid.NewGuid(), Guid.NewGuid(), "SKU", "水泥", 1m, "t", 100m, 0m, 0m)]);
        Assert.Equal("receipt.otherCustomer", note.Allocate(other, 1m, new DateOnly(2026, 2, 2)).Error!.Code);
        Assert.Single(note.Allocations);
    }
}
