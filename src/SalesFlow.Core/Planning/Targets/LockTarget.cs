using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Planning.Targets;

/// <summary><c>POST /targets/{id}/lock</c> (reason optional) and <c>/reopen</c> (reason required).</summary>
public sealed record ChangeTargetLock(
    Guid Id,
    bool Lock,
    [property: StringLength(Target.ReasonMaxLength)] string? Reason = null,
    int? Version = null);

/// <summary>
/// Locks or re-opens a target. The director (<c>targets.set</c>) may do it for any target; a manager who splits
/// (<c>targets.split</c>) only for targets whose owner lies strictly inside their scope (not their own node).
/// </summary>
public sealed class ChangeTargetLockHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, TargetQueries queries)
{
    public async Task<Result<TargetDetails>> HandleAsync(ChangeTargetLock request, Actor actor, CancellationToken ct)
    {
        if (!actor.Can(PlanningPermissions.SetTargets) && actor.Require(PlanningPermissions.SplitTargets) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (!request.Lock && string.IsNullOrWhiteSpace(request.Reason))
        {
            return Error.Invalid("reason", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableTarget.LoadAsync(db, queries, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var target = loaded.Value!;
        if (!actor.Can(PlanningPermissions.SetTargets) && !StrictlyInside(actor, target))
        {
            return Error.Forbidden(PlanningPermissions.SetTargets);
        }

        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        var changed = request.Lock ? target.Lock(reason) : target.Reopen(reason!);
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        if (await db.SaveOrConflictAsync("Target", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, target.Id, ct);
    }

    private static bool StrictlyInside(Actor actor, Target target) => actor.Scope switch
    {
        DataScope.All => true,
        DataScope.Team or DataScope.Region => target.OwnerType == TargetOwnerType.OrgUnit
            ? target.OwnerId != actor.ScopeRootUnitId && actor.VisibleUnitIds.Contains(target.OwnerId)
            : target.OwnerId != actor.EmployeeId && actor.VisibleUnitIds.Contains(target.OrgUnitId),
        _ => false,
    };
}
