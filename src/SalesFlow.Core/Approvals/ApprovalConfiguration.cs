using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Approvals;

internal sealed class ApprovalRequestConfiguration : IEntityTypeConfiguration<ApprovalRequest>
{
    public void Configure(EntityTypeBuilder<ApprovalRequest> builder)
    {
        builder.Property(r => r.SubjectKind).HasMaxLength(ApprovalRequest.KindMaxLength);
        builder.Property(r => r.SubjectNumber).HasMaxLength(ApprovalRequest.NumberMaxLength);
        builder.Property(r => r.SubjectTitle).HasMaxLength(ApprovalRequest.TitleMaxLength);
        builder.Property(r => r.RequiredRole).HasMaxLength(30);
        builder.Property(r => r.CurrentApproverRole).HasMaxLength(30);
        builder.Property(r => r.Reason).HasMaxLength(ApprovalRequest.ReasonMaxLength);
        builder.Property(r => r.Amount).HasPrecision(18, 2);
        builder.Property(r => r.Percentage).HasPrecision(18, 2);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(10);
        builder.HasOne<Employee>().WithMany().HasForeignKey(r => r.RequestedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(r => r.RequestedByUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Steps).WithOne().HasForeignKey(s => s.RequestId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Steps).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(r => r.CurrentStep);

        // The inbox: pending by the deciding role, scoped by the requester's unit; the subject page: by subject.
        builder.HasIndex(r => new { r.Status, r.CurrentApproverRole, r.RequestedByUnitId });
        builder.HasIndex(r => new { r.SubjectKind, r.SubjectId });
        builder.HasIndex(r => new { r.RequestedById, r.Status });
        builder.HasIndex(r => new { r.CreatedAtUtc, r.Id });
        builder.HasIndex(r => new { r.UpdatedAtUtc, r.Id });
    }
}

internal sealed class ApprovalStepConfiguration : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ApproverRole).HasMaxLength(30);
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(s => s.Comment).HasMaxLength(ApprovalRequest.CommentMaxLength);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(s => s.ApproverUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(s => s.DecidedById).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.RequestId, s.Position }).IsUnique();
        builder.HasIndex(s => s.DecidedById);
    }
}
