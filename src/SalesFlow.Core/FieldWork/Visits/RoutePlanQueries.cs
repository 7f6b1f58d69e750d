using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Visits;

public sealed record RoutePlanRow(Guid Id, string Name, Guid OwnerId, string OwnerName, int CycleWeeks, DateOnly StartsOn, bool IsActive, int StopCount, int Version);

public sealed record RouteStopRow(int Week, DayOfWeek Day, Guid CustomerId, string CustomerName);

public sealed record RoutePlanDetails(
    Guid Id, string Name, Guid OwnerId, string OwnerName, int CycleWeeks, DateOnly StartsOn, bool IsActive, IReadOnlyList<RouteStopRow> Stops, int Version);

public sealed class RoutePlanQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<RoutePlan> Sorts = new("name", SortOption<RoutePlan>.By("name", p => p.Name));

    public async Task<Result<Page<RoutePlanRow>>> ListAsync(Actor actor, Guid? ownerId, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.RoutePlans.AsNoTracking().VisibleTo(actor);
        if (ownerId is { } owner)
        {
            query = query.Where(p => p.OwnerId == owner);
        }

        return await Sorts.PageAsync(query, page, p => new RoutePlanRow(
            p.Id, p.Name, p.OwnerId, db.Employees.Where(e => e.Id == p.OwnerId).Select(e => e.Name).First(),
            p.CycleWeeks, p.StartsOn, p.IsActive, p.Stops.Count, p.Version), ct);
    }

    public async Task<Result<RoutePlanDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var plan = await db.RoutePlans.AsNoTracking().VisibleTo(actor).Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.OwnerId, OwnerName = db.Employees.Where(e => e.Id == p.OwnerId).Select(e => e.Name).First(), p.CycleWeeks, p.StartsOn, p.IsActive, p.Version })
            .SingleOrDefaultAsync(ct);
        if (plan is null)
        {
            return FieldWorkErrors.NotFound("RoutePlan", id);
        }

        var stops = await db.RoutePlanStops.AsNoTracking().Where(s => s.RoutePlanId == id).OrderBy(s => s.Sequence)
            .Select(s => new RouteStopRow(s.Week, s.Day, s.CustomerId, db.Customers.Where(c => c.Id == s.CustomerId).Select(c => c.Name).First()))
            .ToListAsync(ct);
        return new RoutePlanDetails(plan.Id, plan.Name, plan.OwnerId, plan.OwnerName, plan.CycleWeeks, plan.StartsOn, plan.IsActive, stops, plan.Version);
    }
}
