using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Planning.Targets;

/// <summary>
/// A target owner as the rules need it: name, the unit that scopes the target (<see cref="OrgUnitId"/>) and the tree
/// path under which its children must lie (an org unit's own path; a person's or a dealer's unit path). A dealer also
/// names its area manager (<see cref="ManagerId"/>): the person whose target it shares.
/// </summary>
public sealed record TargetOwner(TargetOwnerType Type, Guid Id, string Name, Guid OrgUnitId, string UnitPath, Guid? ManagerId = null);

internal static class TargetOwners
{
    public static readonly OrgUnitKind[] SplitUnitKinds = [OrgUnitKind.Region, OrgUnitKind.Branch, OrgUnitKind.Team];

    public static readonly Position[] SplitPositions = [Position.SalesRep, Position.Supervisor];

    private static readonly Position[] SalesPositions = [Position.SalesRep, Position.Supervisor, Position.RegionalManager];

    /// <summary>
    /// Owner types a target cannot have yet or for this measure: stores (their sell-out is not recorded), and dealers for
    /// measures that have no dealer facts (new customers, market share).
    /// </summary>
    public static Error? Refuses(TargetOwnerType type, TargetMeasure measure) => type switch
    {
        TargetOwnerType.Store => TargetErrors.OwnerTypeNotAvailable,
        TargetOwnerType.Dealer when measure is TargetMeasure.NewCustomers or TargetMeasure.MarketShare => TargetErrors.MeasureNotForDealers(measure),
        _ => null,
    };

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

        if (type == TargetOwnerType.Dealer)
        {
            return await (from d in db.Dealers.AsNoTracking().VisibleTo(actor)
                          where d.Id == id && d.Status != DealerStatus.Terminated
                          join u in db.OrgUnits on d.OrgUnitId equals u.Id
                          select new TargetOwner(TargetOwnerType.Dealer, d.Id, d.Name, d.OrgUnitId, u.Path, d.ManagerId)).SingleOrDefaultAsync(ct);
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
    /// finance or logistics departments), and the reps and supervisors directly in it. Under a person: the dealers
    /// they manage that have not ended (company → region → team → rep → dealer).
    /// </summary>
    public static async Task<List<TargetOwner>> DefaultChildrenAsync(SalesFlowDbContext db, TargetOwner parent, CancellationToken ct)
    {
        if (parent.Type == TargetOwnerType.Employee)
        {
            return await (from d in db.Dealers.AsNoTracking()
                          where d.ManagerId == parent.Id && d.Status != DealerStatus.Terminated
                          join u in db.OrgUnits on d.OrgUnitId equals u.Id
                          orderby d.Code
                          select new TargetOwner(TargetOwnerType.Dealer, d.Id, d.Name, d.OrgUnitId, u.Path, d.ManagerId)).ToListAsync(ct);
        }

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
    /// active employees whose unit is in its subtree, dealers of its subtree (of a person: the dealers they manage).
    /// Unknown owners are 404, owners elsewhere 422 ownerNotBelow.
    /// </summary>
    public static async Task<Result<List<TargetOwner>>> BelowAsync(
        SalesFlowDbContext db, TargetOwner parent, IReadOnlyList<(TargetOwnerType Type, Guid Id)> owners, CancellationToken ct)
    {
        var unitIds = owners.Where(o => o.Type == TargetOwnerType.OrgUnit).Select(o => o.Id).ToList();
        var employeeIds = owners.Where(o => o.Type == TargetOwnerType.Employee).Select(o => o.Id).ToList();
        var dealerIds = owners.Where(o => o.Type == TargetOwnerType.Dealer).Select(o => o.Id).ToList();
        var dealers = dealerIds.Count == 0
            ? []
            : await (from d in db.Dealers.AsNoTracking()
                     where dealerIds.Contains(d.Id) && d.Status != DealerStatus.Terminated
                     join u in db.OrgUnits on d.OrgUnitId equals u.Id
                     select new TargetOwner(TargetOwnerType.Dealer, d.Id, d.Name, d.OrgUnitId, u.Path, d.ManagerId)).ToDictionaryAsync(d => d.Id, ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id) && !u.IsDeleted)
            .Select(u => new TargetOwner(TargetOwnerType.OrgUnit, u.Id, u.Name, u.Id, u.Path)).ToDictionaryAsync(u => u.Id, ct);
        var people = await (from e in db.Employees.AsNoTracking()
                            where employeeIds.Contains(e.Id) && e.IsActive
                            join u in db.OrgUnits on e.OrgUnitId equals u.Id
                            select new TargetOwner(TargetOwnerType.Employee, e.Id, e.Name, e.OrgUnitId, u.Path)).ToDictionaryAsync(e => e.Id, ct);
        var result = new List<TargetOwner>(owners.Count);
        foreach (var (type, id) in owners)
        {
            var owner = type switch
            {
                TargetOwnerType.OrgUnit => units.GetValueOrDefault(id),
                TargetOwnerType.Employee => people.GetValueOrDefault(id),
                _ => dealers.GetValueOrDefault(id),
            };
            if (owner is null)
            {
                return Error.NotFound(type switch { TargetOwnerType.OrgUnit => nameof(OrgUnit), TargetOwnerType.Employee => nameof(Employee), _ => nameof(Dealer) }, id);
            }

            var below = parent.Type switch
            {
                TargetOwnerType.OrgUnit => parent.UnitPath.Length > 0
                    && owner.UnitPath.StartsWith(parent.UnitPath, StringComparison.Ordinal)
                    && (type != TargetOwnerType.OrgUnit || owner.Id != parent.Id),
                TargetOwnerType.Employee => type == TargetOwnerType.Dealer && owner.ManagerId == parent.Id,
                _ => false,
            };
            if (!below)
            {
                return TargetErrors.OwnerNotBelow(owner.Name);
            }

            result.Add(owner);
        }

        return result;
    }
}
