using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesFlow.Core.Catalog.Products;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Sku).HasMaxLength(Product.SkuMaxLength);
        builder.Property(p => p.NameZh).HasMaxLength(Product.NameMaxLength);
        builder.Property(p => p.NameEn).HasMaxLength(Product.NameMaxLength);
        builder.Property(p => p.ProductLine).HasMaxLength(Product.LineMaxLength);
        builder.Property(p => p.Category).HasMaxLength(Product.LineMaxLength);
        builder.Property(p => p.Unit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(p => p.TaxRate).HasPrecision(9, 6);
        builder.Property(p => p.CostPrice).HasPrecision(18, 2);
        builder.Property(p => p.WeightKg).HasPrecision(18, 3);
        builder.Property(p => p.VolumeM3).HasPrecision(18, 6);
        builder.HasMany(p => p.Conversions).WithOne().HasForeignKey(c => c.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Conversions).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.HasIndex(p => new { p.ProductLine, p.Category, p.Sku });
    }
}

internal sealed class ProductUnitConversionConfiguration : IEntityTypeConfiguration<ProductUnitConversion>
{
    public void Configure(EntityTypeBuilder<ProductUnitConversion> builder)
    {
        builder.Property(c => c.Id).ValueGeneratedNever(); // replaced conversions are new rows: inserted, not updated
        builder.Property(c => c.Unit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(c => c.FactorToBase).HasPrecision(18, 6);
        builder.HasIndex(c => new { c.ProductId, c.Unit }).IsUnique();
    }
}
