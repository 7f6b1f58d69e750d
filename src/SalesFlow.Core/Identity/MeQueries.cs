using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Identity;

public sealed record UnitRef(Guid Id, string Name, string? NameEn);

public sealed record Me(
    Guid Id, string UserName, string DisplayName, string Culture, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions,
    DataScope DataScope, Guid? EmployeeId, string? Position, UnitRef? OrgUnit, UnitRef? ScopeRoot, int VisibleUnitCount,
    Guid? ManagerId, string? ManagerName, Guid? DealerId);

public sealed class MeQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Result<Me>> GetAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId)
            .Select(u => new { u.DisplayName, u.Culture })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return Error.NotFound("User", actor.UserId);
        }

        var employee = await db.Employees.AsNoTracking().Where(e => e.Id == actor.EmployeeId)
            .Select(e => new { e.Position, e.ManagerId, ManagerName = db.Employees.Where(m => m.Id == e.ManagerId).Select(m => m.Name).FirstOrDefault() })
            .SingleOrDefaultAsync(ct);
        var unitIds = new[] { actor.OrgUnitId, actor.ScopeRootUnitId }.Where(id => id is not null).Select(id => id!.Value).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => new UnitRef(u.Id, u.Name, u.NameEn), ct);
        return new Me(
            actor.UserId, actor.UserName, user.DisplayName, user.Culture, actor.Roles.Order().ToList(),
            RolePermissions.For(actor.Roles).Order().ToList(), actor.Scope, actor.EmployeeId, employee?.Position.ToString(),
            actor.OrgUnitId is { } unit ? units.GetValueOrDefault(unit) : null,
            actor.ScopeRootUnitId is { } root ? units.GetValueOrDefault(root) : null,
            actor.VisibleUnitIds.Count, employee?.ManagerId, employee?.ManagerName, actor.DealerId);
    }
}
