using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Leads;

internal sealed class LeadConfiguration : IEntityTypeConfiguration<Lead>
{
    public void Configure(EntityTypeBuilder<Lead> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(Lead.NameMaxLength);
        builder.Property(l => l.Company).HasMaxLength(Lead.CompanyMaxLength);
        builder.Property(l => l.Mobile).HasMaxLength(30);
        builder.Property(l => l.Email).HasMaxLength(200);
        builder.Property(l => l.Source).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Needs).HasMaxLength(2000);
        builder.Property(l => l.DisqualifyReason).HasMaxLength(500);
        builder.Ignore(l => l.IsOpen);
        builder.HasOne<Employee>().WithMany().HasForeignKey(l => l.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(l => l.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(l => l.RegionId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(l => l.ConvertedCustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(l => l.ConvertedContactId).OnDelete(DeleteBehavior.Restrict);

        // No foreign key to the opportunity: the opportunity already points back at its lead (SourceLeadId).
        builder.HasIndex(l => l.ConvertedOpportunityId);

        // Duplicate checks look up these three at every capture and import row.
        builder.HasIndex(l => l.Mobile);
        builder.HasIndex(l => l.Email);
        builder.HasIndex(l => l.Company);
        builder.HasIndex(l => new { l.OrgUnitId, l.CreatedAtUtc, l.Id });
        builder.HasIndex(l => new { l.OwnerId, l.Status });
        builder.HasIndex(l => new { l.CreatedAtUtc, l.Id });

        // The list's status and source filters, paged newest first and counted from the index (the deleted flag last,
        // as in CustomerConfiguration, so the order is not cut off on SQLite).
        builder.HasIndex(l => new { l.Status, l.CreatedAtUtc, l.Id, l.IsDeleted });
        builder.HasIndex(l => new { l.Source, l.CreatedAtUtc, l.Id, l.IsDeleted });
    }
}
