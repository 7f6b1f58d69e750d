using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Travel;

public sealed record TravelCustomerRow(Guid CustomerId, string CustomerName);

public sealed record TravelRequestDetails(
    Guid Id, Guid OwnerId, string OwnerName, string Destination, string Purpose, DateOnly StartDate, DateOnly EndDate, decimal EstimatedCost,
    TravelStatus Status, IReadOnlyList<TravelCustomerRow> Customers, Guid? RefusedForCustomerId, string? RefusedForCustomerName, int? RefusedVisitCount,
    string? DecisionReason, Guid? DecidedById, string? DecidedByName, DateTime? DecidedAtUtc, bool Overridden, DateTime CreatedAtUtc, int Version);

/// <summary><paramref name="Mine"/>: the caller's own requests; <paramref name="ToDecide"/>: others' requests waiting for a decision or refused.</summary>
public sealed record TravelFilter(TravelStatus? Status = null, Guid? OwnerId = null, bool? Mine = null, bool? ToDecide = null);

public sealed class TravelQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<TravelRequest> Sorts = new(
        "-createdAt",
        SortOption<TravelRequest>.By("createdAt", t => t.CreatedAtUtc),
        SortOption<TravelRequest>.By("startDate", t => t.StartDate));

    public async Task<Result<Page<TravelRequestDetails>>> ListAsync(Actor actor, TravelFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.TravelRequests.AsNoTracking().VisibleTo(actor);
        if (filter.Status is { } status)
        {
            query = query.Where(t => t.Status == status);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(t => t.OwnerId == owner);
        }

        if (filter.Mine == true)
        {
            query = query.Where(t => t.OwnerId == actor.EmployeeId);
        }

        if (filter.ToDecide == true)
        {
            query = query.Where(t => t.OwnerId != actor.EmployeeId && (t.Status == TravelStatus.Submitted || t.Status == TravelStatus.Refused));
        }

        return await Sorts.PageAsync(query, page, Details(db), ct);
    }

    public async Task<Result<TravelRequestDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.TravelRequests.AsNoTracking().VisibleTo(actor).Where(t => t.Id == id).Select(Details(db)).SingleOrDefaultAsync(ct);
        return row is null ? FieldWorkErrors.NotFound("TravelRequest", id) : row;
    }

    private static System.Linq.Expressions.Expression<Func<TravelRequest, TravelRequestDetails>> Details(SalesFlowDbContext db) => t => new TravelRequestDetails(
        t.Id, t.OwnerId, db.Employees.Where(e => e.Id == t.OwnerId).Select(e => e.Name).First(), t.Destination, t.Purpose, t.StartDate, t.EndDate,
        t.EstimatedCost, t.Status,
        t.Customers.Select(c => new TravelCustomerRow(c.CustomerId, db.Customers.Where(x => x.Id == c.CustomerId).Select(x => x.Name).First())).ToList(),
        t.RefusedForCustomerId, db.Customers.Where(x => x.Id == t.RefusedForCustomerId).Select(x => x.Name).FirstOrDefault(), t.RefusedVisitCount,
        t.DecisionReason, t.DecidedById, db.Employees.Where(e => e.Id == t.DecidedById).Select(e => e.Name).FirstOrDefault(), t.DecidedAtUtc,
        t.Overridden, t.CreatedAtUtc, t.Version);
}
