using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Billing;

/// <summary>A customer's credit at a glance, shown on every order and used by the credit check.</summary>
public sealed record CreditUsage(
    decimal Limit, decimal OpenOrders, decimal UnpaidInvoices, decimal Exposure, decimal Available, decimal OverdueAmount, decimal OverdueBeyondGraceAmount, int GraceDays);

/// <summary>
/// Credit exposure = the not-yet-invoiced part of the customer's submitted orders (pending approval, on hold,
/// confirmed, partially or fully delivered) + what is still unpaid on its invoices. Overdue = unpaid invoices whose
/// due date is before today (company time zone); "beyond grace" = more than <see cref="CreditOptions.GraceDays"/> days past due.
/// Everything is summed in SQL.
/// </summary>
public static class CreditExposure
{
    public static async Task<CreditUsage> OfCustomerAsync(
        SalesFlowDbContext db, Guid customerId, DateOnly today, int graceDays, Guid? excludingOrderId, CancellationToken ct)
    {
        var limit = await db.Customers.Where(c => c.Id == customerId).Select(c => c.CreditLimit).SingleAsync(ct);
        var statuses = Order.ExposureStatuses;
        var openOrders = await db.Orders
            .Where(o => o.CustomerId == customerId && statuses.Contains(o.Status) && o.Id != excludingOrderId)
            .SumAsync(o => o.Total - o.InvoicedAmount, ct);
        var unpaid = db.Invoices.Where(i => i.CustomerId == customerId && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid));
        var unpaidAmount = await unpaid.SumAsync(i => i.Total - i.PaidAmount, ct);
        var overdue = await unpaid.Where(i => i.DueDate < today).SumAsync(i => i.Total - i.PaidAmount, ct);
        var graceLimit = today.AddDays(-graceDays);
        var beyondGrace = await unpaid.Where(i => i.DueDate < graceLimit).SumAsync(i => i.Total - i.PaidAmount, ct);
        var exposure = openOrders + unpaidAmount;
        return new CreditUsage(limit, openOrders, unpaidAmount, exposure, limit - exposure, overdue, beyondGrace, graceDays);
    }
}
