using SalesFlow.Core.Common;
using SalesFlow.Core.Stores;

namespace SalesFlow.Core.Tests.Stores;

/// <summary>The one rule of a store check (<see cref="StoreCheck.Record"/>) and the 店员主推率.</summary>
public class StoreCheckRuleTests
{
    private static readonly string[] Standard = ["配件耗材", "成品油"];

    private static Store NewStore() => new("ST-000001", "徐汇店", Guid.NewGuid(), StoreClass.B, Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "上海", "上海");

    private static Result<StoreCheck> Record(StoreCheckInput input, Store? store = null) =>
        StoreCheck.Record(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), new DateOnly(2026, 11, 3), store ?? NewStore(), Standard, input);

    [Fact]
    public void A_missing_line_of_the_standard_makes_the_stock_not_ok_whatever_the_visitor_ticked()
    {
        var check = Record(new StoreCheckInput(true, true, true, 5, 2, ["成品油", " 成品油 ", ""], "  ")).Value!;
        Assert.False(check.StockOk);
        Assert.Equal(["成品油"], check.MissingLines);
        Assert.Null(check.Notes);
        Assert.Equal((5, 2), (check.StaffAsked, check.StaffRecommending));

        Assert.True(Record(new StoreCheckInput(true, null, true, null, null, null, null)).Value!.StockOk);
        Assert.False(Record(new StoreCheckInput(true, false, true, null, null, null, null)).Value!.StockOk);
    }

    [Fact]
    public void Lines_outside_the_class_standard_and_more_recommending_than_asked_are_refused()
    {
        Assert.Equal("storeCheck.lineNotInStandard", Record(new StoreCheckInput(true, true, true, 1, 1, ["工业设备"], null)).Error!.Code);
        Assert.Equal("storeCheck.recommendingAboveAsked", Record(new StoreCheckInput(true, true, true, 2, 3, null, null)).Error!.Code);
        Assert.Equal("storeCheck.recommendingAboveAsked", Record(new StoreCheckInput(true, true, true, null, 1, null, null)).Error!.Code);
        Assert.True(Record(new StoreCheckInput(true, true, true, 3, 3, null, null)).IsSuccess);
    }

    [Fact]
    public void Shelf_and_price_must_be_answered_and_a_closed_store_is_not_checked()
    {
        var noShelf = Record(new StoreCheckInput(null, true, true, 0, 0, null, null)).Error!;
        Assert.Equal((ErrorKind.Validation, "shelfDisplayOk"), (noShelf.Kind, noShelf.Fields!.Single().Field));
        Assert.Equal("priceOk", Record(new StoreCheckInput(true, true, null, 0, 0, null, null)).Error!.Fields!.Single().Field);
        Assert.Equal("staffAsked", Record(new StoreCheckInput(true, true, true, -1, 0, null, null)).Error!.Fields!.Single().Field);
        var store = NewStore();
        store.Close();
        Assert.Equal("store.closed", Record(new StoreCheckInput(true, true, true, 0, 0, null, null), store).Error!.Code);
    }

    [Theory]
    [InlineData(0, 0, null)]
    [InlineData(3, 2, "0.6667")]
    [InlineData(8, 8, "1")]
    [InlineData(7, 0, "0")]
    public void The_recommend_rate_is_recommending_over_asked_to_four_places(int asked, int recommending, string? expected)
    {
        Assert.Equal(expected is null ? null : decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), StoreCheck.RecommendRate(asked, recommending));
    }
}
