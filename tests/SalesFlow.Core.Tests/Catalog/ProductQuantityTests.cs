using SalesFlow.Core.Catalog.Products;

namespace SalesFlow.Core.Tests.Catalog;

/// <summary>Quantities convert to the base unit through the product's conversions and round to its decimals.</summary>
public class ProductQuantityTests
{
    private static Product Cement()
    {
        var product = new Product("BM-CEM-P425", "水泥", "Cement", "建材散货", "水泥", "t", 3, 0.13m);
        product.SetConversions([("kg", 0.001m)]);
        return product;
    }

    private static Product Bearing()
    {
        var product = new Product("CS-BRG-6205", "轴承", "Bearing", "配件耗材", "轴承", "个", 0, 0.13m);
        product.SetConversions([("箱", 12m), ("托", 480m)]);
        return product;
    }

    [Fact]
    public void Base_unit_quantities_round_to_the_products_decimals_half_away_from_zero()
    {
        Assert.Equal(12.346m, Cement().ToBaseQuantity(12.3455m, "t"));
        Assert.Equal(3m, Bearing().ToBaseQuantity(2.5m, "个"));
    }

    [Fact]
    public void Other_units_multiply_by_their_factor_then_round()
    {
        Assert.Equal(24m, Bearing().ToBaseQuantity(2m, "箱"));
        Assert.Equal(966m, Bearing().ToBaseQuantity(2m, "托") + Bearing().ToBaseQuantity(0.5m, "箱"));
        Assert.Equal(1.235m, Cement().ToBaseQuantity(1234.5m, "kg"));
        Assert.Equal(0.001m, Cement().ToBaseQuantity(0.6m, "kg"));
    }

    [Fact]
    public void A_unit_the_product_is_not_sold_in_converts_to_nothing()
    {
        Assert.Null(Cement().ToBaseQuantity(1m, "m³"));
        Assert.Null(Bearing().ToBaseQuantity(1m, "箱 "));
    }

    [Theory]
    [InlineData(2, true)]
    [InlineData(1.5, false)]
    [InlineData(0, false)]
    [InlineData(-3, false)]
    public void Countable_goods_take_whole_positive_quantities(decimal quantity, bool valid) =>
        Assert.Equal(valid, Bearing().IsValidQuantity(quantity));

    [Theory]
    [InlineData(1.234, true)]
    [InlineData(0.001, true)]
    [InlineData(1.2345, false)]
    public void Bulk_goods_take_up_to_their_decimals(decimal quantity, bool valid) =>
        Assert.Equal(valid, Cement().IsValidQuantity(quantity));
}
