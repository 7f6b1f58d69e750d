using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning.Reviews;

internal sealed class MonthlyReviewConfiguration : IEntityTypeConfiguration<MonthlyReview>
{
    public void Configure(EntityTypeBuilder<MonthlyReview> builder)
    {
        builder.Property(r => r.Month).HasMaxLength(Target.PeriodMaxLength);
        builder.Property(r => r.OwnerType).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.PlannedAmount).IsMoney();
        builder.Property(r => r.ActualAmount).IsMoney();
        builder.Property(r => r.VarianceReasons).HasMaxLength(MonthlyReview.TextMaxLength);
        builder.Property(r => r.CompetitorMoves).HasMaxLength(MonthlyReview.TextMaxLength);
        builder.Property(r => r.NextSteps).HasMaxLength(MonthlyReview.TextMaxLength);
        builder.Property(r => r.ManagerComment).HasMaxLength(MonthlyReview.CommentMaxLength);
        builder.Property(r => r.DecidedBy).HasMaxLength(100);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<MonthlyPlan>().WithMany().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Lines).WithOne().HasForeignKey(l => l.ReviewId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => new { r.OwnerType, r.OwnerId, r.MonthStart }).IsUnique();
        builder.HasIndex(r => new { r.OrgUnitId, r.MonthStart, r.Status });
        builder.HasIndex(r => new { r.MonthStart, r.Status });
    }
}

internal sealed class MonthlyReviewLineConfiguration : IEntityTypeConfiguration<MonthlyReviewLine>
{
    public void Configure(EntityTypeBuilder<MonthlyReviewLine> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.PlannedQuantity).IsQuantity();
        builder.Property(l => l.PlannedAmount).IsMoney();
        builder.Property(l => l.ActualQuantity).IsQuantity();
        builder.Property(l => l.ActualAmount).IsMoney();
        builder.Property(l => l.Comment).HasMaxLength(MonthlyReviewLine.CommentMaxLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => l.ReviewId);
    }
}
