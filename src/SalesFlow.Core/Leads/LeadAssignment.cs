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

    public static async Task<Result<Owner>> ChooseAsync(SalesFlowDbContext db, Actor actor, Guid? namedOwner, Guid? regionId, CancellationToken ct)
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

        if (regionId is null)
        {
            return Error.Invalid("region", "required");
        }

        var regionPath = await db.OrgUnits.Where(u => u.Id == regionId).Select(u => u.Path).SingleAsync(ct);
        var regionUnits = db.OrgUnits.Where(u => u.Path.StartsWith(regionPath)).Select(u => u.Id);
        var next = await db.Employees.VisibleTo(actor)
            .Where(e => e.IsActive && e.Position == Position.SalesRep && regionUnits.Contains(e.OrgUnitId))
            .Select(e => new { e.Id, e.OrgUnitId, e.EmployeeNo, Last = db.Leads.Where(l => l.OwnerId == e.Id).Max(l => l.AssignedAtUtc) })
            .OrderBy(e => e.Last.HasValue).ThenBy(e => e.Last).ThenBy(e => e.EmployeeNo)
            .FirstOrDefaultAsync(ct);
        return next is null ? LeadErrors.NoOwnerAvailable : new Owner(next.Id, next.OrgUnitId);
    }
}
