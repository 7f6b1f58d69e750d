using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Visits;

public sealed record VisitRow(
    Guid Id, Guid CustomerId, string CustomerName, CustomerClass CustomerClass, Guid OwnerId, string OwnerName, DateOnly Date,
    VisitSource Source, VisitStatus Status, bool Missed, string? Purpose,
    DateTime? CheckInAtUtc, double? CheckInLatitude, double? CheckInLongitude,
    DateTime? CheckOutAtUtc, double? CheckOutLatitude, double? CheckOutLongitude, string? Outcome,
    bool? ShelfDisplayOk, bool? StockOk, bool? PriceOk, bool? StaffRecommends, string? ChecklistNotes, bool Breakthrough, int Version,
    Guid? StoreId = null, string? StoreName = null);

/// <summary>A customer's visit rhythm: the last completed visit, when the next is due by its class, and whether it is overdue.</summary>
public sealed record CustomerCadenceRow(
    Guid CustomerId, string CustomerName, CustomerClass Class, Guid OwnerId, string OwnerName, int FrequencyDays,
    DateOnly? LastVisitOn, DateOnly? NextVisitDue, bool Overdue);

public sealed record VisitFilter(
    Guid? OwnerId = null, Guid? CustomerId = null, VisitStatus? Status = null, DateOnly? From = null, DateOnly? To = null, bool? Missed = null);

public sealed class VisitQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, VisitOptions options)
{
    public static readonly SortWhitelist<Visit> Sorts = new(
        "-date",
        SortOption<Visit>.By("date", v => v.Date));

    public static readonly SortWhitelist<Customer> CadenceSorts = new(
        "name",
        SortOption<Customer>.By("name", c => c.Name));

    public async Task<Result<Page<VisitRow>>> ListAsync(Actor actor, VisitFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        var query = db.Visits.AsNoTracking().VisibleTo(actor);
        if (filter.OwnerId is { } owner)
        {
            query = query.Where(v => v.OwnerId == owner);
        }

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(v => v.CustomerId == customer);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(v => v.Status == status);
        }

        if (filter.From is { } from)
        {
            query = query.Where(v => v.Date >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(v => v.Date <= to);
        }

        if (filter.Missed is { } missed)
        {
            query = missed
                ? query.Where(v => v.Status == VisitStatus.Planned && v.Date < today)
                : query.Where(v => !(v.Status == VisitStatus.Planned && v.Date < today));
        }

        return await Sorts.PageAsync(query, page, Row(db, today), ct);
    }

    public async Task<Result<VisitRow>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Visits.AsNoTracking().VisibleTo(actor).Where(v => v.Id == id).Select(Row(db, clock.Today)).SingleOrDefaultAsync(ct);
        return row is null ? FieldWorkErrors.NotFound("Visit", id) : row;
    }

    /// <summary>Customers in scope with their visit rhythm; <paramref name="overdueOnly"/> keeps those whose visit is late.</summary>
    public async Task<Result<Page<CustomerCadenceRow>>> CadenceAsync(
        Actor actor, Guid? customerId, Guid? ownerId, bool overdueOnly, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var today = clock.Today;
        var customers = db.Customers.AsNoTracking().VisibleTo(actor).Where(c => !c.IsDeleted);
        if (customerId is { } id)
        {
            customers = customers.Where(c => c.Id == id);
        }

        if (ownerId is { } owner)
        {
            customers = customers.Where(c => c.OwnerId == owner);
        }

        if (overdueOnly)
        {
            customers = customers.Where(Overdue(db, today));
        }

        var result = await CadenceSorts.PageAsync(customers, page, x => new
        {
            x.Id,
            x.Name,
            x.Class,
            x.OwnerId,
            OwnerName = db.Employees.Where(e => e.Id == x.OwnerId).Select(e => e.Name).First(),
            Last = db.Visits.Where(v => v.CustomerId == x.Id && v.Status == VisitStatus.Done).Max(v => (DateOnly?)v.Date),
        }, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var rows = result.Value!.Items.Select(r => new CustomerCadenceRow(
            r.Id, r.Name, r.Class, r.OwnerId, r.OwnerName, options.DaysFor(r.Class), r.Last,
            VisitCadence.NextDue(r.Last, r.Class, options), VisitCadence.IsOverdue(r.Last, r.Class, today, options))).ToList();
        return new Page<CustomerCadenceRow>(rows, result.Value.NextCursor, result.Value.TotalCount);
    }

    // VisitCadence.IsOverdue as SQL: never visited, or the last done visit is older than the class's threshold.
    private Expression<Func<Customer, bool>> Overdue(SalesFlowDbContext db, DateOnly today)
    {
        var a = VisitCadence.OverdueBefore(CustomerClass.A, today, options);
        var b = VisitCadence.OverdueBefore(CustomerClass.B, today, options);
        var c = VisitCadence.OverdueBefore(CustomerClass.C, today, options);
        var d = VisitCadence.OverdueBefore(CustomerClass.D, today, options);
        return x => !db.Visits.Any(v => v.CustomerId == x.Id && v.Status == VisitStatus.Done
            && v.Date >= (x.Class == CustomerClass.A ? a : x.Class == CustomerClass.B ? b : x.Class == CustomerClass.C ? c : d));
    }

    private static Expression<Func<Visit, VisitRow>> Row(SalesFlowDbContext db, DateOnly today) => v => new VisitRow(
        v.Id, v.CustomerId,
        db.Customers.Where(c => c.Id == v.CustomerId).Select(c => c.Name).First(),
        db.Customers.Where(c => c.Id == v.CustomerId).Select(c => c.Class).First(),
        v.OwnerId, db.Employees.Where(e => e.Id == v.OwnerId).Select(e => e.Name).First(),
        v.Date, v.Source, v.Status, v.Status == VisitStatus.Planned && v.Date < today, v.Purpose,
        v.CheckInAtUtc, v.CheckInLatitude, v.CheckInLongitude, v.CheckOutAtUtc, v.CheckOutLatitude, v.CheckOutLongitude, v.Outcome,
        v.ShelfDisplayOk, v.StockOk, v.PriceOk, v.StaffRecommends, v.ChecklistNotes, v.Breakthrough, v.Version,
        v.StoreId, db.Stores.Where(s => s.Id == v.StoreId).Select(s => s.Name).FirstOrDefault());
}
