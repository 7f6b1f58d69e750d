using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Deliveries;

internal sealed class DeliveryConfiguration : IEntityTypeConfiguration<Delivery>
{
    public void Configure(EntityTypeBuilder<Delivery> builder)
    {
        builder.Property(d => d.Number).HasMaxLength(20);
        builder.Property(d => d.OrderNumber).HasMaxLength(20);
        builder.Property(d => d.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(d => d.Carrier).HasMaxLength(Delivery.CarrierMaxLength);
        builder.Property(d => d.TrackingNumber).HasMaxLength(Delivery.TrackingMaxLength);
        builder.Property(d => d.Zone).HasMaxLength(10);
        builder.Property(d => d.ShipToProvince).HasMaxLength(10);
        builder.Property(d => d.ShipToAddress).HasMaxLength(Delivery.AddressMaxLength);
        builder.Property(d => d.CancelReason).HasMaxLength(Delivery.ReasonMaxLength);
        builder.Property(d => d.TotalWeightKg).IsQuantity();
        builder.Property(d => d.TotalVolumeM3).HasPrecision(18, 6);
        builder.Property(d => d.Freight).IsMoney();
        builder.HasOne<Order>().WithMany().HasForeignKey(d => d.OrderId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Customer>().WithMany().HasForeignKey(d => d.CustomerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(d => d.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<OrgUnit>().WithMany().HasForeignKey(d => d.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Lines).WithOne().HasForeignKey(l => l.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Lines).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasMany(d => d.Events).WithOne().HasForeignKey(e => e.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(d => d.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.HasIndex(d => d.Number).IsUnique();

        // Lists are scoped by unit or owner, filtered by order, customer, status and carrier, sorted by date.
        builder.HasIndex(d => new { d.OrderId, d.Status });
        builder.HasIndex(d => new { d.CustomerId, d.Status });
        builder.HasIndex(d => new { d.OrgUnitId, d.Status });
        builder.HasIndex(d => new { d.OwnerId, d.Status });
        builder.HasIndex(d => new { d.Status, d.PlannedShipDate });
        builder.HasIndex(d => new { d.CreatedAtUtc, d.Id });
        builder.HasIndex(d => new { d.PlannedShipDate, d.Id });
        builder.HasIndex(d => d.DealerId);
    }
}

internal sealed class DeliveryLineConfiguration : IEntityTypeConfiguration<DeliveryLine>
{
    public void Configure(EntityTypeBuilder<DeliveryLine> builder)
    {
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.Sku).HasMaxLength(Product.SkuMaxLength);
        builder.Property(l => l.ProductName).HasMaxLength(Product.NameMaxLength);
        builder.Property(l => l.Unit).HasMaxLength(Product.UnitMaxLength);
        builder.Property(l => l.Quantity).IsQuantity();
        builder.Property(l => l.InvoicedQuantity).IsQuantity();
        builder.Property(l => l.WeightKg).IsQuantity();
        builder.Property(l => l.VolumeM3).HasPrecision(18, 6);
        builder.HasOne<OrderLine>().WithMany().HasForeignKey(l => l.OrderLineId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.DeliveryId, l.Position });

        // The remaining-quantity rule sums the open deliveries' quantities per order line.
        builder.HasIndex(l => l.OrderLineId);
    }
}

internal sealed class DeliveryEventConfiguration : IEntityTypeConfiguration<DeliveryEvent>
{
    public void Configure(EntityTypeBuilder<DeliveryEvent> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.Location).HasMaxLength(DeliveryEvent.LocationMaxLength);
        builder.Property(e => e.Note).HasMaxLength(DeliveryEvent.NoteMaxLength);
        builder.Property(e => e.By).HasMaxLength(100);
        builder.HasIndex(e => new { e.DeliveryId, e.AtUtc });
    }
}

internal sealed class DeliveryInvoiceConfiguration : IEntityTypeConfiguration<DeliveryInvoice>
{
    public void Configure(EntityTypeBuilder<DeliveryInvoice> builder)
    {
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasOne<Delivery>().WithMany().HasForeignKey(e => e.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Invoice>().WithMany().HasForeignKey(e => e.InvoiceId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => e.DeliveryId);
        builder.HasIndex(e => e.InvoiceId);
    }
}

internal sealed class DeliveryExceptionConfiguration : IEntityTypeConfiguration<DeliveryException>
{
    public void Configure(EntityTypeBuilder<DeliveryException> builder)
    {
        builder.Property(e => e.DeliveryNumber).HasMaxLength(20);
        builder.Property(e => e.Type).HasConversion<string>().HasMaxLength(12);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(10);
        builder.Property(e => e.Description).HasMaxLength(DeliveryException.DescriptionMaxLength);
        builder.Property(e => e.Resolution).HasMaxLength(DeliveryException.ResolutionMaxLength);
        builder.Property(e => e.AffectedQuantity).HasPrecision(18, 3);
        builder.HasOne<Delivery>().WithMany().HasForeignKey(e => e.DeliveryId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Employee>().WithMany().HasForeignKey(e => e.OwnerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(e => new { e.DeliveryId, e.Status });
        builder.HasIndex(e => new { e.Status, e.OpenedOn, e.Id });
        builder.HasIndex(e => new { e.OwnerId, e.Status });
        builder.HasIndex(e => new { e.OrgUnitId, e.Status });
        builder.HasIndex(e => new { e.CreatedAtUtc, e.Id });
    }
}

internal sealed class FreightRateConfiguration : IEntityTypeConfiguration<FreightRate>
{
    public void Configure(EntityTypeBuilder<FreightRate> builder)
    {
        builder.Property(r => r.Zone).HasMaxLength(10);
        builder.Property(r => r.Method).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Basis).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.FirstUnitPrice).HasPrecision(18, 4);
        builder.Property(r => r.AdditionalUnitPrice).HasPrecision(18, 4);
        builder.Property(r => r.MinimumCharge).IsMoney();
        builder.HasIndex(r => new { r.Zone, r.Method, r.Basis, r.ValidFrom });
        builder.HasIndex(r => new { r.CreatedAtUtc, r.Id });
    }
}
