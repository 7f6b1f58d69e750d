using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;

namespace SalesFlow.Core.StockReports;

internal sealed class StockReportConfiguration : IEntityTypeConfiguration<StockReport>
{
    public void Configure(EntityTypeBuilder<StockReport> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(r => r.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.StockReportId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.DealerId, r.Month }).IsUnique();
        builder.HasIndex(r => new { r.Month, r.Status });
    }
}

internal sealed class StockReportLineConfiguration : IEntityTypeConfiguration<StockReportLine>
{
    public void Configure(EntityTypeBuilder<StockReportLine> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Opening).IsQuantity();
        builder.Property(l => l.Purchases).IsQuantity();
        builder.Property(l => l.Sales).IsQuantity();
        builder.Property(l => l.Closing).IsQuantity();
        builder.Property(l => l.Gap).IsQuantity();
        builder.Property(l => l.SellIn).IsQuantity();
        builder.Property(l => l.DaysOfInventory).HasPrecision(18, 3);
        builder.Property(l => l.SellInRatio).HasPrecision(18, 3);
        builder.Ignore(l => l.Figures);
        builder.HasIndex(l => l.Flags);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.StockReportId, l.ProductId }).IsUnique();
        builder.HasIndex(l => l.ProductId);
    }
}
