using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Travel;

public enum TravelDecision
{
    Approve,
    Reject,
    Override,
}

public sealed record DecideTravelRequest(Guid Id, TravelDecision Decision, string? Reason = null, int? Version = null);

/// <summary>
/// A manager's decision: approve or reject (with a reason) a submitted request, or override a refused one (with a
/// reason, kept in the audit trail). The decider holds <see cref="FieldWorkPermissions.Manage"/>, sees the requester
/// in their scope, and is not the requester.
/// </summary>
public sealed class DecideTravelRequestHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, TravelQueries queries)
{
    public async Task<Result<TravelRequestDetails>> HandleAsync(DecideTravelRequest request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var travel = await db.TravelRequests.VisibleTo(actor).SingleOrDefaultAsync(t => t.Id == request.Id, ct);
        if (travel is null)
        {
            return FieldWorkErrors.NotFound("TravelRequest", request.Id);
        }

        if (actor.EmployeeId is not { } decider || travel.OwnerId == decider)
        {
            return FieldWorkErrors.NotYourOwn;
        }

        if (request.Version is { } sent && sent != travel.Version)
        {
            return Error.StaleVersion("TravelRequest", sent, travel.Version, (await queries.GetAsync(actor, travel.Id, ct)).Value);
        }

        var reason = request.Reason ?? "";
        var decided = request.Decision switch
        {
            TravelDecision.Approve => travel.Approve(decider, clock.UtcNow),
            TravelDecision.Reject => travel.Reject(reason, decider, clock.UtcNow),
            TravelDecision.Override => travel.Override(reason, decider, clock.UtcNow),
        };
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        if (await db.SaveOrConflictAsync("TravelRequest", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, travel.Id, ct);
    }
}
