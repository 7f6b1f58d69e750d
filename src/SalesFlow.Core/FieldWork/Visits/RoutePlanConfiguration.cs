using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.FieldWork.Visits;

internal sealed class RoutePlanConfiguration : IEntityTypeConfiguration<RoutePlan>
{
    public void Configure(EntityTypeBuilder<RoutePlan> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(RoutePlan.NameMaxLength);
        builder.HasMany(p => p.Stops).WithOne().HasForeignKey(s => s.RoutePlanId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(p => p.Stops).HasField("_stops");
        builder.HasOne<Employee>().WithMany().HasForeignKey(p => p.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(p => p.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.OwnerId, p.Name, p.Id });
        builder.HasIndex(p => new { p.OrgUnitId, p.Name, p.Id });
        builder.HasIndex(p => new { p.Name, p.Id });
    }
}

internal sealed class RoutePlanStopConfiguration : IEntityTypeConfiguration<RoutePlanStop>
{
    public void Configure(EntityTypeBuilder<RoutePlanStop> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever(); // replaced stops are new rows: inserted, not updated
        builder.Property(s => s.Day).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Customer>().WithMany().HasForeignKey(s => s.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RoutePlanId, s.Week, s.Day });
        builder.HasIndex(s => s.CustomerId);
    }
}
