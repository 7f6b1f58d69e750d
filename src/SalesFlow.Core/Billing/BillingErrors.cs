using SalesFlow.Core.Common;

namespace SalesFlow.Core.Billing;

public static class BillingErrors
{
    public static readonly Error NothingToInvoice = Error.Rule("invoice.nothingToInvoice", "Every line of this order is already invoiced.");

    public static Error OrderNotInvoiceable(string status) =>
        Error.Conflict("invoice.orderNotConfirmed", $"Only a confirmed or delivered order can be invoiced; this one is {status}.", ("orderStatus", status));

    public static Error OverInvoiced(int position, decimal open) =>
        Error.Rule("invoice.overInvoiced", $"Order line {position} has only {open} left to invoice.", ("line", position), ("open", open));

    public static Error OrderLineNotFound(Guid lineId) => Error.NotFound("OrderLine", lineId);

    public static Error InvoiceCancelled(string number) =>
        Error.Rule("invoice.cancelled", $"Invoice {number} is cancelled.", ("invoice", number));

    public static Error InvoiceHasReceipts(string number, decimal paid) =>
        Error.Rule("invoice.hasReceipts", $"Invoice {number} has {paid} received against it; move the receipts off it before cancelling.", ("invoice", number), ("paid", paid));

    public static Error OverAllocated(string number, decimal outstanding) =>
        Error.Rule("receipt.overAllocated", $"Invoice {number} has only {outstanding} outstanding.", ("invoice", number), ("outstanding", outstanding));

    public static Error ExceedsReceipt(decimal unapplied) =>
        Error.Rule("receipt.exceedsReceipt", $"Only {unapplied} of the receipt is left to allocate.", ("unapplied", unapplied));

    public static Error InvoiceOfOtherCustomer(string number) =>
        Error.Rule("receipt.otherCustomer", $"Invoice {number} belongs to another customer.", ("invoice", number));

    public static Error InvoiceNotFound(Guid id) => Error.NotFound("Invoice", id);

    public static Error ReceiptNotFound(Guid id) => Error.NotFound("Receipt", id);

    public static Error BadPeriod => Error.Invalid("period", "period");
}

public static class BillingPermissions
{
    public const string View = "billing.view";
    public const string Manage = "billing.manage";
}

public static class BillingScope
{
    public static IQueryable<Invoice> VisibleTo(this IQueryable<Invoice> invoices, Actor actor) => actor.Scope switch
    {
        DataScope.All => invoices,
        DataScope.Team or DataScope.Region => invoices.Where(o => actor.VisibleUnitIds.Contains(o.OrgUnitId) || o.OwnerId == actor.EmployeeId),
        DataScope.Own => invoices.Where(o => o.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => invoices.Where(o => actor.DealerAccountId != null && o.CustomerId == actor.DealerAccountId),
    };

    public static IQueryable<Receipt> VisibleTo(this IQueryable<Receipt> receipts, Actor actor) => actor.Scope switch
    {
        DataScope.All => receipts,
        DataScope.Team or DataScope.Region => receipts.Where(o => actor.VisibleUnitIds.Contains(o.OrgUnitId) || o.OwnerId == actor.EmployeeId),
        DataScope.Own => receipts.Where(o => o.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => receipts.Where(o => actor.DealerAccountId != null && o.CustomerId == actor.DealerAccountId),
    };
}

/// <summary>Section <c>Credit</c>: how many days past its due date an unpaid invoice may be before new orders are held.</summary>
public sealed class CreditOptions
{
    public int GraceDays { get; set; } = 30;
}
