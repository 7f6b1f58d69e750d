using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Billing;

public enum InvoiceStatus
{
    Open,
    PartiallyPaid,
    Paid,
    Cancelled,
}

public enum ReceiptMethod
{
    BankTransfer,
    BankAcceptance,
    Cash,
    Cheque,
    Other,
}

/// <summary>
/// An invoice against an order: lines take not-yet-invoiced quantities of the order's lines at the order's prices
/// (<see cref="LineAmounts"/>), the due date is the issue date plus the order's payment terms. Receipts are allocated
/// to it through <see cref="ApplyPayment"/>, which never lets the paid amount exceed the total.
/// </summary>
public sealed class Invoice : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "INV";

    private readonly List<InvoiceLine> _lines = [];

    private Invoice()
    {
    }

    public Invoice(string number, Guid customerId, Guid orderId, Guid ownerId, Guid orgUnitId, string currency, DateOnly issueDate, int paymentTermsDays, IEnumerable<InvoiceLine> lines)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        CustomerId = customerId;
        OrderId = orderId;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Currency = currency;
        IssueDate = issueDate;
        DueDate = issueDate.AddDays(paymentTermsDays);
        Status = InvoiceStatus.Open;
        _lines.AddRange(lines);
        var totals = DocumentTotals.Of(_lines.Select(l => new LineAmounts(l.NetUnitPrice, l.NetAmount, l.TaxAmount, l.GrossAmount)));
        (NetAmount, TaxAmount, Total) = (totals.NetAmount, totals.TaxAmount, totals.GrossAmount);
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid OrderId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public string Currency { get; private set; } = "CNY";

    public DateOnly IssueDate { get; private set; }

    public DateOnly DueDate { get; private set; }

    public decimal NetAmount { get; private set; }

    public decimal TaxAmount { get; private set; }

    public decimal Total { get; private set; }

    public decimal PaidAmount { get; private set; }

    public string? CancelReason { get; private set; }

    public InvoiceStatus Status { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<InvoiceLine> Lines => _lines;

    public decimal Outstanding => Total - PaidAmount;

    /// <summary>An invoice for the given base quantities of the order's lines, at the order's prices; the order records them as invoiced.</summary>
    public static Invoice For(Order order, string number, DateOnly issueDate, IReadOnlyList<(OrderLine Line, decimal Quantity)> lines)
    {
        var invoiceLines = lines.Select((w, i) => new InvoiceLine(
            i + 1, w.Line.Id, w.Line.ProductId, w.Line.Sku, w.Line.ProductName, w.Quantity, w.Line.BaseUnit, w.Line.ListUnitPrice, w.Line.DiscountPercent, w.Line.TaxRate)).ToList();
        var invoice = new Invoice(number, order.CustomerId, order.Id, order.OwnerId, order.OrgUnitId, order.Currency, issueDate, order.PaymentTermsDays, invoiceLines);
        foreach (var (line, quantity) in lines)
        {
            line.Invoice(quantity);
        }

        order.Invoiced(invoice.Total);
        return invoice;
    }

    public const int CancelReasonMaxLength = 500;

    /// <summary>
    /// A wrong invoice is cancelled, never deleted: only while nothing is paid on it (receipts would have to be
    /// re-allocated first); the order's lines get their quantities back to be invoiced again.
    /// </summary>
    public Result Cancel(Order order, string reason)
    {
        if (Status == InvoiceStatus.Cancelled)
        {
            return BillingErrors.InvoiceCancelled(Number);
        }

        if (PaidAmount > 0)
        {
            return BillingErrors.InvoiceHasReceipts(Number, PaidAmount);
        }

        foreach (var line in _lines)
        {
            order.Lines.First(l => l.Id == line.OrderLineId).Invoice(-line.Quantity);
        }

        order.Invoiced(-Total);
        Status = InvoiceStatus.Cancelled;
        CancelReason = reason;
        return Result.Ok();
    }

    public Result ApplyPayment(decimal amount)
    {
        if (Status == InvoiceStatus.Cancelled)
        {
            return BillingErrors.InvoiceCancelled(Number);
        }

        if (amount <= 0 || amount > Outstanding)
        {
            return BillingErrors.OverAllocated(Number, Outstanding);
        }

        PaidAmount += amount;
        Status = PaidAmount == Total ? InvoiceStatus.Paid : InvoiceStatus.PartiallyPaid;
        return Result.Ok();
    }
}

public sealed class InvoiceLine
{
    private InvoiceLine()
    {
    }

    public InvoiceLine(int position, Guid orderLineId, Guid productId, string sku, string productName, decimal quantity, string unit, decimal listUnitPrice, decimal discountPercent, decimal taxRate)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        OrderLineId = orderLineId;
        ProductId = productId;
        Sku = sku;
        ProductName = productName;
        Quantity = quantity;
        Unit = unit;
        ListUnitPrice = listUnitPrice;
        DiscountPercent = discountPercent;
        TaxRate = taxRate;
        var amounts = LineAmounts.Of(quantity, listUnitPrice, discountPercent, taxRate);
        (NetUnitPrice, NetAmount, TaxAmount, GrossAmount) = (amounts.NetUnitPrice, amounts.NetAmount, amounts.TaxAmount, amounts.GrossAmount);
    }

    public Guid Id { get; private set; }

    public Guid InvoiceId { get; private set; }

    public int Position { get; private set; }

    public Guid OrderLineId { get; private set; }

    public Guid ProductId { get; private set; }

    public string Sku { get; private set; } = "";

    public string ProductName { get; private set; } = "";

    /// <summary>In the product's base unit.</summary>
    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal ListUnitPrice { get; private set; }

    public decimal DiscountPercent { get; private set; }

    public decimal TaxRate { get; private set; }

    public decimal NetUnitPrice { get; private set; }

    public decimal NetAmount { get; private set; }

    public decimal TaxAmount { get; private set; }

    public decimal GrossAmount { get; private set; }
}

/// <summary>
/// Money received from a customer (回款). Allocations apply it to the customer's invoices; what is not allocated
/// stays as the customer's credit and can be allocated later. Allocations never exceed the receipt.
/// </summary>
public sealed class Receipt : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "RCP";
    public const int ReferenceMaxLength = 100;

    private readonly List<ReceiptAllocation> _allocations = [];

    private Receipt()
    {
    }

    public Receipt(string number, Guid customerId, Guid ownerId, Guid orgUnitId, decimal amount, DateOnly receivedOn, ReceiptMethod method, string? reference)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        CustomerId = customerId;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Amount = amount;
        ReceivedOn = receivedOn;
        Method = method;
        Reference = reference;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly ReceivedOn { get; private set; }

    public ReceiptMethod Method { get; private set; }

    public string? Reference { get; private set; }

    public decimal AllocatedAmount { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<ReceiptAllocation> Allocations => _allocations;

    public decimal Unapplied => Amount - AllocatedAmount;

    /// <summary>Applies part of the receipt to an invoice of the same customer: never beyond the receipt, never beyond the invoice.</summary>
    public Result Allocate(Invoice invoice, decimal amount, DateOnly on)
    {
        var applied = InvoiceAllocation.Apply(CustomerId, Unapplied, BillingErrors.ExceedsReceipt(Unapplied), invoice, amount);
        if (!applied.IsSuccess)
        {
            return applied;
        }

        AllocatedAmount += amount;
        _allocations.Add(new ReceiptAllocation(Id, invoice.Id, amount, on));
        return Result.Ok();
    }
}

public sealed class ReceiptAllocation
{
    private ReceiptAllocation()
    {
    }

    public ReceiptAllocation(Guid receiptId, Guid invoiceId, decimal amount, DateOnly allocatedOn)
    {
        Id = Guid.CreateVersion7();
        ReceiptId = receiptId;
        InvoiceId = invoiceId;
        Amount = amount;
        AllocatedOn = allocatedOn;
    }

    public Guid Id { get; private set; }

    public Guid ReceiptId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly AllocatedOn { get; private set; }
}

/// <summary>
/// The one rule for putting money on an invoice, from a receipt or a credit note: an invoice of the same customer, a positive
/// amount within what is left of the money (else <c>exceeds</c>), never beyond what the invoice still owes.
/// </summary>
internal static class InvoiceAllocation
{
    public static Result Apply(Guid customerId, decimal unapplied, Error exceeds, Invoice invoice, decimal amount)
    {
        if (invoice.CustomerId != customerId)
        {
            return BillingErrors.InvoiceOfOtherCustomer(invoice.Number);
        }

        if (amount <= 0)
        {
            return Error.Invalid("amount", "range", ("min", 0.01m), ("max", unapplied));
        }

        return amount > unapplied ? exceeds : invoice.ApplyPayment(amount);
    }
}
