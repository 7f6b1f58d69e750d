using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Deliveries;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Portal;

// Dealer-facing shapes: what a dealer may see of its own records and nothing else (no cost or floor prices, no margins,
// no internal notes or reasons, no owner/unit ids, no other customers). Never reuse the internal records here.

/// <summary>The area manager who looks after the dealer: name and mobile only.</summary>
public sealed record PortalContact(string Name, string? Mobile);

public sealed record PortalCredit(decimal Limit, decimal Used, decimal Available, decimal Overdue);

public sealed record PortalDealer(string Code, string Name, DealerTier Tier, DealerStatus Status, string Province, string City, PortalContact? AreaManager);

public sealed record PortalHome(
    PortalDealer Dealer, PortalCredit Credit, int OpenOrderCount, decimal OpenOrderAmount,
    IReadOnlyList<PortalDeliveryRow> LatestDeliveries, IReadOnlyList<PortalInvoiceRow> OverdueInvoices, string Currency);

/// <summary>A product on the dealer's own price list: the price per base unit and the units it may be ordered in.</summary>
public sealed record PortalProduct(
    Guid Id, string Sku, string Name, string ProductLine, string Unit, int QuantityDecimals, IReadOnlyList<PortalUnit> Units, decimal UnitPrice, decimal TaxRate, string Currency);

/// <summary>A unit the product is sold in and how many base units one of it is.</summary>
public sealed record PortalUnit(string Unit, decimal FactorToBase);

public sealed record PortalOrderRow(
    Guid Id, string Number, DateOnly OrderDate, OrderStatus Status, OrderChannel Channel, decimal NetAmount, decimal Total, string Currency, DateOnly? RequestedDeliveryDate);

public sealed record PortalOrderLine(
    int Position, Guid ProductId, string Sku, string ProductName, decimal Quantity, string Unit, decimal UnitPrice, decimal DiscountPercent,
    decimal NetUnitPrice, decimal NetAmount, decimal TaxRate, decimal TaxAmount, decimal GrossAmount, decimal DeliveredQuantity, string BaseUnit);

public sealed record PortalOrder(
    Guid Id, string Number, DateOnly OrderDate, OrderStatus Status, OrderChannel Channel, DateOnly? RequestedDeliveryDate, int PaymentTermsDays,
    decimal NetAmount, decimal TaxAmount, decimal Total, decimal InvoicedAmount, string Currency, int Version, IReadOnlyList<PortalOrderLine> Lines);

public sealed record PortalDeliveryRow(
    Guid Id, string Number, Guid OrderId, string OrderNumber, DeliveryStatus Status, DateOnly PlannedShipDate, DateOnly PlannedDeliveryDate,
    DateOnly? ActualShipDate, DateOnly? ActualDeliveryDate, string? Carrier, string? TrackingNumber);

public sealed record PortalDeliveryLine(int Position, string Sku, string ProductName, decimal Quantity, string Unit);

public sealed record PortalDeliveryEvent(DeliveryStatus Status, DateTime AtUtc, string? Location);

public sealed record PortalDelivery(PortalDeliveryRow Delivery, string? ShipToAddress, IReadOnlyList<PortalDeliveryLine> Lines, IReadOnlyList<PortalDeliveryEvent> Events);

public sealed record PortalInvoiceRow(
    Guid Id, string Number, string OrderNumber, DateOnly IssueDate, DateOnly DueDate, InvoiceStatus Status, decimal Total, decimal PaidAmount, decimal Open, int DaysOverdue);

public sealed record PortalInvoiceLine(string Sku, string ProductName, decimal Quantity, string Unit, decimal NetAmount, decimal TaxAmount, decimal GrossAmount);

public sealed record PortalInvoice(PortalInvoiceRow Invoice, IReadOnlyList<PortalInvoiceLine> Lines);

public sealed record PortalReceiptRow(Guid Id, string Number, DateOnly ReceivedOn, ReceiptMethod Method, decimal Amount);

/// <summary>Open balance by how far past due: not due, 1–30, 31–60, 61–90, over 90 days.</summary>
public sealed record PortalAging(decimal NotDue, decimal Days0To30, decimal Days31To60, decimal Days61To90, decimal Over90, decimal Total);

public sealed record PortalStatement(
    decimal OpenBalance, PortalAging Aging, PortalCredit Credit, IReadOnlyList<PortalInvoiceRow> OpenInvoices, IReadOnlyList<PortalReceiptRow> LatestReceipts, string Currency);

/// <summary>An order line as a dealer asks for it: product, quantity and unit (the product's base unit when left out). No discount: the tier price list decides.</summary>
public sealed record PortalOrderLineInput(
    [property: System.ComponentModel.DataAnnotations.Required] Guid? ProductId,
    [property: System.ComponentModel.DataAnnotations.Required, System.ComponentModel.DataAnnotations.Range(typeof(decimal), "0.001", "1000000000")] decimal? Quantity,
    [property: System.ComponentModel.DataAnnotations.StringLength(10)] string? Unit = null);

/// <summary>A portal order: the customer is the dealer's own account (from the signed-in user, never from the body).</summary>
public sealed record PlacePortalOrder(
    [property: System.ComponentModel.DataAnnotations.Required] IReadOnlyList<PortalOrderLineInput>? Lines,
    DateOnly? RequestedDeliveryDate = null);
