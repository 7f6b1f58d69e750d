using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Catalog.Prices;

internal sealed class PriceListConfiguration : IEntityTypeConfiguration<PriceList>
{
    public void Configure(EntityTypeBuilder<PriceList> builder)
    {
        builder.Property(p => p.Code).HasMaxLength(PriceList.CodeMaxLength);
        builder.Property(p => p.Name).HasMaxLength(PriceList.NameMaxLength);
        builder.Property(p => p.Currency).HasMaxLength(3);
        builder.Property(p => p.Channel).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.CustomerGroup).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.DealerTier).HasConversion<string>().HasMaxLength(8);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.RejectionReason).HasMaxLength(PriceList.RejectionReasonMaxLength);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Items).WithOne().HasForeignKey(i => i.PriceListId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Items).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.Code).IsUnique();
        builder.HasIndex(p => new { p.Status, p.ValidFrom });
    }
}

internal sealed class PriceListItemConfiguration : IEntityTypeConfiguration<PriceListItem>
{
    public void Configure(EntityTypeBuilder<PriceListItem> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever(); // prices added to a loaded list are new rows: inserted, not updated
        builder.Property(i => i.MinQuantity).IsQuantity();
        builder.Property(i => i.UnitPrice).IsMoney();
        builder.Property(i => i.FloorPrice).HasPrecision(18, 2);
        builder.HasOne<Product>().WithMany().HasForeignKey(i => i.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.PriceListId, i.ProductId, i.MinQuantity }).IsUnique();

        // The resolver asks "which lists price this product": by product first.
        builder.HasIndex(i => new { i.ProductId, i.PriceListId });
    }
}
