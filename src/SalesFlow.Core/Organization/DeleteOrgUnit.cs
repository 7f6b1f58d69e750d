using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public sealed record DeleteOrgUnit(Guid Id);

public sealed record RestoreOrgUnit(Guid Id);

/// <summary>Soft delete: the unit keeps its history and can be restored. Only an empty unit can go.</summary>
public sealed class DeleteOrgUnitHandler(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Result> HandleAsync(DeleteOrgUnit request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == request.Id && !u.IsDeleted, ct);
        if (unit is null)
        {
            return OrganizationErrors.UnitNotFound(request.Id);
        }

        var hasChildren = await db.OrgUnits.AnyAsync(u => u.ParentId == unit.Id && !u.IsDeleted, ct);
        var hasEmployees = await db.Employees.AnyAsync(e => e.OrgUnitId == unit.Id && e.IsActive, ct);
        var deleted = unit.Delete(hasChildren, hasEmployees);
        if (!deleted.IsSuccess)
        {
            return deleted;
        }

        return await db.SaveOrConflictAsync("OrgUnit", ct) is { } conflict ? conflict : Result.Ok();
    }

    public async Task<Result> HandleAsync(RestoreOrgUnit request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == request.Id && u.IsDeleted, ct);
        if (unit is null)
        {
            return OrganizationErrors.UnitNotFound(request.Id);
        }

        var parent = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == unit.ParentId, ct);
        var restored = unit.Restore(parent);
        if (!restored.IsSuccess)
        {
            return restored;
        }

        return await db.SaveOrConflictAsync("OrgUnit", ct) is { } conflict ? conflict : Result.Ok();
    }
}
