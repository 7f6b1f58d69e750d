using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Billing;

public sealed record InvoiceLineInput([property: Required] Guid? OrderLineId, [property: Required, Range(typeof(decimal), "0.001", "1000000000")] decimal? Quantity);

public sealed record CreateInvoice([property: Required] Guid? OrderId, IReadOnlyList<InvoiceLineInput>? Lines = null);

/// <summary>
/// Finance invoices a confirmed or delivered order: the given quantities (base unit) of its lines, or every line's
/// not-yet-invoiced quantity. Never more than ordered. Issue date is today in the company time zone; due = issue + the order's terms.
/// </summary>
public sealed class CreateInvoiceHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, InvoiceQueries queries)
{
    public async Task<Result<InvoiceDetails>> HandleAsync(CreateInvoice request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Orders.VisibleTo(actor).Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == request.OrderId, ct);
        if (order is null)
        {
            return OrderErrors.NotFound(request.OrderId!.Value);
        }

        if (order.Status is not (OrderStatus.Confirmed or OrderStatus.PartiallyFulfilled or OrderStatus.Fulfilled))
        {
            return BillingErrors.OrderNotInvoiceable(order.Status.ToString());
        }

        var wanted = new List<(OrderLine Line, decimal Quantity)>();
        if (request.Lines is { Count: > 0 } given)
        {
            foreach (var input in given)
            {
                if (RequestValidation.Check(input) is { } badLine)
                {
                    return badLine;
                }

                var line = order.Lines.FirstOrDefault(l => l.Id == input.OrderLineId);
                if (line is null)
                {
                    return BillingErrors.OrderLineNotFound(input.OrderLineId!.Value);
                }

                var already = wanted.Where(w => w.Line == line).Sum(w => w.Quantity);
                if (input.Quantity!.Value + already > line.UninvoicedQuantity)
                {
                    return BillingErrors.OverInvoiced(line.Position, line.UninvoicedQuantity - already);
                }

                wanted.Add((line, input.Quantity.Value));
            }
        }
        else
        {
            wanted.AddRange(order.Lines.Where(l => l.UninvoicedQuantity > 0).OrderBy(l => l.Position).Select(l => (l, l.UninvoicedQuantity)));
        }

        if (wanted.Count == 0)
        {
            return BillingErrors.NothingToInvoice;
        }

        var invoice = Invoice.For(order, await SequenceNumbers.NextAsync(db, Invoice.NumberSeries, clock.Today.Year, ct), clock.Today, wanted);
        db.Invoices.Add(invoice);
        if (await db.SaveOrConflictAsync("Order", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, invoice.Id, ct);
    }
}

public sealed record CancelInvoice(Guid Id, string? Reason, int? Version = null);

/// <summary>Finance cancels an unpaid invoice with a reason (<see cref="Invoice.Cancel"/>); the order can be invoiced again.</summary>
public sealed class CancelInvoiceHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, InvoiceQueries queries)
{
    public async Task<Result<InvoiceDetails>> HandleAsync(CancelInvoice request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.Manage) is { } denied)
        {
            return denied;
        }

        var reason = request.Reason?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return Error.Invalid("reason", "required");
        }

        if (reason.Length > Invoice.CancelReasonMaxLength)
        {
            return Error.Invalid("reason", "stringLength", ("min", 1), ("max", Invoice.CancelReasonMaxLength));
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var invoice = await db.Invoices.VisibleTo(actor).Include(i => i.Lines).SingleOrDefaultAsync(i => i.Id == request.Id, ct);
        if (invoice is null)
        {
            return BillingErrors.InvoiceNotFound(request.Id);
        }

        if (request.Version is { } sent && sent != invoice.Version)
        {
            return Error.StaleVersion("Invoice", sent, invoice.Version, (await queries.GetAsync(actor, invoice.Id, ct)).Value);
        }

        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == invoice.OrderId, ct);
        var cancelled = invoice.Cancel(order, reason);
        if (!cancelled.IsSuccess)
        {
            return cancelled.Error!;
        }

        if (await db.SaveOrConflictAsync("Invoice", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, invoice.Id, ct);
    }
}

public sealed record AllocationInput([property: Required] Guid? InvoiceId, [property: Required, Range(typeof(decimal), "0.01", "1000000000000")] decimal? Amount);

public sealed record CreateReceipt(
    [property: Required] Guid? CustomerId,
    [property: Required, Range(typeof(decimal), "0.01", "1000000000000")] decimal? Amount,
    [property: Required] DateOnly? ReceivedOn,
    [property: Required] ReceiptMethod? Method,
    [property: StringLength(Receipt.ReferenceMaxLength)] string? Reference = null,
    IReadOnlyList<AllocationInput>? Allocations = null);

public sealed record AllocateReceipt(Guid Id, [property: Required] IReadOnlyList<AllocationInput>? Allocations, int? Version = null);

/// <summary>
/// Finance records money received and applies it to the customer's invoices. Allocations never exceed the receipt
/// (<c>receipt.exceedsReceipt</c>) nor an invoice's outstanding amount (<c>receipt.overAllocated</c>); the rest stays
/// as the customer's credit for a later <see cref="AllocateAsync"/>. All or nothing: one refused allocation saves none.
/// </summary>
public sealed class ReceiptHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, ReceiptQueries queries)
{
    public async Task<Result<ReceiptDetails>> CreateAsync(CreateReceipt request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.ReceivedOn > clock.Today)
        {
            return Error.Invalid("receivedOn", "notInFuture");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var customer = await db.Customers.VisibleTo(actor).SingleOrDefaultAsync(c => c.Id == request.CustomerId && !c.IsDeleted, ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(request.CustomerId!.Value);
        }

        var number = await SequenceNumbers.NextAsync(db, Receipt.NumberSeries, clock.Today.Year, ct);
        var receipt = new Receipt(
            number, customer.Id, customer.OwnerId, customer.OrgUnitId, decimal.Round(request.Amount!.Value, 2, MidpointRounding.AwayFromZero),
            request.ReceivedOn!.Value, request.Method!.Value, string.IsNullOrWhiteSpace(request.Reference) ? null : request.Reference.Trim());
        db.Receipts.Add(receipt);
        if (await ApplyAsync(db, actor, receipt, request.Allocations ?? [], request.ReceivedOn.Value, ct) is { } refused)
        {
            return refused;
        }

        if (await db.SaveOrConflictAsync("Invoice", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, receipt.Id, ct);
    }

    public async Task<Result<ReceiptDetails>> AllocateAsync(AllocateReceipt request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.Allocations!.Count == 0)
        {
            return Error.Invalid("allocations", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var receipt = await db.Receipts.VisibleTo(actor).SingleOrDefaultAsync(r => r.Id == request.Id, ct);
        if (receipt is null)
        {
            return BillingErrors.ReceiptNotFound(request.Id);
        }

        if (request.Version is { } sent && sent != receipt.Version)
        {
            return Error.StaleVersion("Receipt", sent, receipt.Version, (await queries.GetAsync(actor, receipt.Id, ct)).Value);
        }

        var on = clock.Today < receipt.ReceivedOn ? receipt.ReceivedOn : clock.Today;
        if (await ApplyAsync(db, actor, receipt, request.Allocations, on, ct) is { } refused)
        {
            return refused;
        }

        if (await db.SaveOrConflictAsync("Receipt", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, receipt.Id, ct);
    }

    private static async Task<Error?> ApplyAsync(SalesFlowDbContext db, Actor actor, Receipt receipt, IReadOnlyList<AllocationInput> allocations, DateOnly on, CancellationToken ct)
    {
        if (allocations.Count > 200)
        {
            return Error.Invalid("allocations", "maxLength", ("max", 200));
        }

        for (var i = 0; i < allocations.Count; i++)
        {
            if (RequestValidation.Check(allocations[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"allocations[{i}].{fields[0].Field}", fields[0].Rule);
            }
        }

        var ids = allocations.Select(a => a.InvoiceId!.Value).Distinct().ToList();
        var invoices = await db.Invoices.VisibleTo(actor).Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        foreach (var allocation in allocations)
        {
            if (!invoices.TryGetValue(allocation.InvoiceId!.Value, out var invoice))
            {
                return BillingErrors.InvoiceNotFound(allocation.InvoiceId.Value);
            }

            var applied = receipt.Allocate(invoice, decimal.Round(allocation.Amount!.Value, 2, MidpointRounding.AwayFromZero), on);
            if (!applied.IsSuccess)
            {
                return applied.Error;
            }
        }

        return null;
    }
}
