using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Orders;

public enum OrderStatus
{
    Draft,
    PendingApproval,
    OnCreditHold,
    Confirmed,
    PartiallyFulfilled,
    Fulfilled,
    Cancelled,
}

/// <summary>How the order reached the company (PRODUCT.md §6).</summary>
public enum OrderChannel
{
    Rep,
    Phone,
    Email,
    Portal,
    ECommerce,
}

/// <summary>
/// A sales order. Owner and unit come from the customer when it is taken (scoped like customers). Only a draft is
/// edited; <see cref="Submit"/> records the review's outcome (confirmed, held for credit, or waiting for a discount
/// approval), a credit hold leaves only through <see cref="ReleaseHold"/>, and deliveries move it through
/// <see cref="Fulfil"/>. Totals are always the sums of the lines' rounded amounts (<see cref="DocumentTotals"/>).
/// </summary>
public sealed class Order : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "SO";

    /// <summary>The subject kind of an order's discount approval in the approvals engine.</summary>
    public const string ApprovalKind = "Order";
    public const int ReasonMaxLength = 500;
    public const int MaxLines = 500;

    /// <summary>Statuses whose not-yet-invoiced value counts towards the customer's credit exposure.</summary>
    public static readonly OrderStatus[] ExposureStatuses =
        [OrderStatus.PendingApproval, OrderStatus.OnCreditHold, OrderStatus.Confirmed, OrderStatus.PartiallyFulfilled, OrderStatus.Fulfilled];

    private readonly List<OrderLine> _lines = [];

    private Order()
    {
    }

    public Order(string number, Guid customerId, Guid? dealerId, OrderChannel channel, Guid ownerId, Guid orgUnitId, string currency, DateOnly orderDate, int paymentTermsDays)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        CustomerId = customerId;
        DealerId = dealerId;
        Channel = channel;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Currency = currency;
        OrderDate = orderDate;
        PaymentTermsDays = paymentTermsDays;
        Status = OrderStatus.Draft;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    /// <summary>The buying dealer for sell-in (its customer account is <see cref="CustomerId"/>), null for direct sales.</summary>
    public Guid? DealerId { get; private set; }

    public OrderChannel Channel { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public string Currency { get; private set; } = "CNY";

    public DateOnly OrderDate { get; private set; }

    public DateOnly? RequestedDeliveryDate { get; private set; }

    public int PaymentTermsDays { get; private set; }

    /// <summary>The accepted quote this order was made from; its approved discounts are honoured at review (<see cref="OrderReview"/>).</summary>
    public Guid? SourceQuoteId { get; private set; }

    public OrderStatus Status { get; private set; }

    public decimal NetAmount { get; private set; }

    public decimal TaxAmount { get; private set; }

    /// <summary>Gross total (net + tax): what the customer owes once everything is invoiced.</summary>
    public decimal Total { get; private set; }

    /// <summary>Gross amount of the invoices raised against this order (not cancelled).</summary>
    public decimal InvoicedAmount { get; private set; }

    /// <summary><c>credit.limitExceeded</c> or <c>credit.overdueInvoices</c> while (or after) the order was held.</summary>
    public string? HoldReason { get; private set; }

    public string? ReleaseReason { get; private set; }

    public string? CancelReason { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<OrderLine> Lines => _lines;

    public bool IsOpen => Status is not (OrderStatus.Draft or OrderStatus.Cancelled);

    public Result Edit(DateOnly? requestedDeliveryDate, IEnumerable<OrderLine> lines)
    {
        if (Status != OrderStatus.Draft)
        {
            return OrderErrors.NotDraft(Status);
        }

        RequestedDeliveryDate = requestedDeliveryDate;
        _lines.Clear();
        _lines.AddRange(lines);
        var totals = DocumentTotals.Of(_lines.Select(l => l.Amounts));
        (NetAmount, TaxAmount, Total) = (totals.NetAmount, totals.TaxAmount, totals.GrossAmount);
        return Result.Ok();
    }

    /// <summary>Set once, by quote acceptance, in the transaction that creates the order.</summary>
    public void MadeFromQuote(Guid quoteId) => SourceQuoteId ??= quoteId;

    /// <summary>The outcome of the review at submit (the review itself is <see cref="OrderReview"/>).</summary>
    public Result Submit(OrderStatus outcome, string? holdReason, DateTime atUtc)
    {
        if (Status != OrderStatus.Draft)
        {
            return OrderErrors.NotDraft(Status);
        }

        if (_lines.Count == 0)
        {
            return OrderErrors.NoLines;
        }

        if (outcome is not (OrderStatus.Confirmed or OrderStatus.OnCreditHold or OrderStatus.PendingApproval))
        {
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "A submitted order is confirmed, held or pending approval.");
        }

        SubmittedAtUtc = atUtc;
        Status = outcome;
        HoldReason = outcome == OrderStatus.OnCreditHold ? holdReason : null;
        ConfirmedAtUtc = outcome == OrderStatus.Confirmed ? atUtc : null;
        return Result.Ok();
    }

    /// <summary>After an approved discount the order goes on to the credit check: confirmed or held.</summary>
    public Result Approved(OrderStatus creditOutcome, string? holdReason, DateTime atUtc)
    {
        if (Status != OrderStatus.PendingApproval)
        {
            return OrderErrors.NotPendingApproval(Status);
        }

        Status = creditOutcome == OrderStatus.OnCreditHold ? OrderStatus.OnCreditHold : OrderStatus.Confirmed;
        HoldReason = Status == OrderStatus.OnCreditHold ? holdReason : null;
        ConfirmedAtUtc = Status == OrderStatus.Confirmed ? atUtc : null;
        return Result.Ok();
    }

    /// <summary>A rejected discount sends the order back to the rep as a draft.</summary>
    public Result Rejected()
    {
        if (Status != OrderStatus.PendingApproval)
        {
            return OrderErrors.NotPendingApproval(Status);
        }

        Status = OrderStatus.Draft;
        SubmittedAtUtc = null;
        return Result.Ok();
    }

    public Result ReleaseHold(string reason, DateTime atUtc)
    {
        if (Status != OrderStatus.OnCreditHold)
        {
            return OrderErrors.NotOnHold(Status);
        }

        Status = OrderStatus.Confirmed;
        ReleaseReason = reason;
        ConfirmedAtUtc = atUtc;
        return Result.Ok();
    }

    public Result Cancel(string reason)
    {
        if (Status is OrderStatus.Cancelled or OrderStatus.Fulfilled or OrderStatus.PartiallyFulfilled || InvoicedAmount > 0)
        {
            return OrderErrors.CannotCancel(Status);
        }

        Status = OrderStatus.Cancelled;
        CancelReason = reason;
        return Result.Ok();
    }

    /// <summary>Deliveries report quantities (base unit) per line; never more than ordered.</summary>
    public Result Fulfil(IReadOnlyList<(Guid LineId, decimal Quantity)> deliveries)
    {
        if (Status is not (OrderStatus.Confirmed or OrderStatus.PartiallyFulfilled))
        {
            return OrderErrors.NotFulfillable(Status);
        }

        foreach (var (lineId, quantity) in deliveries)
        {
            var line = _lines.FirstOrDefault(l => l.Id == lineId);
            if (line is null)
            {
                return OrderErrors.LineNotFound(lineId);
            }

            if (quantity <= 0 || line.DeliveredQuantity + quantity > line.BaseQuantity)
            {
                return OrderErrors.OverDelivered(line.Position, line.BaseQuantity - line.DeliveredQuantity);
            }

            line.Deliver(quantity);
        }

        Status = _lines.All(l => l.DeliveredQuantity >= l.BaseQuantity) ? OrderStatus.Fulfilled : OrderStatus.PartiallyFulfilled;
        return Result.Ok();
    }

    /// <summary>An invoice took these base quantities of these lines; the order remembers what is invoiced.</summary>
    internal void Invoiced(decimal grossAmount) => InvoicedAmount += grossAmount;

    /// <summary>Demo history: an order placed and handled in the past, without the review of today.</summary>
    internal void SetHistory(OrderStatus status, DateTime submittedAtUtc, string? holdReason)
    {
        Status = status;
        SubmittedAtUtc = submittedAtUtc;
        ConfirmedAtUtc = status is OrderStatus.Confirmed or OrderStatus.PartiallyFulfilled or OrderStatus.Fulfilled ? submittedAtUtc : null;
        HoldReason = holdReason;
    }
}

/// <summary>
/// One product on an order. The quantity is kept as entered (with its unit) and in the product's base unit; the list
/// price is per base unit, from <see cref="PriceResolver"/>; the money is <see cref="LineAmounts"/>. Delivered and
/// invoiced quantities are in the base unit.
/// </summary>
public sealed class OrderLine
{
    private OrderLine()
    {
    }

    public OrderLine(
        int position, Guid productId, string sku, string productName, decimal quantity, string unit, decimal baseQuantity, string baseUnit,
        Guid priceListId, decimal listUnitPrice, decimal? floorPrice, decimal discountPercent, decimal taxRate)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        ProductId = productId;
        Sku = sku;
        ProductName = productName;
        Quantity = quantity;
        Unit = unit;
        BaseQuantity = baseQuantity;
        BaseUnit = baseUnit;
        PriceListId = priceListId;
        ListUnitPrice = listUnitPrice;
        FloorPrice = floorPrice;
        DiscountPercent = discountPercent;
        TaxRate = taxRate;
        var amounts = LineAmounts.Of(baseQuantity, listUnitPrice, discountPercent, taxRate);
        (NetUnitPrice, NetAmount, TaxAmount, GrossAmount) = (amounts.NetUnitPrice, amounts.NetAmount, amounts.TaxAmount, amounts.GrossAmount);
    }

    public Guid Id { get; private set; }

    public Guid OrderId { get; private set; }

    public int Position { get; private set; }

    public Guid ProductId { get; private set; }

    public string Sku { get; private set; } = "";

    public string ProductName { get; private set; } = "";

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal BaseQuantity { get; private set; }

    public string BaseUnit { get; private set; } = "";

    public Guid PriceListId { get; private set; }

    public decimal ListUnitPrice { get; private set; }

    public decimal? FloorPrice { get; private set; }

    public decimal DiscountPercent { get; private set; }

    public decimal TaxRate { get; private set; }

    public decimal NetUnitPrice { get; private set; }

    public decimal NetAmount { get; private set; }

    public decimal TaxAmount { get; private set; }

    public decimal GrossAmount { get; private set; }

    public decimal DeliveredQuantity { get; private set; }

    public decimal InvoicedQuantity { get; private set; }

    public LineAmounts Amounts => new(NetUnitPrice, NetAmount, TaxAmount, GrossAmount);

    public decimal UninvoicedQuantity => BaseQuantity - InvoicedQuantity;

    internal void Deliver(decimal quantity) => DeliveredQuantity += quantity;

    internal void Invoice(decimal quantity) => InvoicedQuantity += quantity;
}
