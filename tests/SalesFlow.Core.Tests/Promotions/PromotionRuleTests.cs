using SalesFlow.Core.Common;
using SalesFlow.Core.Promotions;

namespace SalesFlow.Core.Tests.Promotions;

/// <summary>The campaign's pure rules: field checks, the status steps and the progress maths of its tracking.</summary>
public class PromotionRuleTests
{
    private static readonly DateOnly Start = new(2026, 11, 10);
    private static readonly DateOnly End = new(2026, 12, 20);

    private static PromotionInput Input(DateOnly start, DateOnly end, params PromotionProductInput[] products) =>
        new("双十一新品推广", PromotionKind.Launch, start, end, null, null, products);

    [Fact]
    public void End_before_start_is_a_rule_error_and_the_same_day_is_allowed()
    {
        Assert.Equal("promotion.endBeforeStart", PromotionRules.Check(Input(Start, Start.AddDays(-1)))?.Code);
        Assert.Null(PromotionRules.Check(Input(Start, Start)));
    }

    [Fact]
    public void Field_errors_name_the_product_row_and_the_rule()
    {
        var missing = PromotionRules.Check(Input(Start, End, new PromotionProductInput(Guid.NewGuid(), 5m, null), new PromotionProductInput(null, null, null)));
        Assert.Equal(ErrorKind.Validation, missing!.Kind);
        Assert.Equal(("products[1].productId", "required"), (missing.Fields![0].Field, missing.Fields[0].Rule));

        var tooMuch = PromotionRules.Check(Input(Start, End, new PromotionProductInput(Guid.NewGuid(), 120m, null)));
        Assert.Equal(("products[0].discountPercent", "range"), (tooMuch!.Fields![0].Field, tooMuch.Fields[0].Rule));

        var noName = PromotionRules.Check(new PromotionInput(" ", PromotionKind.Promotion, Start, End, null, null, null));
        Assert.Equal("name", noName!.Fields![0].Field);
    }

    [Fact]
    public void Allocation_rows_need_a_positive_quantity()
    {
        var zero = PromotionRules.Check([new PromotionAllocationInput(Guid.NewGuid(), Guid.NewGuid(), 0m)]);
        Assert.Equal(("allocations[0].quantity", "range"), (zero!.Fields![0].Field, zero.Fields[0].Rule));
        Assert.Null(PromotionRules.Check([new PromotionAllocationInput(Guid.NewGuid(), Guid.NewGuid(), 0.001m)]));
        Assert.Equal("allocations", PromotionRules.Check((IReadOnlyList<PromotionAllocationInput>?)null)!.Fields![0].Field);
    }

    [Fact]
    public void A_campaign_needs_a_product_to_start_and_walks_draft_active_closed_only_forwards()
    {
        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var promotion = new Promotion("PRM-2026-000001", "冬季促销", PromotionKind.Promotion, Start, End, null, null);
        Assert.Equal("promotion.noProducts", promotion.Activate(now).Error?.Code);

        promotion.SetProducts([(Guid.NewGuid(), 5m, "买十送一")], out _, out var added);
        Assert.Single(added);
        Assert.True(promotion.Activate(now).IsSuccess);
        Assert.Equal(PromotionStatus.Active, promotion.Status);
        Assert.Equal("promotion.wrongStatus", promotion.Edit("x", PromotionKind.Promotion, Start, End, null, null).Error?.Code);
        Assert.Equal("promotion.wrongStatus", promotion.SetProducts([], out _, out _).Error?.Code);
        Assert.Equal("promotion.wrongStatus", promotion.Activate(now).Error?.Code);

        Assert.True(promotion.Close(now).IsSuccess);
        Assert.Equal("promotion.wrongStatus", promotion.Cancel(now).Error?.Code);
        Assert.Equal("promotion.wrongStatus", promotion.ReplaceAllocations(new HashSet<Guid>(), [], now, out _, out _).Error?.Code);
    }

    [Fact]
    public void Replacing_allocations_touches_only_the_dealers_given_and_keeps_the_others()
    {
        var now = new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc);
        var (mine, other, product) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var promotion = new Promotion("PRM-2026-000002", "新品", PromotionKind.Launch, Start, End, null, null);
        promotion.SetProducts([(product, null, null)], out _, out _);
        promotion.ReplaceAllocations(new HashSet<Guid> { mine, other }, [(mine, product, 10m), (other, product, 20m)], now, out _, out _);

        var result = promotion.ReplaceAllocations(new HashSet<Guid> { mine }, [], now, out var removed, out var added);
        Assert.True(result.IsSuccess);
        Assert.Equal(mine, Assert.Single(removed).DealerId);
        Assert.Empty(added);
        Assert.Equal((other, 20m), (Assert.Single(promotion.Allocations).DealerId, promotion.Allocations[0].Quantity));
        Assert.Equal(now, promotion.AllocationsChangedAtUtc);
    }

    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(50, 100, 50)]
    [InlineData(1, 3, 33.3)]
    [InlineData(2, 3, 66.7)]
    [InlineData(1, 8, 12.5)]
    [InlineData(150, 100, 150)]
    public void Progress_is_a_percentage_with_one_decimal_rounded_half_away_from_zero(decimal part, decimal whole, decimal expected) =>
        Assert.Equal(expected, PromotionProgress.Percent(part, whole));

    [Fact]
    public void Progress_against_nothing_is_unknown_and_reached_means_at_least_the_allocation()
    {
        Assert.Null(PromotionProgress.SellThrough(5m, 0m));
        Assert.Null(PromotionProgress.SellIn(5m, 0m));
        Assert.False(PromotionProgress.Reached(99.999m, 100m));
        Assert.True(PromotionProgress.Reached(100m, 100m));
        Assert.False(PromotionProgress.Reached(0m, 0m));
    }

    [Fact]
    public void Sell_through_counts_the_whole_months_the_period_touches()
    {
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 1)), PromotionTracking.SellThroughMonths(Start, End));
        var report = PromotionTracking.Summarize(Guid.NewGuid(), Start, End, []);
        Assert.Equal((new DateOnly(2026, 11, 1), new DateOnly(2026, 12, 31)), (report.SellThroughFrom, report.SellThroughTo));
    }

    [Fact]
    public void Product_and_dealer_totals_add_the_lines_and_progress_is_taken_on_the_sums()
    {
        var (a, b, p, q) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        PromotionTrackingLine Line(Guid dealer, string code, Guid product, string sku, decimal allocated, decimal sellIn, decimal amount, decimal through) =>
            new(dealer, code, code, product, sku, sku, sku, "箱", allocated, sellIn, amount, through,
                PromotionProgress.SellIn(sellIn, allocated), PromotionProgress.SellThrough(through, sellIn), PromotionProgress.Reached(sellIn, allocated));
        var report = PromotionTracking.Summarize(Guid.NewGuid(), Start, End,
        [
            Line(a, "DLR-1", p, "P1", 100m, 120m, 12_000m, 60m),
            Line(b, "DLR-2", p, "P1", 100m, 30m, 3_000m, 30m),
            Line(a, "DLR-1", q, "Q1", 10m, 0m, 0m, 0m),
        ]);

        var p1 = report.Products.Single(x => x.Sku == "P1");
        Assert.Equal((200m, 150m, 15_000m, 90m, 2, 1), (p1.Allocated, p1.SellInQuantity, p1.SellInAmount, p1.SellThrough, p1.Dealers, p1.Reached));
        Assert.Equal((75m, 60m), (p1.SellInPercent, p1.SellThroughPercent));
        Assert.Null(report.Products.Single(x => x.Sku == "Q1").SellThroughPercent);
        var dealerA = report.Dealers.Single(d => d.DealerId == a);
        Assert.Equal((2, 1, 12_000m), (dealerA.Lines, dealerA.Reached, dealerA.SellInAmount));
        Assert.Equal((2, 3, 1, 15_000m), (report.Totals.Dealers, report.Totals.Lines, report.Totals.Reached, report.Totals.SellInAmount));
    }
}
