using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.FieldWork.Activities;

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> builder)
    {
        builder.Property(a => a.Type).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Subject).HasMaxLength(Activity.SubjectMaxLength);
        builder.Property(a => a.Outcome).HasMaxLength(Activity.TextMaxLength);
        builder.Property(a => a.NextStep).HasMaxLength(Activity.TextMaxLength);
        builder.HasOne<Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Lead>().WithMany().HasForeignKey(a => a.LeadId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(a => a.OpportunityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);

        // The list sorts by time; each filter leads an index so a scoped, filtered page is a range scan.
        builder.HasIndex(a => new { a.OccurredAtUtc, a.Id });
        builder.HasIndex(a => new { a.OrgUnitId, a.OccurredAtUtc, a.Id });
        builder.HasIndex(a => new { a.OwnerId, a.OccurredAtUtc, a.Id });
        builder.HasIndex(a => new { a.CustomerId, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.LeadId, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.OpportunityId, a.OccurredAtUtc });
        builder.HasIndex(a => new { a.Type, a.OccurredAtUtc });
    }
}
