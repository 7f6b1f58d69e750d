using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Catalog.Products;

/// <summary>
/// Something the company sells. Quantities are in <see cref="Unit"/> (the base unit) with up to
/// <see cref="QuantityDecimals"/> decimals: 0 for pieces, up to 3 for bulk goods sold by t, m³ or L.
/// Other units it is sold in convert to the base unit through <see cref="Conversions"/>.
/// <see cref="CostPrice"/> is confidential: only finance and directors read it (see <c>CatalogPermissions.ViewCost</c>).
/// </summary>
public sealed class Product : IHasId, IAudited, IVersioned
{
    public const int SkuMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int LineMaxLength = 100;
    public const int UnitMaxLength = 10;
    public const int MaxQuantityDecimals = 3;

    private readonly List<ProductUnitConversion> _conversions = [];

    private Product()
    {
    }

    public Product(string sku, string nameZh, string nameEn, string productLine, string category, string unit, int quantityDecimals, decimal taxRate)
    {
        Id = Guid.CreateVersion7();
        Sku = sku;
        NameZh = nameZh;
        NameEn = nameEn;
        ProductLine = productLine;
        Category = category;
        Unit = unit;
        QuantityDecimals = quantityDecimals;
        TaxRate = taxRate;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Sku { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    /// <summary>产品线, e.g. 工业设备 / 成品油 / 建材散货.</summary>
    public string ProductLine { get; private set; } = "";

    public string Category { get; private set; } = "";

    /// <summary>The base unit every quantity, price and stock figure of this product is in (台, 箱, t, m³, L ...).</summary>
    public string Unit { get; private set; } = "";

    /// <summary>0 for countable goods; 1–3 for bulk goods sold by weight or volume.</summary>
    public int QuantityDecimals { get; private set; }

    /// <summary>VAT rate as a fraction (0.13 = 13 %).</summary>
    public decimal TaxRate { get; private set; }

    /// <summary>Standard cost per base unit, CNY. Confidential.</summary>
    public decimal? CostPrice { get; private set; }

    /// <summary>kg per base unit, for freight by weight; null when unknown.</summary>
    public decimal? WeightKg { get; private set; }

    /// <summary>m³ per base unit, for freight by volume; null when unknown.</summary>
    public decimal? VolumeM3 { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<ProductUnitConversion> Conversions => _conversions;

    /// <summary>A new SKU (unique; the use case checks).</summary>
    public void Rename(string sku) => Sku = sku;

    public void Describe(string nameZh, string nameEn, string productLine, string category)
    {
        NameZh = nameZh;
        NameEn = nameEn;
        ProductLine = productLine;
        Category = category;
    }

    public void SetUnit(string unit, int quantityDecimals)
    {
        Unit = unit;
        QuantityDecimals = quantityDecimals;
    }

    public void SetTaxRate(decimal taxRate) => TaxRate = taxRate;

    public void SetCost(decimal? costPrice) =>
        CostPrice = costPrice is { } cost ? decimal.Round(cost, 2, MidpointRounding.AwayFromZero) : null;

    public void SetShipping(decimal? weightKg, decimal? volumeM3)
    {
        WeightKg = weightKg;
        VolumeM3 = volumeM3;
    }

    public void Activate() => IsActive = true;

    public void Deactivate() => IsActive = false;

    /// <summary>Replaces the other units this product is sold in.</summary>
    public void SetConversions(IEnumerable<(string Unit, decimal FactorToBase)> conversions)
    {
        _conversions.Clear();
        _conversions.AddRange(conversions.Select(c => new ProductUnitConversion(Id, c.Unit, c.FactorToBase)));
    }

    /// <summary>
    /// A quantity in <paramref name="unit"/> expressed in the base unit, rounded to the product's decimals; null when
    /// the product is not sold in that unit. The one place quantities convert.
    /// </summary>
    public decimal? ToBaseQuantity(decimal quantity, string unit)
    {
        if (string.Equals(unit, Unit, StringComparison.Ordinal))
        {
            return decimal.Round(quantity, QuantityDecimals, MidpointRounding.AwayFromZero);
        }

        var conversion = _conversions.FirstOrDefault(c => string.Equals(c.Unit, unit, StringComparison.Ordinal));
        return conversion is null
            ? null
            : decimal.Round(quantity * conversion.FactorToBase, QuantityDecimals, MidpointRounding.AwayFromZero);
    }

    /// <summary>Whether a base-unit quantity has no more decimals than the product allows (1.5 台 is not a quantity).</summary>
    public bool IsValidQuantity(decimal baseQuantity) =>
        baseQuantity > 0 && decimal.Round(baseQuantity, QuantityDecimals) == baseQuantity;
}

/// <summary>1 <see cref="Unit"/> = <see cref="FactorToBase"/> base units (1 箱 = 12 瓶; 1 t = 1000 kg when the base is kg).</summary>
public sealed class ProductUnitConversion
{
    private ProductUnitConversion()
    {
    }

    internal ProductUnitConversion(Guid productId, string unit, decimal factorToBase)
    {
        Id = Guid.CreateVersion7();
        ProductId = productId;
        Unit = unit;
        FactorToBase = factorToBase;
    }

    public Guid Id { get; private set; }

    public Guid ProductId { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal FactorToBase { get; private set; }
}
