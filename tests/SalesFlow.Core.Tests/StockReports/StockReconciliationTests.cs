using SalesFlow.Core.StockReports;

namespace SalesFlow.Core.Tests.StockReports;

/// <summary>The reconciliation of one stock report line, against the default settings (gap 0, sell-in 5 %, 60 days, ratio 1.5 over 3 months).</summary>
public class StockReconciliationTests
{
    private static readonly StockReportOptions Options = new();

    private static StockCheck Check(decimal opening, decimal purchases, decimal sales, decimal closing, decimal sellIn, decimal earlierPurchases = 0, decimal earlierSales = 0, int days = 30) =>
        StockReconciliation.Check(new StockFigures(opening, purchases, sales, closing), new StockContext(sellIn, days, earlierPurchases, earlierSales), Options);

    [Fact]
    public void A_line_that_adds_up_and_matches_the_sell_in_has_no_flag()
    {
        var check = Check(opening: 50, purchases: 100, sales: 100, closing: 50, sellIn: 100, earlierPurchases: 200, earlierSales: 200);

        Assert.Equal(StockFlags.None, check.Flags);
        Assert.Equal(0m, check.Gap);
        Assert.Equal(15m, check.DaysOfInventory);
        Assert.Equal(1m, check.SellInRatio);
    }

    [Theory]
    [InlineData(45, -5)]
    [InlineData(52, 2)]
    public void A_closing_that_does_not_add_up_is_a_gap_with_its_difference(decimal closing, decimal gap)
    {
        var check = Check(opening: 50, purchases: 100, sales: 100, closing: closing, sellIn: 100, earlierPurchases: 200, earlierSales: 200);

        Assert.Equal(StockFlags.Gap, check.Flags);
        Assert.Equal(gap, check.Gap);
    }

    [Fact]
    public void A_gap_within_the_tolerance_is_not_flagged()
    {
        var options = new StockReportOptions { GapTolerance = 1m };
        var check = StockReconciliation.Check(new StockFigures(50, 100, 100, 51), new StockContext(100, 30, 200, 200), options);

        Assert.Equal(StockFlags.None, check.Flags);
        Assert.Equal(1m, check.Gap);
    }

    [Theory]
    [InlineData(105, false)] // exactly 5 % more than the sell-in
    [InlineData(106, true)]
    [InlineData(94, true)]
    public void Purchases_are_compared_with_our_recorded_sell_in_within_the_tolerance(decimal purchases, bool flagged)
    {
        var check = Check(opening: 0, purchases: purchases, sales: purchases / 2, closing: purchases / 2, sellIn: 100, earlierPurchases: 100, earlierSales: 200);

        Assert.Equal(flagged, check.Flags.HasFlag(StockFlags.SellInMismatch));
        Assert.Equal(purchases - 100, check.SellInDifference);
    }

    [Fact]
    public void Purchases_without_any_recorded_sell_in_are_flagged_and_none_with_none_are_not()
    {
        Assert.True(Check(10, 20, 25, 5, sellIn: 0, earlierSales: 100).Flags.HasFlag(StockFlags.SellInMismatch));
        Assert.False(Check(30, 0, 25, 5, sellIn: 0, earlierPurchases: 50, earlierSales: 100).Flags.HasFlag(StockFlags.SellInMismatch));
    }

    [Theory]
    [InlineData(40, 0, 40, 0, true)] // sold out
    [InlineData(0, 0, 0, 0, false)] // nothing moved: not carried
    [InlineData(10, 0, 0, 0, true)] // had stock, now none (and a gap)
    public void Nothing_left_while_the_product_moved_is_a_stock_out(decimal opening, decimal purchases, decimal sales, decimal closing, bool stockOut)
    {
        Assert.Equal(stockOut, Check(opening, purchases, sales, closing, sellIn: purchases).Flags.HasFlag(StockFlags.StockOut));
    }

    [Theory]
    [InlineData(200, 100, 60, false)] // 60 days exactly is not above the setting
    [InlineData(201, 100, 60.3, true)]
    public void Days_of_inventory_above_the_setting_is_over_stock(decimal closing, decimal sales, decimal days, bool overStock)
    {
        var check = Check(opening: closing + sales, purchases: 0, sales: sales, closing: closing, sellIn: 0, earlierPurchases: 300, earlierSales: 300);

        Assert.Equal(days, check.DaysOfInventory);
        Assert.Equal(overStock, check.Flags.HasFlag(StockFlags.OverStock));
    }

    [Fact]
    public void Days_of_inventory_follow_the_days_of_the_month_and_stock_without_sales_is_over_stock()
    {
        Assert.Equal(56m, Check(60, 120, 60, 120, sellIn: 120, days: 28, earlierSales: 100, earlierPurchases: 40).DaysOfInventory);
        var idle = Check(opening: 30, purchases: 0, sales: 0, closing: 30, sellIn: 0, earlierPurchases: 10, earlierSales: 20);
        Assert.Null(idle.DaysOfInventory);
        Assert.True(idle.Flags.HasFlag(StockFlags.OverStock));
    }

    [Theory]
    [InlineData(50, 1.5, false)] // (100 + 50) ÷ 100 is the setting itself
    [InlineData(60, 1.6, true)]
    public void Sell_in_far_above_sell_through_over_the_window_is_flagged(decimal purchases, decimal ratio, bool flagged)
    {
        // The months before in the window: 100 bought, 100 sold; this month only buying.
        var check = Check(opening: 10, purchases: purchases, sales: 0, closing: 10 + purchases, sellIn: purchases, earlierPurchases: 100, earlierSales: 100);

        Assert.Equal(flagged, check.Flags.HasFlag(StockFlags.SellInAboveSellThrough));
        Assert.Equal(ratio, check.SellInRatio);
    }

    [Fact]
    public void Purchases_with_no_sales_in_the_whole_window_are_far_above_sell_through()
    {
        var check = Check(opening: 0, purchases: 50, sales: 0, closing: 50, sellIn: 50);

        Assert.True(check.Flags.HasFlag(StockFlags.SellInAboveSellThrough));
        Assert.Null(check.SellInRatio);
    }

    [Fact]
    public void Several_flags_are_kept_together_and_named_for_the_api()
    {
        var check = Check(opening: 0, purchases: 300, sales: 10, closing: 250, sellIn: 100);

        Assert.Equal(StockFlags.Gap | StockFlags.SellInMismatch | StockFlags.OverStock | StockFlags.SellInAboveSellThrough, check.Flags);
        Assert.Equal(["gap", "sellInMismatch", "overStock", "sellInAboveSellThrough"], StockFlagNames.Of(check.Flags));
        Assert.Equal(StockFlags.OverStock, StockFlagNames.Parse("overstock"));
    }

    [Theory]
    [InlineData("2026-07", 2026, 7)]
    [InlineData("2026-7", 2026, 7)]
    [InlineData("2026/11", 2026, 11)]
    [InlineData("2026-11-15", 2026, 11)]
    public void Months_are_read_as_their_first_day(string text, int year, int month) =>
        Assert.Equal(new DateOnly(year, month, 1), StockMonth.Parse(text));

    [Theory]
    [InlineData("11/2026")]
    [InlineData("2026-13")]
    [InlineData("十一月")]
    public void Other_month_spellings_are_refused(string text) => Assert.Null(StockMonth.Parse(text));

    [Fact]
    public void The_opening_defaults_to_last_months_closing_or_nothing()
    {
        Assert.Equal(42m, StockReconciliation.DefaultOpening(42m));
        Assert.Equal(0m, StockReconciliation.DefaultOpening(null));
    }
}
