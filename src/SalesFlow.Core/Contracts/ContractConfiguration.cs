using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Contracts;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> builder)
    {
        builder.Property(c => c.Number).HasMaxLength(20);
        builder.Property(c => c.Title).HasMaxLength(Contract.TitleMaxLength);
        builder.Property(c => c.OurEntity).HasMaxLength(Contract.PartyMaxLength);
        builder.Property(c => c.CustomerSignatory).HasMaxLength(Contract.PartyMaxLength);
        builder.Property(c => c.PaymentTerms).HasMaxLength(Contract.TermsMaxLength);
        builder.Property(c => c.TerminationReason).HasMaxLength(Contract.ReasonMaxLength);
        builder.Property(c => c.Amount).IsMoney();
        builder.Property(c => c.Currency).HasMaxLength(3);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(12);
        builder.HasOne<Customer>().WithMany().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(c => c.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(c => c.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contract>().WithMany().HasForeignKey(c => c.RenewedFromId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Installments).WithOne().HasForeignKey(i => i.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Installments).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(c => c.Number).IsUnique();

        // A contract is renewed at most once: the renewal points back, one per predecessor.
        builder.HasIndex(c => c.RenewedFromId).IsUnique();

        // Lists are scoped by unit or owner and sorted; the renewal reminder reads active contracts by end date.
        builder.HasIndex(c => new { c.CustomerId, c.Status });
        builder.HasIndex(c => new { c.OrgUnitId, c.Status });
        builder.HasIndex(c => new { c.OwnerId, c.Status });
        builder.HasIndex(c => new { c.Status, c.EndDate });
        builder.HasIndex(c => new { c.EndDate, c.Id });
        builder.HasIndex(c => new { c.CreatedAtUtc, c.Id });
        builder.HasIndex(c => new { c.Amount, c.Id });
    }
}

internal sealed class ContractInstallmentConfiguration : IEntityTypeConfiguration<ContractInstallment>
{
    public void Configure(EntityTypeBuilder<ContractInstallment> builder)
    {
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.Amount).IsMoney();
        builder.Property(i => i.Milestone).HasMaxLength(ContractInstallment.MilestoneMaxLength);
        builder.HasIndex(i => new { i.ContractId, i.Sequence });
    }
}

internal sealed class ContractOrderConfiguration : IEntityTypeConfiguration<ContractOrder>
{
    public void Configure(EntityTypeBuilder<ContractOrder> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasOne<Contract>().WithMany().HasForeignKey(l => l.ContractId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Order>().WithMany().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Restrict);

        // An order belongs to at most one contract.
        builder.HasIndex(l => l.OrderId).IsUnique();
        builder.HasIndex(l => l.ContractId);
    }
}
