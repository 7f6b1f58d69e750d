using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.FieldWork.Visits;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> builder)
    {
        builder.Property(v => v.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Purpose).HasMaxLength(500);
        builder.Property(v => v.Outcome).HasMaxLength(Visit.TextMaxLength);
        builder.Property(v => v.ChecklistNotes).HasMaxLength(Visit.TextMaxLength);
        builder.Ignore(v => v.WasPlanned);
        builder.HasOne<Customer>().WithMany().HasForeignKey(v => v.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(v => v.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(v => v.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Stores.Store>().WithMany().HasForeignKey(v => v.StoreId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RoutePlan>().WithMany().HasForeignKey(v => v.RoutePlanId).OnDelete(DeleteBehavior.Restrict);

        builder.HasIndex(v => new { v.Date, v.Id });
        builder.HasIndex(v => new { v.OwnerId, v.Date, v.Id });
        builder.HasIndex(v => new { v.OrgUnitId, v.Date, v.Id });

        // Last done visit per customer (cadence) and the travel rule's count both read by customer.
        builder.HasIndex(v => new { v.CustomerId, v.Status, v.Date });

        // A store's visits this month (visit compliance per store).
        builder.HasIndex(v => new { v.StoreId, v.Status, v.Date });
    }
}
