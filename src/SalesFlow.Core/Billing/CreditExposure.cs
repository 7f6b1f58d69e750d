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
        var statuses = Order.ExposureStatuses;
        var graceLimit = today.AddDays(-graceDays);
        var unpaid = db.Invoices.Where(i => i.CustomerId == customerId && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid));

        // One round trip: the order screen, the portal and every credit check read this.
        var sums = await db.Customers.Where(c => c.Id == customerId)
            .Select(c => new
            {
                c.CreditLimit,
                OpenOrders = db.Orders.Where(o => o.CustomerId == customerId && statuses.Contains(o.Status) && o.Id != excludingOrderId)
                    .Sum(o => o.Total - o.InvoicedAmount),
                Unpaid = unpaid.Sum(i => i.Total - i.PaidAmount),
                Overdue = unpaid.Where(i => i.DueDate < today).Sum(i => i.Total - i.PaidAmount),
                BeyondGrace = unpaid.Where(i => i.DueDate < graceLimit).Sum(i => i.Total - i.PaidAmount),
            })
            .SingleAsync(ct);
        var exposure = sums.OpenOrders + sums.Unpaid;
        return new CreditUsage(
            sums.CreditLimit, sums.OpenOrders, sums.Unpaid, exposure, sums.CreditLimit - exposure, sums.Overdue, sums.BeyondGrace, graceDays);
    }
}
