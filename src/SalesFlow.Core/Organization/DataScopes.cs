using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

/// <summary>
/// Turns a role's <see cref="DataScope"/> and the user's place in the tree into the set of org units
/// whose records the user may see: Team = own unit's subtree, Region = the subtree of the region above.
/// </summary>
public static class DataScopes
{
    /// <summary>The unit whose subtree a Team or Region scope covers; null for the other scopes.</summary>
    public static Guid? RootFor(DataScope scope, Guid? unitId, string? unitPath, IReadOnlyDictionary<Guid, OrgUnitKind> kindsOnPath)
    {
        if (unitId is null || unitPath is null)
        {
            return null;
        }

        return scope switch
        {
            DataScope.Team => unitId,
            DataScope.Region => OrgUnit.IdsOnPath(unitPath).LastOrDefault(id => kindsOnPath.GetValueOrDefault(id) == OrgUnitKind.Region) is { } region && region != Guid.Empty
                ? region
                : unitId,
            DataScope.Own or DataScope.All or DataScope.OwnDealer => null,
        };
    }

    public static async Task<(Guid? Root, IReadOnlyList<Guid> Units)> ResolveAsync(
        SalesFlowDbContext db, DataScope scope, Guid? unitId, CancellationToken ct)
    {
        if (scope is not (DataScope.Team or DataScope.Region) || unitId is null)
        {
            return (null, []);
        }

        var path = await db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (path is null)
        {
            return (null, []);
        }

        var onPath = OrgUnit.IdsOnPath(path);
        var kinds = await db.OrgUnits.Where(u => onPath.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Kind, ct);
        var root = RootFor(scope, unitId, path, kinds);
        var rootPath = await db.OrgUnits.Where(u => u.Id == root).Select(u => u.Path).SingleAsync(ct);
        var units = await db.OrgUnits.Where(u => u.Path.StartsWith(rootPath)).Select(u => u.Id).ToListAsync(ct);
        return (root, units);
    }

    /// <summary>Employees the actor may see: everyone (All), their subtree (Team/Region), or only themselves.</summary>
    public static IQueryable<Employee> VisibleTo(this IQueryable<Employee> employees, Actor actor) => actor.Scope switch
    {
        DataScope.All => employees,
        DataScope.Team or DataScope.Region => employees.Where(e => actor.VisibleUnitIds.Contains(e.OrgUnitId) || e.Id == actor.EmployeeId),
        DataScope.Own => employees.Where(e => e.Id == actor.EmployeeId),
        DataScope.OwnDealer => employees.Where(e => false),
    };
}
