using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public sealed record OrgUnitRow(
    Guid Id, string Code, string Name, string? NameEn, OrgUnitKind Kind, Guid? ParentId, int Depth, bool IsDeleted, int Version, int EmployeeCount);

public sealed record OrgUnitMoveRow(Guid Id, Guid? FromParentId, string? FromParentName, Guid ToParentId, string ToParentName, DateTime MovedAtUtc, string MovedBy);

/// <summary>The org chart is visible to every internal user; who works in each unit is scoped (see <see cref="DataScopes"/>).</summary>
public sealed class OrgUnitQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Result<IReadOnlyList<OrgUnitRow>>> TreeAsync(Actor actor, bool includeDeleted, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = db.Employees.AsNoTracking().VisibleTo(actor).Where(e => e.IsActive);
        var rows = await db.OrgUnits.AsNoTracking()
            .Where(u => includeDeleted || !u.IsDeleted)
            .OrderBy(u => u.Depth).ThenBy(u => u.Code)
            .Select(u => new OrgUnitRow(u.Id, u.Code, u.Name, u.NameEn, u.Kind, u.ParentId, u.Depth, u.IsDeleted, u.Version, counts.Count(e => e.OrgUnitId == u.Id)))
            .ToListAsync(ct);
        return rows;
    }

    public async Task<Result<OrgUnitRow>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var counts = db.Employees.AsNoTracking().VisibleTo(actor).Where(e => e.IsActive);
        var row = await db.OrgUnits.AsNoTracking().Where(u => u.Id == id)
            .Select(u => new OrgUnitRow(u.Id, u.Code, u.Name, u.NameEn, u.Kind, u.ParentId, u.Depth, u.IsDeleted, u.Version, counts.Count(e => e.OrgUnitId == u.Id)))
            .SingleOrDefaultAsync(ct);
        return row is null ? OrganizationErrors.UnitNotFound(id) : row;
    }

    public async Task<Result<IReadOnlyList<OrgUnitMoveRow>>> MovesAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.OrgUnits.AnyAsync(u => u.Id == id, ct))
        {
            return OrganizationErrors.UnitNotFound(id);
        }

        var rows = await db.OrgUnitMoves.AsNoTracking().Where(m => m.OrgUnitId == id)
            .OrderByDescending(m => m.MovedAtUtc)
            .Select(m => new OrgUnitMoveRow(
                m.Id,
                m.FromParentId,
                db.OrgUnits.Where(u => u.Id == m.FromParentId).Select(u => u.Name).FirstOrDefault(),
                m.ToParentId,
                db.OrgUnits.Where(u => u.Id == m.ToParentId).Select(u => u.Name).First(),
                m.MovedAtUtc,
                m.MovedBy))
            .ToListAsync(ct);
        return rows;
    }
}
