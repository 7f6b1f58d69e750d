using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Visits;

public sealed record GenerateRouteVisits(Guid RoutePlanId, DateOnly From, DateOnly To);

public sealed record GeneratedVisits(int Created, int AlreadyPlanned);

/// <summary>
/// Materializes the planned visits of a route plan for a date range, idempotently: a (rep, customer, date) that
/// already has a visit — generated earlier, planned by hand or done ad hoc — gets no second one. Stored rows are
/// what check-in, compliance and the work log count, so the plan is turned into rows rather than computed on read.
/// </summary>
public sealed class GenerateRouteVisitsHandler(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public const int MaxDays = 92;

    public async Task<Result<GeneratedVisits>> HandleAsync(GenerateRouteVisits request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (request.To < request.From)
        {
            return Error.Invalid("to", "notBeforeFrom");
        }

        if (request.To.DayNumber - request.From.DayNumber >= MaxDays)
        {
            return Error.Invalid("to", "range", ("min", 1), ("max", MaxDays));
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var plan = await db.RoutePlans.VisibleTo(actor).Include(p => p.Stops).AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.RoutePlanId, ct);
        if (plan is null)
        {
            return FieldWorkErrors.NotFound("RoutePlan", request.RoutePlanId);
        }

        var wanted = RouteSchedule.Visits(plan.StartsOn, plan.CycleWeeks, plan.Stops.Select(s => (s.Week, s.Day, s.CustomerId)).ToList(), request.From, request.To).ToList();
        var existing = (await db.Visits
            .Where(v => v.OwnerId == plan.OwnerId && v.Date >= request.From && v.Date <= request.To)
            .Select(v => new { v.Date, v.CustomerId })
            .ToListAsync(ct))
            .Select(v => (v.Date, v.CustomerId)).ToHashSet();
        var created = 0;
        foreach (var (date, customer) in wanted)
        {
            if (existing.Add((date, customer)))
            {
                db.Visits.Add(new Visit(plan.OwnerId, plan.OrgUnitId, customer, date, VisitSource.RoutePlan, plan.Id));
                created++;
            }
        }

        await db.SaveChangesAsync(ct);
        return new GeneratedVisits(created, wanted.Count - created);
    }
}
