using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Leads;

/// <summary>
/// Who gets a new lead: a named owner (in the caller's scope); else the capturing rep; else round-robin among
/// the active reps of the lead's region within the caller's scope — the rep whose last lead was assigned
/// longest ago (never first), so the capturer can always see what they captured.
/// </summary>
public static class LeadAssignment
{
    public sealed record Owner(Guid EmployeeId, Guid OrgUnitId);

    public static Task<Result<Owner>> ChooseAsync(SalesFlowDbContext db, Actor actor, Guid? namedOwner, Guid? regionId, CancellationToken ct) =>
        new Rotation(db, actor).ChooseAsync(namedOwner, regionId, assigning: false, ct);

    /// <summary>
    /// The round-robin over many new leads (an import): each region's reps are read once, in the rule's order, and a
    /// rep who takes a lead goes to the back of the line, exactly where the rule would put them once it is saved.
    /// </summary>
    public sealed class Rotation(SalesFlowDbContext db, Actor actor)
    {
        private readonly Dictionary<Guid, LinkedList<Owner>> _lines = [];

        /// <summary>The owner of a new lead; <paramref name="assigning"/> moves a round-robin pick to the back.</summary>
        public async Task<Result<Owner>> ChooseAsync(Guid? namedOwner, Guid? regionId, bool assigning, CancellationToken ct)
        {
            if (namedOwner is { } named)
            {
                var owner = await db.Employees.VisibleTo(actor).Where(e => e.Id == named && e.IsActive).Select(e => new Owner(e.Id, e.OrgUnitId)).SingleOrDefaultAsync(ct);
                return owner is null ? Error.Invalid("ownerId", "notFound") : owner;
            }

            if (actor.Scope == DataScope.Own && actor.EmployeeId is { } self && actor.OrgUnitId is { } unit)
            {
                return new Owner(self, unit);
            }

            if (regionId is not { } region)
            {
                return Error.Invalid("region", "required");
            }

            if (!_lines.TryGetValue(region, out var line))
            {
                _lines[region] = line = new LinkedList<Owner>(await LineAsync(region, ct));
            }

            if (line.First is not { } next)
            {
                return LeadErrors.NoOwnerAvailable;
            }

            if (assigning)
            {
                line.RemoveFirst();
                line.AddLast(next);
            }

            return next.Value;
        }

        /// <summary>The region's active reps in the caller's scope, the one whose last lead is oldest (or who has none) first.</summary>
        private async Task<List<Owner>> LineAsync(Guid regionId, CancellationToken ct)
        {
            var regionPath = await db.OrgUnits.Where(u => u.Id == regionId).Select(u => u.Path).SingleAsync(ct);
            var regionUnits = db.OrgUnits.Where(u => u.Path.StartsWith(regionPath)).Select(u => u.Id);
            return await db.Employees.VisibleTo(actor)
                .Where(e => e.IsActive && e.Position == Position.SalesRep && regionUnits.Contains(e.OrgUnitId))
                .Select(e => new { e.Id, e.OrgUnitId, e.EmployeeNo, Last = db.Leads.Where(l => l.OwnerId == e.Id).Max(l => l.AssignedAtUtc) })
                .OrderBy(e => e.Last.HasValue).ThenBy(e => e.Last).ThenBy(e => e.EmployeeNo)
                .Select(e => new Owner(e.Id, e.OrgUnitId))
                .ToListAsync(ct);
        }
    }
}
