using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Billing;

public sealed record InvoiceRow(
    Guid Id, string Number, InvoiceStatus Status, Guid CustomerId, string CustomerName, Guid OrderId, string OrderNumber, DateOnly IssueDate, DateOnly DueDate,
    decimal Total, decimal PaidAmount, decimal Outstanding, bool IsOverdue, string Currency, int Version);

public sealed record InvoiceLineRow(
    Guid Id, int Position, Guid OrderLineId, Guid ProductId, string Sku, string ProductName, decimal Quantity, string Unit, decimal ListUnitPrice,
    decimal DiscountPercent, decimal NetUnitPrice, decimal NetAmount, decimal TaxRate, decimal TaxAmount, decimal GrossAmount);

public sealed record AllocationRow(Guid Id, Guid ReceiptId, string ReceiptNumber, Guid InvoiceId, string InvoiceNumber, decimal Amount, DateOnly AllocatedOn);

public sealed record InvoiceDetails(
    Guid Id, string Number, InvoiceStatus Status, Guid CustomerId, string CustomerName, Guid OrderId, string OrderNumber, Guid OwnerId, string Currency,
    DateOnly IssueDate, DateOnly DueDate, decimal NetAmount, decimal TaxAmount, decimal Total, decimal PaidAmount, decimal Outstanding, bool IsOverdue,
    IReadOnlyList<InvoiceLineRow> Lines, IReadOnlyList<AllocationRow> Allocations, int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy,
    string? CancelReason = null);

public sealed record InvoiceFilter(
    string? Q = null, InvoiceStatus? Status = null, Guid? CustomerId = null, Guid? OrderId = null, bool? Overdue = null, bool? Unpaid = null, DateOnly? From = null, DateOnly? To = null);

public sealed class InvoiceQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static readonly SortWhitelist<Invoice> Sorts = new(
        "-issueDate",
        SortOption<Invoice>.By("issueDate", i => i.IssueDate),
        SortOption<Invoice>.By("dueDate", i => i.DueDate),
        SortOption<Invoice>.By("total", i => i.Total),
        SortOption<Invoice>.By("createdAt", i => i.CreatedAtUtc));

    public async Task<Result<Page<InvoiceRow>>> ListAsync(Actor actor, InvoiceFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        var query = db.Invoices.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var customerHits = db.Customers.Where(c => c.Name.Contains(q)).Select(c => c.Id);
            query = query.Where(i => i.Number.Contains(q) || customerHits.Contains(i.CustomerId));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(i => i.Status == status);
        }

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(i => i.CustomerId == customer);
        }

        if (filter.OrderId is { } order)
        {
            query = query.Where(i => i.OrderId == order);
        }

        if (filter.Unpaid == true || filter.Overdue == true)
        {
            query = query.Where(i => i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid);
        }

        if (filter.Overdue == true)
        {
            query = query.Where(i => i.DueDate < today);
        }

        if (filter.From is { } from)
        {
            query = query.Where(i => i.IssueDate >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(i => i.IssueDate <= to);
        }

        return await Sorts.PageAsync(query, page, i => new InvoiceRow(
            i.Id, i.Number, i.Status, i.CustomerId, db.Customers.Where(c => c.Id == i.CustomerId).Select(c => c.Name).First(), i.OrderId,
            db.Orders.Where(o => o.Id == i.OrderId).Select(o => o.Number).First(), i.IssueDate, i.DueDate, i.Total, i.PaidAmount, i.Status == InvoiceStatus.Cancelled ? 0 : i.Total - i.PaidAmount,
            i.DueDate < today && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid), i.Currency, i.Version), ct);
    }

    public async Task<Result<InvoiceDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Invoices.AsNoTracking().VisibleTo(actor).Where(i => i.Id == id)
            .Select(i => new
            {
                Invoice = i,
                CustomerName = db.Customers.Where(c => c.Id == i.CustomerId).Select(c => c.Name).First(),
                OrderNumber = db.Orders.Where(o => o.Id == i.OrderId).Select(o => o.Number).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return BillingErrors.InvoiceNotFound(id);
        }

        var lines = await db.Set<InvoiceLine>().AsNoTracking().Where(l => l.InvoiceId == id).OrderBy(l => l.Position)
            .Select(l => new InvoiceLineRow(l.Id, l.Position, l.OrderLineId, l.ProductId, l.Sku, l.ProductName, l.Quantity, l.Unit, l.ListUnitPrice, l.DiscountPercent,
                l.NetUnitPrice, l.NetAmount, l.TaxRate, l.TaxAmount, l.GrossAmount))
            .ToListAsync(ct);
        var allocations = await Allocations(db, db.ReceiptAllocations.Where(a => a.InvoiceId == id)).ToListAsync(ct);
        var i = found.Invoice;
        var overdue = i.DueDate < clock.Today && i.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid;
        return new InvoiceDetails(
            i.Id, i.Number, i.Status, i.CustomerId, found.CustomerName, i.OrderId, found.OrderNumber, i.OwnerId, i.Currency, i.IssueDate, i.DueDate,
            i.NetAmount, i.TaxAmount, i.Total, i.PaidAmount, i.Status == InvoiceStatus.Cancelled ? 0 : i.Total - i.PaidAmount, overdue, lines, allocations, i.Version,
            i.CreatedAtUtc, i.CreatedBy, i.UpdatedAtUtc, i.UpdatedBy, i.CancelReason);
    }

    internal static IQueryable<AllocationRow> Allocations(SalesFlowDbContext db, IQueryable<ReceiptAllocation> allocations) =>
        allocations.AsNoTracking().OrderBy(a => a.AllocatedOn).ThenBy(a => a.Id).Select(a => new AllocationRow(
            a.Id, a.ReceiptId, db.Receipts.Where(r => r.Id == a.ReceiptId).Select(r => r.Number).First(), a.InvoiceId,
            db.Invoices.Where(x => x.Id == a.InvoiceId).Select(x => x.Number).First(), a.Amount, a.AllocatedOn));
}

public sealed record ReceiptRow(
    Guid Id, string Number, Guid CustomerId, string CustomerName, decimal Amount, decimal AllocatedAmount, decimal Unapplied, DateOnly ReceivedOn,
    ReceiptMethod Method, string? Reference, int Version);

public sealed record ReceiptDetails(
    Guid Id, string Number, Guid CustomerId, string CustomerName, decimal Amount, decimal AllocatedAmount, decimal Unapplied, DateOnly ReceivedOn,
    ReceiptMethod Method, string? Reference, IReadOnlyList<AllocationRow> Allocations, int Version, DateTime CreatedAtUtc, string CreatedBy);

public sealed record ReceiptFilter(string? Q = null, Guid? CustomerId = null, bool? Unapplied = null, DateOnly? From = null, DateOnly? To = null);

public sealed class ReceiptQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<Receipt> Sorts = new(
        "-receivedOn",
        SortOption<Receipt>.By("receivedOn", r => r.ReceivedOn),
        SortOption<Receipt>.By("amount", r => r.Amount),
        SortOption<Receipt>.By("createdAt", r => r.CreatedAtUtc));

    public async Task<Result<Page<ReceiptRow>>> ListAsync(Actor actor, ReceiptFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Receipts.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var customerHits = db.Customers.Where(c => c.Name.Contains(q)).Select(c => c.Id);
            query = query.Where(r => r.Number.Contains(q) || (r.Reference != null && r.Reference.Contains(q)) || customerHits.Contains(r.CustomerId));
        }

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(r => r.CustomerId == customer);
        }

        if (filter.Unapplied == true)
        {
            query = query.Where(r => r.AllocatedAmount < r.Amount);
        }

        if (filter.From is { } from)
        {
            query = query.Where(r => r.ReceivedOn >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(r => r.ReceivedOn <= to);
        }

        return await Sorts.PageAsync(query, page, r => new ReceiptRow(
            r.Id, r.Number, r.CustomerId, db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Name).First(), r.Amount, r.AllocatedAmount,
            r.Amount - r.AllocatedAmount, r.ReceivedOn, r.Method, r.Reference, r.Version), ct);
    }

    public async Task<Result<ReceiptDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(BillingPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Receipts.AsNoTracking().VisibleTo(actor).Where(r => r.Id == id)
            .Select(r => new { Receipt = r, CustomerName = db.Customers.Where(c => c.Id == r.CustomerId).Select(c => c.Name).First() })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return BillingErrors.ReceiptNotFound(id);
        }

        var allocations = await InvoiceQueries.Allocations(db, db.ReceiptAllocations.Where(a => a.ReceiptId == id)).ToListAsync(ct);
        var r = found.Receipt;
        return new ReceiptDetails(
            r.Id, r.Number, r.CustomerId, found.CustomerName, r.Amount, r.AllocatedAmount, r.Amount - r.AllocatedAmount, r.ReceivedOn, r.Method, r.Reference,
            allocations, r.Version, r.CreatedAtUtc, r.CreatedBy);
    }
}
