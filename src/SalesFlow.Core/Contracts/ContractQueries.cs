using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Contracts;

public sealed record ContractRow(
    Guid Id, string Number, string Title, Guid CustomerId, string CustomerName, Guid OwnerId, string OwnerName, DateOnly StartDate, DateOnly EndDate,
    decimal Amount, string Currency, ContractStatus Status, ContractState State, bool RenewalDue, DateTime CreatedAtUtc, int Version);

public sealed record InstallmentRow(Guid Id, int Sequence, DateOnly DueDate, decimal Amount, string? Milestone);

public sealed record LinkedOrderRow(Guid OrderId, string Number, DateOnly OrderDate, OrderStatus Status, decimal Total, decimal InvoicedAmount);

public sealed record ContractDetails(
    Guid Id, string Number, string Title, Guid CustomerId, string CustomerName, Guid OwnerId, string OwnerName, string OurEntity, string? CustomerSignatory,
    DateOnly StartDate, DateOnly EndDate, decimal Amount, string Currency, string? PaymentTerms, ContractStatus Status, ContractState State,
    DateOnly? SignedDate, DateOnly? CompletedDate, DateOnly? TerminatedDate, string? TerminationReason,
    Guid? RenewedFromId, string? RenewedFromNumber, Guid? RenewedById, string? RenewedByNumber, bool RenewalDue,
    IReadOnlyList<InstallmentRow> Installments, IReadOnlyList<LinkedOrderRow> Orders,
    int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record ContractFilter(
    string? Q = null, ContractState? State = null, Guid? CustomerId = null, Guid? OwnerId = null, DateOnly? EndingBefore = null, bool RenewalsDue = false);

/// <summary>One fulfilment figure and its share of the contracted amount (0 when nothing is contracted).</summary>
public sealed record FulfilmentFigure(decimal Amount, decimal Percent);

public sealed record InstallmentProgress(int Sequence, DateOnly DueDate, decimal Amount, string? Milestone, decimal Collected, bool Overdue);

public sealed record ContractFulfilment(
    Guid ContractId, decimal Contracted, FulfilmentFigure Ordered, FulfilmentFigure Delivered, FulfilmentFigure Invoiced, FulfilmentFigure Collected,
    IReadOnlyList<InstallmentProgress> Installments);

/// <summary>For the notifications job: an active contract due for renewal, with the user account of its owner (if any).</summary>
public sealed record RenewalDue(Guid ContractId, string Number, Guid? OwnerUserId, DateOnly EndDate);

public sealed class ContractQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, ContractOptions options)
{
    public static readonly SortWhitelist<Contract> Sorts = new(
        "-createdAt",
        SortOption<Contract>.By("createdAt", c => c.CreatedAtUtc),
        SortOption<Contract>.By("endDate", c => c.EndDate),
        SortOption<Contract>.By("amount", c => c.Amount));

    public async Task<Result<Page<ContractRow>>> ListAsync(Actor actor, ContractFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(ContractPermissions.View) is { } denied)
        {
            return denied;
        }

        var today = clock.Today;
        var noticeUntil = today.AddDays(options.RenewalNoticeDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db, db.Contracts.AsNoTracking().VisibleTo(actor), filter, today, noticeUntil);
        return await Sorts.PageAsync(query, page, c => new ContractRow(
            c.Id, c.Number, c.Title, c.CustomerId,
            db.Customers.Where(k => k.Id == c.CustomerId).Select(k => k.Name).First(),
            c.OwnerId,
            db.Employees.Where(e => e.Id == c.OwnerId).Select(e => e.Name).First(),
            c.StartDate, c.EndDate, c.Amount, c.Currency, c.Status, Contract.StateOf(c.Status, c.EndDate, today),
            c.Status == ContractStatus.Active && c.EndDate <= noticeUntil && !db.Contracts.Any(r => r.RenewedFromId == c.Id),
            c.CreatedAtUtc, c.Version), ct);
    }

    /// <summary>
    /// Renewal reminders (ContractRenewals): active contracts in the actor's scope ending within
    /// <see cref="ContractOptions.RenewalNoticeDays"/> (expired ones included) that have no renewal yet, soonest first.
    /// </summary>
    public Task<Result<Page<ContractRow>>> RenewalsDueAsync(Actor actor, PageRequest page, CancellationToken ct) =>
        ListAsync(actor, new ContractFilter(RenewalsDue: true), page with { Sort = string.IsNullOrWhiteSpace(page.Sort) ? "endDate" : page.Sort }, ct);

    /// <summary>How many contracts in the actor's scope are due for renewal (the list's badge).</summary>
    public async Task<int> RenewalsDueCountAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.Can(ContractPermissions.View))
        {
            return 0;
        }

        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Filter(db, db.Contracts.AsNoTracking().VisibleTo(actor), new ContractFilter(RenewalsDue: true), today, today.AddDays(options.RenewalNoticeDays)).CountAsync(ct);
    }

    /// <summary>
    /// For the notifications job (no actor scope, no permission check): every active contract ending on or before
    /// <paramref name="on"/> + RenewalNoticeDays that has no renewal yet, with its owner's user account.
    /// </summary>
    public async Task<IReadOnlyList<RenewalDue>> DueForRenewalAsync(DateOnly on, CancellationToken ct)
    {
        var until = on.AddDays(options.RenewalNoticeDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Contracts.AsNoTracking()
            .Where(c => c.Status == ContractStatus.Active && c.EndDate <= until && !db.Contracts.Any(r => r.RenewedFromId == c.Id))
            .OrderBy(c => c.EndDate).ThenBy(c => c.Id)
            .Select(c => new RenewalDue(c.Id, c.Number, db.Users.Where(u => u.EmployeeId == c.OwnerId).Select(u => (Guid?)u.Id).FirstOrDefault(), c.EndDate))
            .ToListAsync(ct);
    }

    public async Task<Result<ContractDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(ContractPermissions.View) is { } denied)
        {
            return denied;
        }

        var today = clock.Today;
        var noticeUntil = today.AddDays(options.RenewalNoticeDays);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Contracts.AsNoTracking().VisibleTo(actor).Where(c => c.Id == id)
            .Select(c => new
            {
                Contract = c,
                CustomerName = db.Customers.Where(k => k.Id == c.CustomerId).Select(k => k.Name).First(),
                OwnerName = db.Employees.Where(e => e.Id == c.OwnerId).Select(e => e.Name).First(),
                RenewedFromNumber = db.Contracts.Where(p => p.Id == c.RenewedFromId).Select(p => p.Number).FirstOrDefault(),
                RenewedBy = db.Contracts.Where(r => r.RenewedFromId == c.Id).Select(r => new { r.Id, r.Number }).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return ContractErrors.NotFound(id);
        }

        var installments = await db.Set<ContractInstallment>().AsNoTracking().Where(i => i.ContractId == id).OrderBy(i => i.Sequence)
            .Select(i => new InstallmentRow(i.Id, i.Sequence, i.DueDate, i.Amount, i.Milestone))
            .ToListAsync(ct);
        var orders = await db.ContractOrders.AsNoTracking().Where(l => l.ContractId == id)
            .Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => o)
            .OrderBy(o => o.OrderDate).ThenBy(o => o.Number)
            .Select(o => new LinkedOrderRow(o.Id, o.Number, o.OrderDate, o.Status, o.Total, o.InvoicedAmount))
            .ToListAsync(ct);
        var c = found.Contract;
        var renewalDue = c.Status == ContractStatus.Active && c.EndDate <= noticeUntil && found.RenewedBy is null;
        return new ContractDetails(
            c.Id, c.Number, c.Title, c.CustomerId, found.CustomerName, c.OwnerId, found.OwnerName, c.OurEntity, c.CustomerSignatory,
            c.StartDate, c.EndDate, c.Amount, c.Currency, c.PaymentTerms, c.Status, c.StateOn(today),
            c.SignedDate, c.CompletedDate, c.TerminatedDate, c.TerminationReason,
            c.RenewedFromId, found.RenewedFromNumber, found.RenewedBy?.Id, found.RenewedBy?.Number, renewalDue,
            installments, orders, c.Version, c.CreatedAtUtc, c.CreatedBy, c.UpdatedAtUtc, c.UpdatedBy);
    }

    /// <summary>
    /// Contracted vs. ordered (linked orders not cancelled), delivered (delivered quantity × the line's net unit price,
    /// rounded per line), invoiced (their invoices, not cancelled) and collected (receipt allocations to those invoices),
    /// each summed in SQL; the collected total is then spread over the installments in due-date order.
    /// </summary>
    public async Task<Result<ContractFulfilment>> FulfilmentAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(ContractPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var contract = await db.Contracts.AsNoTracking().VisibleTo(actor).Where(c => c.Id == id).Select(c => new { c.Id, c.Amount }).SingleOrDefaultAsync(ct);
        if (contract is null)
        {
            return ContractErrors.NotFound(id);
        }

        var orderIds = db.ContractOrders.Where(l => l.ContractId == id).Select(l => l.OrderId);
        var ordered = await db.Orders.Where(o => orderIds.Contains(o.Id) && o.Status != OrderStatus.Cancelled).SumAsync(o => o.Total, ct);
        var invoices = db.Invoices.Where(i => orderIds.Contains(i.OrderId) && i.Status != InvoiceStatus.Cancelled);
        var invoiced = await invoices.SumAsync(i => i.Total, ct);
        var invoiceIds = invoices.Select(i => i.Id);
        var collected = await db.ReceiptAllocations.Where(a => invoiceIds.Contains(a.InvoiceId)).SumAsync(a => a.Amount, ct);
        var delivered = await DeliveredValueAsync(db, id, ct);

        var schedule = await db.Set<ContractInstallment>().AsNoTracking().Where(i => i.ContractId == id).OrderBy(i => i.Sequence)
            .Select(i => new { i.Sequence, i.DueDate, i.Amount, i.Milestone }).ToListAsync(ct);
        var shares = ContractSchedule.Allocate(schedule.Select(i => (i.Sequence, i.DueDate, i.Amount)).ToList(), collected);
        var today = clock.Today;
        var installments = schedule.Select((i, n) => new InstallmentProgress(i.Sequence, i.DueDate, i.Amount, i.Milestone, shares[n], i.DueDate < today && shares[n] < i.Amount)).ToList();

        FulfilmentFigure Figure(decimal amount) =>
            new(amount, contract.Amount <= 0 ? 0m : decimal.Round(amount * 100m / contract.Amount, 1, MidpointRounding.AwayFromZero));
        return new ContractFulfilment(id, contract.Amount, Figure(ordered), Figure(delivered), Figure(invoiced), Figure(collected), installments);
    }

    // Per line round(delivered × net unit price, 2), summed by the database over the contract's linked, not cancelled
    // orders. SQLite keeps decimals as integers of their minor unit (quantity × 1000, unit price × 10000), so the
    // product there is in 10^-7 of a yuan and is rounded to cents (10^5 of those) in integer arithmetic.
    private static async Task<decimal> DeliveredValueAsync(SalesFlowDbContext db, Guid contractId, CancellationToken ct)
    {
        var cancelled = nameof(OrderStatus.Cancelled);
        if (db.Database.IsSqlite())
        {
            var cents = await db.Database.SqlQuery<long>($"""
                SELECT COALESCE(SUM((l.delivered_quantity * l.net_unit_price + 50000) / 100000), 0) AS "Value"
                FROM contract_orders co JOIN orders o ON o.id = co.order_id JOIN order_lines l ON l.order_id = o.id
                WHERE co.contract_id = {contractId} AND o.status <> {cancelled} AND l.delivered_quantity > 0
                """).SingleAsync(ct);
            return cents / 100m;
        }

        return await db.Database.SqlQuery<decimal>($"""
            SELECT COALESCE(SUM(ROUND(l.delivered_quantity * l.net_unit_price, 2)), 0) AS "Value"
            FROM contract_orders co JOIN orders o ON o.id = co.order_id JOIN order_lines l ON l.order_id = o.id
            WHERE co.contract_id = {contractId} AND o.status <> {cancelled} AND l.delivered_quantity > 0
            """).SingleAsync(ct);
    }

    private static IQueryable<Contract> Filter(SalesFlowDbContext db, IQueryable<Contract> query, ContractFilter filter, DateOnly today, DateOnly noticeUntil)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(c => c.Number.Contains(q) || c.Title.Contains(q));
        }

        query = filter.State switch
        {
            ContractState.Draft => query.Where(c => c.Status == ContractStatus.Draft),
            ContractState.Active => query.Where(c => c.Status == ContractStatus.Active && c.EndDate >= today),
            ContractState.Expired => query.Where(c => c.Status == ContractStatus.Active && c.EndDate < today),
            ContractState.Completed => query.Where(c => c.Status == ContractStatus.Completed),
            ContractState.Terminated => query.Where(c => c.Status == ContractStatus.Terminated),
            _ => query,
        };

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(c => c.CustomerId == customer);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(c => c.OwnerId == owner);
        }

        if (filter.EndingBefore is { } before)
        {
            query = query.Where(c => c.EndDate < before);
        }

        if (filter.RenewalsDue)
        {
            query = query.Where(c => c.Status == ContractStatus.Active && c.EndDate <= noticeUntil && !db.Contracts.Any(r => r.RenewedFromId == c.Id));
        }

        return query;
    }
}
