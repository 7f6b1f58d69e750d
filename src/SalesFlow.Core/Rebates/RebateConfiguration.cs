using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;

namespace SalesFlow.Core.Rebates;

internal sealed class RebatePolicyConfiguration : IEntityTypeConfiguration<RebatePolicy>
{
    public void Configure(EntityTypeBuilder<RebatePolicy> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(RebatePolicy.NameMaxLength);
        builder.Property(p => p.PeriodKind).HasConversion<string>().HasMaxLength(12);
        builder.Property(p => p.ProductLine).HasMaxLength(Product.LineMaxLength);
        builder.Property(p => p.DealerTier).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Method).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(p => p.Tiers).WithOne().HasForeignKey(t => t.PolicyId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Tiers).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(p => new { p.PeriodStart, p.PeriodEnd });
        builder.HasIndex(p => new { p.Year, p.Id });
        builder.HasIndex(p => new { p.Name, p.Id });
    }
}

internal sealed class RebatePolicyTierConfiguration : IEntityTypeConfiguration<RebatePolicyTier>
{
    public void Configure(EntityTypeBuilder<RebatePolicyTier> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.Threshold).IsMoney();
        builder.Property(t => t.RatePercent).HasPrecision(7, 4);
        builder.HasIndex(t => new { t.PolicyId, t.Position });
    }
}

internal sealed class RebateAccrualConfiguration : IEntityTypeConfiguration<RebateAccrual>
{
    public void Configure(EntityTypeBuilder<RebateAccrual> builder)
    {
        builder.Property(a => a.PurchaseToDate).IsMoney();
        builder.Property(a => a.EarnedToDate).IsMoney();
        builder.Property(a => a.Increment).IsMoney();
        builder.Property(a => a.RatePercent).HasPrecision(7, 4);
        builder.Property(a => a.NextThreshold).HasPrecision(18, 2);
        builder.Property(a => a.MissingToNext).IsMoney();
        builder.Property(a => a.ExtraAtNext).IsMoney();
        builder.HasOne<RebatePolicy>().WithMany().HasForeignKey(a => a.PolicyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(a => a.DealerId).OnDelete(DeleteBehavior.Restrict);

        // Re-accruing a month finds its row; a dealer's accruals are listed by month.
        builder.HasIndex(a => new { a.PolicyId, a.Month, a.DealerId }).IsUnique();
        builder.HasIndex(a => new { a.DealerId, a.Month });
        builder.HasIndex(a => new { a.Month, a.Id });
    }
}

internal sealed class RebateSettlementConfiguration : IEntityTypeConfiguration<RebateSettlement>
{
    public void Configure(EntityTypeBuilder<RebateSettlement> builder)
    {
        builder.Property(s => s.Purchase).IsMoney();
        builder.Property(s => s.Amount).IsMoney();
        builder.HasOne<RebatePolicy>().WithMany().HasForeignKey(s => s.PolicyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dealer>().WithMany().HasForeignKey(s => s.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CreditNote>().WithMany().HasForeignKey(s => s.CreditNoteId).OnDelete(DeleteBehavior.Restrict);

        // A policy period is settled once per dealer.
        builder.HasIndex(s => new { s.PolicyId, s.DealerId }).IsUnique();
        builder.HasIndex(s => new { s.DealerId, s.SettledOn });
        builder.HasIndex(s => new { s.SettledOn, s.Id });
    }
}
