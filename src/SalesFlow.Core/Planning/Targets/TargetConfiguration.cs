using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Planning.Targets;

internal sealed class TargetConfiguration : IEntityTypeConfiguration<Target>
{
    public void Configure(EntityTypeBuilder<Target> builder)
    {
        builder.Ignore(t => t.PeriodValue);
        builder.Property(t => t.Period).HasMaxLength(Target.PeriodMaxLength);
        builder.Property(t => t.PeriodKind).HasConversion<string>().HasMaxLength(8);
        builder.Property(t => t.Measure).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.ProductLine).HasMaxLength(Target.ProductLineMaxLength);
        builder.Property(t => t.OwnerType).HasConversion<string>().HasMaxLength(10);
        builder.Property(t => t.Origin).HasConversion<string>().HasMaxLength(8);
        builder.Property(t => t.SplitMethod).HasConversion<string>().HasMaxLength(16);
        builder.Property(t => t.PhasingMethod).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Amount).IsQuantity();
        builder.Property(t => t.ChangeReason).HasMaxLength(Target.ReasonMaxLength);
        builder.HasOne<Target>().WithMany().HasForeignKey(t => t.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(t => t.ProductId).OnDelete(DeleteBehavior.Restrict);

        // One target per owner, period, measure and product scope (a null product is checked by the use case too).
        builder.HasIndex(t => new { t.OwnerType, t.OwnerId, t.Period, t.Measure, t.ProductLine, t.ProductId }).IsUnique();

        // Children of a node; the scoped list by unit and period.
        builder.HasIndex(t => new { t.ParentId, t.Origin });
        builder.HasIndex(t => new { t.OrgUnitId, t.PeriodStart });
        builder.HasIndex(t => new { t.PeriodStart, t.Id });
    }
}
