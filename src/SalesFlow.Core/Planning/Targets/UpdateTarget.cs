using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Planning.Targets;

/// <summary>
/// Changes the amount of a target set by hand, with the reason. Shares and phases change only by re-dividing their
/// parent; a target with shares or phases keeps its amount (they would no longer sum).
/// </summary>
public sealed record UpdateTargetAmount(
    Guid Id,
    [property: Required, Range(typeof(decimal), "0", "1000000000000000")] decimal? Amount,
    [property: Required] int? Version,
    [property: Required, StringLength(Target.ReasonMaxLength, MinimumLength = 1)] string? Reason);

public sealed class UpdateTargetAmountHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, TargetQueries queries)
{
    public async Task<Result<TargetDetails>> HandleAsync(UpdateTargetAmount request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewTargets) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableTarget.LoadAsync(db, queries, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var target = loaded.Value!;
        if (target.ParentId is not null)
        {
            return TargetErrors.ChangeThroughParent;
        }

        if (actor.Require(PlanningPermissions.SetTargets) is { } notDirector)
        {
            return notDirector;
        }

        var decimals = TargetAllocation.DecimalsOf(target.Measure);
        if (!TargetAllocation.HasAtMostDecimals(request.Amount!.Value, decimals))
        {
            return Error.Invalid("amount", "decimals", ("max", decimals));
        }

        if (target.IsLocked)
        {
            return TargetErrors.Locked;
        }

        if (request.Amount != target.Amount && await db.Targets.AnyAsync(c => c.ParentId == target.Id, ct))
        {
            return TargetErrors.HasChildren;
        }

        var changed = target.ChangeAmount(request.Amount!.Value, request.Reason!.Trim());
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
}

/// <summary>The first step of every target change: the target in the caller's scope (else 404), at the version read when one is sent (else 409).</summary>
internal static class EditableTarget
{
    public static async Task<Result<Target>> LoadAsync(SalesFlowDbContext db, TargetQueries queries, Actor actor, Guid id, int? version, CancellationToken ct)
    {
        var target = await db.Targets.VisibleTo(actor).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return TargetErrors.NotFound(id);
        }

        if (version is { } sent && sent != target.Version)
        {
            return Error.StaleVersion("Target", sent, target.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return target;
    }
}
