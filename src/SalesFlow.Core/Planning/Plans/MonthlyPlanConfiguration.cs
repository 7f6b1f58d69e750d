using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning.Plans;

internal sealed class MonthlyPlanConfiguration : IEntityTypeConfiguration<MonthlyPlan>
{
    public void Configure(EntityTypeBuilder<MonthlyPlan> builder)
    {
        builder.Property(p => p.Month).HasMaxLength(Target.PeriodMaxLength);
        builder.Property(p => p.OwnerType).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.Notes).HasMaxLength(MonthlyPlan.NotesMaxLength);
        builder.Property(p => p.ManagerComment).HasMaxLength(MonthlyPlan.CommentMaxLength);
        builder.Property(p => p.DecidedBy).HasMaxLength(100);
        builder.Property(p => p.TotalAmount).IsMoney();
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(p => p.Lines).WithOne().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);

        // One plan per owner and month.
        builder.HasIndex(p => new { p.OwnerType, p.OwnerId, p.MonthStart }).IsUnique();

        // Roll-ups and the manager's queue read by unit and month; reminders by month and status.
        builder.HasIndex(p => new { p.OrgUnitId, p.MonthStart, p.Status });
        builder.HasIndex(p => new { p.MonthStart, p.Status });
    }
}

internal sealed class MonthlyPlanLineConfiguration : IEntityTypeConfiguration<MonthlyPlanLine>
{
    public void Configure(EntityTypeBuilder<MonthlyPlanLine> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.ProductLine).HasMaxLength(Target.ProductLineMaxLength);
        builder.Property(l => l.Quantity).IsQuantity();
        builder.Property(l => l.Unit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(l => l.UnitPrice).IsMoney();
        builder.Property(l => l.Amount).IsMoney();
        builder.Property(l => l.Promotion).HasMaxLength(MonthlyPlanLine.PromotionMaxLength);
        builder.Property(l => l.Note).HasMaxLength(MonthlyPlanLine.NoteMaxLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.PlanId, l.Position });
    }
}
