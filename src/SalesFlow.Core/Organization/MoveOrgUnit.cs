using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public sealed record MoveOrgUnit(Guid Id, Guid NewParentId, int Version);

/// <summary>
/// Re-hangs a unit and its whole subtree. The descendants' paths are rewritten in one statement in the
/// same transaction, and the move is kept in <see cref="OrgUnitMove"/> history.
/// </summary>
public sealed class MoveOrgUnitHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public async Task<Result> HandleAsync(MoveOrgUnit request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == request.Id, ct);
        if (unit is null)
        {
            return OrganizationErrors.UnitNotFound(request.Id);
        }

        if (unit.Version != request.Version)
        {
            return Error.StaleVersion("OrgUnit", request.Version, unit.Version);
        }

        var parent = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == request.NewParentId, ct);
        if (parent is null)
        {
            return Error.Invalid("newParentId", "notFound");
        }

        var fromParent = unit.ParentId;
        var moved = unit.MoveUnder(parent);
        if (!moved.IsSuccess)
        {
            return moved.Error!;
        }

        var oldPath = moved.Value!;
        var newPath = unit.Path;
        var depthShift = unit.Depth - (oldPath.Count(c => c == '/') - 2);

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.OrgUnitMoves.Add(new OrgUnitMove(unit.Id, fromParent, parent.Id, clock.UtcNow, actor.UserName));
        if (await db.SaveOrConflictAsync("OrgUnit", ct) is { } conflict)
        {
            return conflict;
        }

        await db.OrgUnits
            .Where(u => u.Path.StartsWith(oldPath) && u.Id != unit.Id)
            .ExecuteUpdateAsync(
                s => s.SetProperty(u => u.Path, u => newPath + u.Path.Substring(oldPath.Length))
                      .SetProperty(u => u.Depth, u => u.Depth + depthShift),
                ct);
        await transaction.CommitAsync(ct);
        return Result.Ok();
    }
}
