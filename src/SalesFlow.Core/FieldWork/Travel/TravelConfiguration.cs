using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.FieldWork.Travel;

internal sealed class TravelRequestConfiguration : IEntityTypeConfiguration<TravelRequest>
{
    public void Configure(EntityTypeBuilder<TravelRequest> builder)
    {
        builder.Property(t => t.Destination).HasMaxLength(200);
        builder.Property(t => t.Purpose).HasMaxLength(TravelRequest.TextMaxLength);
        builder.Property(t => t.DecisionReason).HasMaxLength(TravelRequest.TextMaxLength);
        builder.Property(t => t.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.EstimatedCost).IsMoney();
        builder.HasMany(t => t.Customers).WithOne().HasForeignKey(c => c.TravelRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Customers).HasField("_customers");
        builder.HasOne<Employee>().WithMany().HasForeignKey(t => t.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(t => t.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(t => t.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(t => t.RefusedForCustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(t => new { t.CreatedAtUtc, t.Id });
        builder.HasIndex(t => new { t.OwnerId, t.CreatedAtUtc, t.Id });
        builder.HasIndex(t => new { t.OrgUnitId, t.Status, t.CreatedAtUtc });
        builder.HasIndex(t => new { t.Status, t.CreatedAtUtc });
    }
}

internal sealed class TravelRequestCustomerConfiguration : IEntityTypeConfiguration<TravelRequestCustomer>
{
    public void Configure(EntityTypeBuilder<TravelRequestCustomer> builder)
    {
        builder.HasKey(c => new { c.TravelRequestId, c.CustomerId });
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => c.CustomerId);
    }
}
