using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Billing;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> builder)
    {
        builder.Property(i => i.Number).HasMaxLength(20);
        builder.Property(i => i.Currency).HasMaxLength(3);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.NetAmount).IsMoney();
        builder.Property(i => i.TaxAmount).IsMoney();
        builder.Property(i => i.Total).IsMoney();
        builder.Property(i => i.PaidAmount).IsMoney();
        builder.Property(i => i.CancelReason).HasMaxLength(Invoice.CancelReasonMaxLength);
        builder.Ignore(i => i.Outstanding);
        builder.HasOne<Customer>().WithMany().HasForeignKey(i => i.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Order>().WithMany().HasForeignKey(i => i.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(i => i.Lines).WithOne().HasForeignKey(l => l.InvoiceId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(i => i.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(i => i.Number).IsUnique();

        // Credit check and aging read a customer's unpaid invoices by due date; lists are scoped and sorted.
        builder.HasIndex(i => new { i.CustomerId, i.Status, i.DueDate });
        builder.HasIndex(i => new { i.Status, i.DueDate });
        builder.HasIndex(i => new { i.OrgUnitId, i.Status });
        builder.HasIndex(i => new { i.OwnerId, i.Status });
        builder.HasIndex(i => i.OrderId);
        builder.HasIndex(i => new { i.IssueDate, i.Id });
        builder.HasIndex(i => new { i.DueDate, i.Id });
        builder.HasIndex(i => new { i.CreatedAtUtc, i.Id });
    }
}

internal sealed class InvoiceLineConfiguration : IEntityTypeConfiguration<InvoiceLine>
{
    public void Configure(EntityTypeBuilder<InvoiceLine> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Sku).HasMaxLength(Product.SkuMaxLength);
        builder.Property(l => l.ProductName).HasMaxLength(Product.NameMaxLength);
        builder.Property(l => l.Unit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(l => l.Quantity).IsQuantity();
        builder.Property(l => l.ListUnitPrice).IsMoney();
        builder.Property(l => l.DiscountPercent).HasPrecision(5, 2);
        builder.Property(l => l.TaxRate).HasPrecision(9, 6);
        builder.Property(l => l.NetUnitPrice).HasPrecision(18, 4);
        builder.Property(l => l.NetAmount).IsMoney();
        builder.Property(l => l.TaxAmount).IsMoney();
        builder.Property(l => l.GrossAmount).IsMoney();
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.InvoiceId, l.Position });
        builder.HasIndex(l => l.OrderLineId);
    }
}

internal sealed class ReceiptConfiguration : IEntityTypeConfiguration<Receipt>
{
    public void Configure(EntityTypeBuilder<Receipt> builder)
    {
        builder.Property(r => r.Number).HasMaxLength(20);
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Reference).HasMaxLength(Receipt.ReferenceMaxLength);
        builder.Property(r => r.Amount).IsMoney();
        builder.Property(r => r.AllocatedAmount).IsMoney();
        builder.Ignore(r => r.Unapplied);
        builder.HasOne<Customer>().WithMany().HasForeignKey(r => r.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Allocations).WithOne().HasForeignKey(a => a.ReceiptId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(r => r.Allocations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(r => r.Number).IsUnique();
        builder.HasIndex(r => new { r.CustomerId, r.ReceivedOn });
        builder.HasIndex(r => new { r.OrgUnitId, r.ReceivedOn });
        builder.HasIndex(r => new { r.OwnerId, r.ReceivedOn });
        builder.HasIndex(r => new { r.ReceivedOn, r.Id });
        builder.HasIndex(r => new { r.CreatedAtUtc, r.Id });
    }
}

internal sealed class ReceiptAllocationConfiguration : IEntityTypeConfiguration<ReceiptAllocation>
{
    public void Configure(EntityTypeBuilder<ReceiptAllocation> builder)
    {
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Amount).IsMoney();
        builder.HasOne<Invoice>().WithMany().HasForeignKey(a => a.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.InvoiceId, a.AllocatedOn });
    }
}
