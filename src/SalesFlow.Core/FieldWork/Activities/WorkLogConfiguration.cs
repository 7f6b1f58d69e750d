using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.FieldWork.Activities;

internal sealed class WorkLogConfiguration : IEntityTypeConfiguration<WorkLog>
{
    public void Configure(EntityTypeBuilder<WorkLog> builder)
    {
        builder.Property(w => w.Notes).HasMaxLength(WorkLog.TextMaxLength);
        builder.Property(w => w.PlanForTomorrow).HasMaxLength(WorkLog.TextMaxLength);
        builder.Property(w => w.ManagerComment).HasMaxLength(WorkLog.TextMaxLength);
        builder.Property(w => w.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Employee>().WithMany().HasForeignKey(w => w.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(w => w.CommentedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(w => w.OrgUnitId).OnDelete(DeleteBehavior.Restrict);

        // One log per rep per day.
        builder.HasIndex(w => new { w.OwnerId, w.Date }).IsUnique();
        builder.HasIndex(w => new { w.OrgUnitId, w.Date, w.Id });
        builder.HasIndex(w => new { w.Date, w.Id });
    }
}
