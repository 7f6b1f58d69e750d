using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Deliveries;

/// <summary>How the goods travel (PRODUCT.md §6).</summary>
public enum DeliveryMethod
{
    /// <summary>快递.</summary>
    Express,

    /// <summary>物流/零担.</summary>
    FreightCarrier,

    /// <summary>自有车辆.</summary>
    OwnTruck,

    /// <summary>客户自提: no freight is charged.</summary>
    CustomerPickup,
}

public enum DeliveryStatus
{
    Planned,
    Shipped,
    Delivered,
    Cancelled,
}

/// <summary>
/// One shipment of an order's goods. Planned (edited freely, quantities never above what the order still has open),
/// then Shipped — which reports the quantities to the order through <c>Order.Fulfil</c> in the same transaction — then
/// Delivered; or Cancelled while still planned. Every status change (and every tracking note) is a <see cref="DeliveryEvent"/>.
/// Customer, owner, unit and dealer are the order's, copied so the orders' scope rules apply without a join.
/// Freight is computed by <see cref="FreightCalculator"/> when planned or edited and stored.
/// </summary>
public sealed class Delivery : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "DL";
    public const int CarrierMaxLength = 50;
    public const int TrackingMaxLength = 60;
    public const int AddressMaxLength = 300;
    public const int ReasonMaxLength = 500;
    public const int MaxLines = 500;

    private readonly List<DeliveryLine> _lines = [];
    private readonly List<DeliveryEvent> _events = [];

    private Delivery()
    {
    }

    public Delivery(string number, Guid orderId, string orderNumber, Guid customerId, Guid ownerId, Guid orgUnitId, Guid? dealerId)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        OrderId = orderId;
        OrderNumber = orderNumber;
        CustomerId = customerId;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        DealerId = dealerId;
        Status = DeliveryStatus.Planned;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public Guid OrderId { get; private set; }

    public string OrderNumber { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid? DealerId { get; private set; }

    public DeliveryMethod Method { get; private set; }

    public string? Carrier { get; private set; }

    public string? TrackingNumber { get; private set; }

    /// <summary>The freight zone (华东, 华南 ...), see <see cref="ShippingZones"/>.</summary>
    public string Zone { get; private set; } = "";

    public string? ShipToProvince { get; private set; }

    public string? ShipToAddress { get; private set; }

    public DateOnly PlannedShipDate { get; private set; }

    public DateOnly PlannedDeliveryDate { get; private set; }

    public DateOnly? ActualShipDate { get; private set; }

    public DateOnly? ActualDeliveryDate { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public string? CancelReason { get; private set; }

    public decimal TotalWeightKg { get; private set; }

    public decimal TotalVolumeM3 { get; private set; }

    /// <summary>Freight in CNY, computed when planned or edited and kept.</summary>
    public decimal Freight { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<DeliveryLine> Lines => _lines;

    public IReadOnlyList<DeliveryEvent> Events => _events;

    /// <summary>Sets what is shipped how and where; only while planned. The first call (a new delivery) records the Planned event.</summary>
    public Result Plan(
        DeliveryMethod method, string? carrier, string? trackingNumber, string zone, string? province, string? address, DateOnly plannedShipDate,
        DateOnly plannedDeliveryDate, IEnumerable<DeliveryLine> lines, FreightQuote freight)
    {
        if (Status != DeliveryStatus.Planned)
        {
            return DeliveryErrors.NotPlanned(Status);
        }

        if (plannedDeliveryDate < plannedShipDate)
        {
            return DeliveryErrors.DeliveryBeforeShip;
        }

        Method = method;
        Carrier = carrier;
        TrackingNumber = trackingNumber;
        Zone = zone;
        ShipToProvince = province;
        ShipToAddress = address;
        PlannedShipDate = plannedShipDate;
        PlannedDeliveryDate = plannedDeliveryDate;
        _lines.Clear();
        _lines.AddRange(lines);
        (TotalWeightKg, TotalVolumeM3, Freight) = (freight.WeightKg, freight.VolumeM3, freight.Amount);
        return Result.Ok();
    }

    /// <summary>On its way: the actual ship date, and the tracking number when it is known only now.</summary>
    public Result Ship(DateOnly shippedOn, string? trackingNumber, DateTime atUtc, string? location, string? note, string by)
    {
        if (Status != DeliveryStatus.Planned)
        {
            return DeliveryErrors.NotPlanned(Status);
        }

        Status = DeliveryStatus.Shipped;
        ActualShipDate = shippedOn;
        TrackingNumber = trackingNumber ?? TrackingNumber;
        Record(atUtc, location, note, by);
        return Result.Ok();
    }

    public Result Deliver(DateOnly deliveredOn, DateTime atUtc, string? location, string? note, string by)
    {
        if (Status != DeliveryStatus.Shipped)
        {
            return DeliveryErrors.NotShipped(Status);
        }

        if (deliveredOn < ActualShipDate)
        {
            return DeliveryErrors.DeliveredBeforeShipped;
        }

        Status = DeliveryStatus.Delivered;
        ActualDeliveryDate = deliveredOn;
        Record(atUtc, location, note, by);
        return Result.Ok();
    }

    public Result Cancel(string reason, DateTime atUtc, string by)
    {
        if (Status != DeliveryStatus.Planned)
        {
            return DeliveryErrors.CannotCancel(Status);
        }

        Status = DeliveryStatus.Cancelled;
        CancelReason = reason;
        Record(atUtc, null, reason, by);
        return Result.Ok();
    }

    /// <summary>A tracking note (arrived at a hub, out for delivery ...) at the current status; not on a cancelled delivery.</summary>
    public Result Track(DateTime atUtc, string? location, string? note, string by)
    {
        if (Status == DeliveryStatus.Cancelled)
        {
            return DeliveryErrors.Cancelled;
        }

        Record(atUtc, location, note, by);
        return Result.Ok();
    }

    /// <summary>The Planned event of a new delivery.</summary>
    public void Planned(DateTime atUtc, string? note, string by) => Record(atUtc, null, note, by);

    /// <summary>Demo history: a delivery already shipped (and delivered) in the past, with its events.</summary>
    internal void SetHistory(DeliveryStatus status, DateOnly? shippedOn, DateOnly? deliveredOn)
    {
        Status = status;
        ActualShipDate = shippedOn;
        ActualDeliveryDate = deliveredOn;
    }

    internal void AddEvent(DeliveryEvent e) => _events.Add(e);

    private void Record(DateTime atUtc, string? location, string? note, string by) =>
        _events.Add(new DeliveryEvent(Id, Status, atUtc, location, note, by));
}

/// <summary>A quantity (in the product's base unit) of one order line on a delivery, with its weight and volume.</summary>
public sealed class DeliveryLine
{
    private DeliveryLine()
    {
    }

    public DeliveryLine(int position, Guid orderLineId, Guid productId, string sku, string productName, decimal quantity, string unit, decimal weightKg, decimal volumeM3)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        OrderLineId = orderLineId;
        ProductId = productId;
        Sku = sku;
        ProductName = productName;
        Quantity = quantity;
        Unit = unit;
        WeightKg = weightKg;
        VolumeM3 = volumeM3;
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public int Position { get; private set; }

    public Guid OrderLineId { get; private set; }

    public Guid ProductId { get; private set; }

    public string Sku { get; private set; } = "";

    public string ProductName { get; private set; } = "";

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    /// <summary>Total kg of the line (quantity × the product's kg per unit).</summary>
    public decimal WeightKg { get; private set; }

    /// <summary>Total m³ of the line.</summary>
    public decimal VolumeM3 { get; private set; }

    /// <summary>How much of this line finance has invoiced from the delivery.</summary>
    public decimal InvoicedQuantity { get; private set; }

    internal void Invoice(decimal quantity) => InvoicedQuantity += quantity;
}

/// <summary>One step of a delivery's timeline: a status change or a tracking note, when (UTC), where and by whom.</summary>
public sealed class DeliveryEvent
{
    public const int LocationMaxLength = 100;
    public const int NoteMaxLength = 500;

    private DeliveryEvent()
    {
    }

    public DeliveryEvent(Guid deliveryId, DeliveryStatus status, DateTime atUtc, string? location, string? note, string by)
    {
        Id = Guid.CreateVersion7();
        DeliveryId = deliveryId;
        Status = status;
        AtUtc = atUtc;
        Location = location;
        Note = note;
        By = by;
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public DeliveryStatus Status { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string? Location { get; private set; }

    public string? Note { get; private set; }

    /// <summary>The user name of whoever recorded it.</summary>
    public string By { get; private set; } = "";
}

/// <summary>An invoice raised from a delivery (POST /deliveries/{id}/invoice).</summary>
public sealed class DeliveryInvoice
{
    private DeliveryInvoice()
    {
    }

    public DeliveryInvoice(Guid deliveryId, Guid invoiceId)
    {
        Id = Guid.CreateVersion7();
        DeliveryId = deliveryId;
        InvoiceId = invoiceId;
    }

    public Guid Id { get; private set; }

    public Guid DeliveryId { get; private set; }

    public Guid InvoiceId { get; private set; }
}
