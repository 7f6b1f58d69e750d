using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Promotions;

internal sealed class PromotionConfiguration : IEntityTypeConfiguration<Promotion>
{
    public void Configure(EntityTypeBuilder<Promotion> builder)
    {
        builder.Property(p => p.Number).HasMaxLength(20);
        builder.Property(p => p.Name).HasMaxLength(Promotion.NameMaxLength);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.Terms).HasMaxLength(Promotion.TermsMaxLength);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Products).WithOne().HasForeignKey(x => x.PromotionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Products).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(p => p.Allocations).WithOne().HasForeignKey(x => x.PromotionId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Allocations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => p.Number).IsUnique();

        // The list's sorts (keyset: key + id) and the period filter.
        builder.HasIndex(p => new { p.StartDate, p.Id });
        builder.HasIndex(p => new { p.Status, p.StartDate });
        builder.HasIndex(p => new { p.Number, p.Id });
    }
}

internal sealed class PromotionProductConfiguration : IEntityTypeConfiguration<PromotionProduct>
{
    public void Configure(EntityTypeBuilder<PromotionProduct> builder)
    {
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.DiscountPercent).HasPrecision(7, 4);
        builder.Property(p => p.Note).HasMaxLength(PromotionProduct.NoteMaxLength);
        builder.HasOne<Product>().WithMany().HasForeignKey(p => p.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.PromotionId, p.ProductId }).IsUnique();
    }
}

internal sealed class PromotionAllocationConfiguration : IEntityTypeConfiguration<PromotionAllocation>
{
    public void Configure(EntityTypeBuilder<PromotionAllocation> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Quantity).IsQuantity();
        builder.HasOne<Dealer>().WithMany().HasForeignKey(a => a.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Restrict);

        // One allocation per dealer and product of a campaign; the portal finds a dealer's campaigns by dealer.
        builder.HasIndex(a => new { a.PromotionId, a.DealerId, a.ProductId }).IsUnique();
        builder.HasIndex(a => new { a.DealerId, a.PromotionId });
    }
}
