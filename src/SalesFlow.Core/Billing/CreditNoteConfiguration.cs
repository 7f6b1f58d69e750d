using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Billing;

internal sealed class CreditNoteConfiguration : IEntityTypeConfiguration<CreditNote>
{
    public void Configure(EntityTypeBuilder<CreditNote> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(20);
        builder.Property(c => c.Amount).IsMoney();
        builder.Property(c => c.AllocatedAmount).IsMoney();
        builder.Property(c => c.Reason).HasMaxLength(CreditNote.ReasonMaxLength);
        builder.Property(c => c.SourceKind).HasMaxLength(30);
        builder.Ignore(c => c.Unapplied);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Allocations).WithOne().HasForeignKey(a => a.CreditNoteId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Allocations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => c.Number).IsUnique();
        builder.HasIndex(c => new { c.CustomerId, c.IssueDate });
        builder.HasIndex(c => new { c.OrgUnitId, c.IssueDate });
        builder.HasIndex(c => new { c.IssueDate, c.Id });
    }
}

internal sealed class CreditNoteAllocationConfiguration : IEntityTypeConfiguration<CreditNoteAllocation>
{
    public void Configure(EntityTypeBuilder<CreditNoteAllocation> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Amount).IsMoney();
        builder.HasOne<Invoice>().WithMany().HasForeignKey(a => a.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.InvoiceId, a.AllocatedOn });
    }
}
