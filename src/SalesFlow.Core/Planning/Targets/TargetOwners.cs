using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Planning.Targets;

/// <summary>
/// A target owner as the rules need it: name, the unit that scopes the target (<see cref="OrgUnitId"/>) and the tree
/// path under which its children must lie (an org unit's own path; an employee has no children until dealers exist).
/// </summary>
public sealed record TargetOwner(TargetOwnerType Type, Guid Id, string Name, Guid OrgUnitId, string UnitPath);

internal static class TargetOwners
{
    public static readonly OrgUnitKind[] SplitUnitKinds = [OrgUnitKind.Region, OrgUnitKind.Branch, OrgUnitKind.Team];

    public static readonly Position[] SplitPositions = [Position.SalesRep, Position.Supervisor];

    private static readonly Position[] SalesPositions = [Position.SalesRep, Position.Supervisor, Position.RegionalManager];

    /// <summary>The owner if it exists and the actor sees it; null otherwise.</summary>
    public static async Task<TargetOwner?> FindVisibleAsync(SalesFlowDbContext db, Actor actor, TargetOwnerType type, Guid id, CancellationToken ct)
    {
        if (type == TargetOwnerType.OrgUnit)
        {
            if (actor.Scope != DataScope.All && !actor.VisibleUnitIds.Contains(id))
            {
                return null;
            }

            return await db.OrgUnits.AsNoTracking().Where(u => u.Id == id && !u.IsDeleted)
                .Select(u => new TargetOwner(TargetOwnerType.OrgUnit, u.Id, u.Name, u.Id, u.Path)).SingleOrDefaultAsync(ct);
        }

        return await (from e in db.Employees.AsNoTracking().VisibleTo(actor)
                      where e.Id == id
                      join u in db.OrgUnits on e.OrgUnitId equals u.Id
                      select new TargetOwner(TargetOwnerType.Employee, e.Id, e.Name, e.OrgUnitId, u.Path)).SingleOrDefaultAsync(ct);
    }

    /// <summary>The owner of an existing target, whatever the actor's scope (the target itself was scope-checked).</summary>
    public static async Task<TargetOwner> OfAsync(SalesFlowDbContext db, Target target, CancellationToken ct) =>
        await FindVisibleAsync(db, Actor.System, target.OwnerType, target.OwnerId, ct)
        ?? new TargetOwner(target.OwnerType, target.OwnerId, target.OwnerId.ToString(), target.OrgUnitId, "");

    /// <summary>
    /// The next level under an org unit: its child regions and teams, its branches that have sales people (not the
    /// finance or logistics departments), and the reps and supervisors directly in it.
    /// </summary>
    public static async Task<List<TargetOwner>> DefaultChildrenAsync(SalesFlowDbContext db, TargetOwner parent, CancellationToken ct)
    {
        if (parent.Type != TargetOwnerType.OrgUnit)
        {
            return [];
        }

        var units = await db.OrgUnits.AsNoTracking()
            .Where(u => u.ParentId == parent.Id && !u.IsDeleted && SplitUnitKinds.Contains(u.Kind))
            .Where(u => u.Kind != OrgUnitKind.Branch || db.OrgUnits.Any(s => s.Path.StartsWith(u.Path)
                && db.Employees.Any(e => e.OrgUnitId == s.Id && e.IsActive && SalesPositions.Contains(e.Position))))
            .OrderBy(u => u.Code).ThenBy(u => u.Name)
            .Select(u => new TargetOwner(TargetOwnerType.OrgUnit, u.Id, u.Name, u.Id, u.Path)).ToListAsync(ct);
        var people = await db.Employees.AsNoTracking()
            .Where(e => e.OrgUnitId == parent.Id && e.IsActive && SplitPositions.Contains(e.Position))
            .OrderBy(e => e.Position).ThenBy(e => e.EmployeeNo)
            .Select(e => new TargetOwner(TargetOwnerType.Employee, e.Id, e.Name, e.OrgUnitId, parent.UnitPath)).ToListAsync(ct);
        return [.. units, .. people];
    }

    /// <summary>
    /// The named owners, each strictly below <paramref name="parent"/> in the tree: units in its subtree (not itself),
    /// active employees whose unit is in its subtree. Unknown owners are 404, owners elsewhere 422 ownerNotBelow.
    /// </summary>
    public static async Task<Result<List<TargetOwner>>> BelowAsync(
        SalesFlowDbContext db, TargetOwner parent, IReadOnlyList<(TargetOwnerType Type, Guid Id)> owners, CancellationToken ct)
    {
        var unitIds = owners.Where(o => o.Type == TargetOwnerType.OrgUnit).Select(o => o.Id).ToList();
        var employeeIds = owners.Where(o => o.Type == TargetOwnerType.Employee).Select(o => o.Id).ToList();
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id) && !u.IsDeleted)
            .Select(u => new TargetOwner(TargetOwnerType.OrgUnit, u.Id, u.Name, u.Id, u.Path)).ToDictionaryAsync(u => u.Id, ct);
        var people = await (from e in db.Employees.AsNoTracking()
                            where employeeIds.Contains(e.Id) && e.IsActive
                            join u in db.OrgUnits on e.OrgUnitId equals u.Id
                            select new TargetOwner(TargetOwnerType.Employee, e.Id, e.Name, e.OrgUnitId, u.Path)).ToDictionaryAsync(e => e.Id, ct);
        var result = new List<TargetOwner>(owners.Count);
        foreach (var (type, id) in owners)
        {
            var owner = type == TargetOwnerType.OrgUnit ? units.GetValueOrDefault(id) : people.GetValueOrDefault(id);
            if (owner is null)
            {
                return Error.NotFound(type == TargetOwnerType.OrgUnit ? nameof(OrgUnit) : nameof(Employee), id);
            }

            var below = parent.Type == TargetOwnerType.OrgUnit && parent.UnitPath.Length > 0
                && owner.UnitPath.StartsWith(parent.UnitPath, StringComparison.Ordinal)
                && (type == TargetOwnerType.Employee || owner.Id != parent.Id);
            if (!below)
            {
                return TargetErrors.OwnerNotBelow(owner.Name);
            }

            result.Add(owner);
        }

        return result;
    }
}
