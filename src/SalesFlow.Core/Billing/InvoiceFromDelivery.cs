using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Deliveries;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Billing;

/// <summary>
/// Finance invoices what a delivery shipped (PRODUCT.md §7 "invoices against deliveries"): per delivery line, the
/// quantity not yet invoiced from this delivery, never more than the order line still has uninvoiced (an invoice raised
/// against the order directly counts too). The invoice itself is <see cref="Invoice.For"/>, the same rules and prices as
/// an invoice from the order; the delivery remembers the invoice and the invoiced quantities.
/// </summary>
public sealed class InvoiceDeliveryHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, InvoiceQueries queries)
{
    public async Task<Result<InvoiceDetails>> HandleAsync(Guid deliveryId, Actor actor, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var delivery = await db.Deliveries.VisibleTo(actor).Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == deliveryId, ct);
        if (delivery is null)
        {
            return DeliveryErrors.NotFound(deliveryId);
        }

        if (delivery.Status is not (DeliveryStatus.Shipped or DeliveryStatus.Delivered))
        {
            return DeliveryErrors.NotInvoiceable(delivery.Status);
        }

        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == delivery.OrderId, ct);
        var wanted = new List<(OrderLine Line, decimal Quantity)>();
        var taken = new List<(DeliveryLine Line, decimal Quantity)>();
        foreach (var line in delivery.Lines.OrderBy(l => l.Position))
        {
            var orderLine = order.Lines.Single(l => l.Id == line.OrderLineId);
            var already = wanted.Where(w => w.Line == orderLine).Sum(w => w.Quantity);
            var quantity = Math.Min(line.Quantity - line.InvoicedQuantity, orderLine.UninvoicedQuantity - already);
            if (quantity > 0)
            {
                wanted.Add((orderLine, quantity));
                taken.Add((line, quantity));
            }
        }

        if (wanted.Count == 0)
        {
            return DeliveryErrors.NothingToInvoice;
        }

        var invoice = Invoice.For(order, await SequenceNumbers.NextAsync(db, Invoice.NumberSeries, clock.Today.Year, ct), clock.Today, wanted);
        db.Invoices.Add(invoice);
        foreach (var (line, quantity) in taken)
        {
            line.Invoice(quantity);
        }

        db.DeliveryInvoices.Add(new DeliveryInvoice(delivery.Id, invoice.Id));
        if (await db.SaveOrConflictAsync("Order", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, invoice.Id, ct);
    }
}
