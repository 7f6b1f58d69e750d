using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Visits;

public sealed record RouteStop([property: Range(1, 2)] int Week, [property: Required] DayOfWeek? Day, [property: Required] Guid? CustomerId);

/// <summary>Creates (no <see cref="Id"/>) or replaces a route plan and its weekday grid.</summary>
public sealed record SaveRoutePlan(
    [property: Required, StringLength(RoutePlan.NameMaxLength, MinimumLength = 1)] string Name,
    [property: Range(1, 2)] int CycleWeeks,
    [property: Required] DateOnly? StartsOn,
    IReadOnlyList<RouteStop>? Stops,
    bool IsActive = true,
    Guid? OwnerId = null,
    Guid? Id = null,
    int? Version = null);

public sealed class SaveRoutePlanHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, RoutePlanQueries queries)
{
    public async Task<Result<RoutePlanDetails>> HandleAsync(SaveRoutePlan request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var stops = request.Stops ?? [];
        foreach (var stop in stops)
        {
            if (RequestValidation.Check(stop) is { } badStop)
            {
                return badStop;
            }

            if (stop.Week > request.CycleWeeks)
            {
                return Error.Invalid("stops", "range", ("min", 1), ("max", request.CycleWeeks));
            }
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        RoutePlan plan;
        if (request.Id is { } id)
        {
            var found = await db.RoutePlans.VisibleTo(actor).Include(p => p.Stops).SingleOrDefaultAsync(p => p.Id == id, ct);
            if (found is null)
            {
                return FieldWorkErrors.NotFound("RoutePlan", id);
            }

            if (request.Version is not { } version)
            {
                return Error.Invalid("version", "required");
            }

            if (found.Version != version)
            {
                return Error.StaleVersion("RoutePlan", version, found.Version, (await queries.GetAsync(actor, id, ct)).Value);
            }

            if (request.OwnerId is { } owner && owner != found.OwnerId)
            {
                return Error.Invalid("ownerId", "changeThroughAction");
            }

            plan = found;
        }
        else
        {
            var owner = await RepOwner.ChooseAsync(db, actor, request.OwnerId, ct);
            if (!owner.IsSuccess)
            {
                return owner.Error!;
            }

            plan = new RoutePlan(owner.Value!.EmployeeId, owner.Value.OrgUnitId);
            db.RoutePlans.Add(plan);
        }

        var customerIds = stops.Select(s => s.CustomerId!.Value).Distinct().ToList();
        var known = await db.Customers.VisibleTo(actor).Where(c => customerIds.Contains(c.Id) && !c.IsDeleted).CountAsync(ct);
        if (known != customerIds.Count)
        {
            return Error.Invalid("stops", "notFound");
        }

        plan.Describe(request.Name.Trim(), request.CycleWeeks, request.StartsOn!.Value, request.IsActive);
        plan.ReplaceStops(stops.Select(s => (s.Week, s.Day!.Value, s.CustomerId!.Value)));
        if (await db.SaveOrConflictAsync("RoutePlan", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, plan.Id, ct);
    }
}
