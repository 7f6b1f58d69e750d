using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesFlow.Core.Organization;

internal sealed class OrgUnitConfiguration : IEntityTypeConfiguration<OrgUnit>
{
    public void Configure(EntityTypeBuilder<OrgUnit> builder)
    {
        builder.Property(u => u.Code).HasMaxLength(OrgUnit.CodeMaxLength);
        builder.Property(u => u.Name).HasMaxLength(OrgUnit.NameMaxLength);
        builder.Property(u => u.NameEn).HasMaxLength(OrgUnit.NameMaxLength);
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Path).HasMaxLength(800);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(u => u.Code).IsUnique();
        builder.HasIndex(u => u.Path);
        builder.HasIndex(u => u.ParentId);
    }
}

internal sealed class OrgUnitMoveConfiguration : IEntityTypeConfiguration<OrgUnitMove>
{
    public void Configure(EntityTypeBuilder<OrgUnitMove> builder)
    {
        builder.Property(m => m.MovedBy).HasMaxLength(100);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(m => m.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.OrgUnitId, m.MovedAtUtc });
    }
}

internal sealed class EmployeeConfiguration : IEntityTypeConfiguration<Employee>
{
    public void Configure(EntityTypeBuilder<Employee> builder)
    {
        builder.Property(e => e.EmployeeNo).HasMaxLength(20);
        builder.Property(e => e.Name).HasMaxLength(Employee.NameMaxLength);
        builder.Property(e => e.NameEn).HasMaxLength(Employee.NameMaxLength);
        builder.Property(e => e.Position).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Mobile).HasMaxLength(30);
        builder.Property(e => e.Email).HasMaxLength(200);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(e => e.SecondaryOrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(e => e.ManagerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Dealers.Dealer>().WithMany().HasForeignKey(e => e.DealerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.DealerId, e.Name });
        builder.HasIndex(e => e.EmployeeNo).IsUnique();
        builder.HasIndex(e => new { e.OrgUnitId, e.Name });
        builder.HasIndex(e => e.ManagerId);
        builder.HasIndex(e => e.Name);
    }
}

internal sealed class EmployeeAssignmentConfiguration : IEntityTypeConfiguration<EmployeeAssignment>
{
    public void Configure(EntityTypeBuilder<EmployeeAssignment> builder)
    {
        builder.Property(a => a.Position).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<Employee>().WithMany().HasForeignKey(a => a.EmployeeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.EmployeeId, a.From });
    }
}
