using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public sealed record EmployeeRow(
    Guid Id, string EmployeeNo, string Name, string? NameEn, Position Position, Guid OrgUnitId, string OrgUnitName,
    Guid? ManagerId, string? ManagerName, bool IsActive, string? Mobile, string? Email, DateOnly HireDate);

public sealed record EmployeeDetails(
    Guid Id, string EmployeeNo, string Name, string? NameEn, Position Position, Guid OrgUnitId, string OrgUnitName,
    Guid? SecondaryOrgUnitId, Guid? ManagerId, string? ManagerName, string? Mobile, string? Email, DateOnly HireDate,
    DateOnly? LeftOn, bool IsActive, string? UserName, int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record EmployeeAssignmentRow(Guid Id, Guid OrgUnitId, string OrgUnitName, Guid? ManagerId, string? ManagerName, Position Position, DateOnly From, DateOnly? Until);

public sealed record EmployeeFilter(string? Q = null, Guid? OrgUnitId = null, bool IncludeSubUnits = true, Position? Position = null, bool? Active = null);

public sealed class EmployeeQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<Employee> Sorts = new(
        "name",
        SortOption<Employee>.By("name", e => e.Name),
        SortOption<Employee>.By("employeeNo", e => e.EmployeeNo),
        SortOption<Employee>.By("hireDate", e => e.HireDate),
        SortOption<Employee>.By("createdAt", e => e.CreatedAtUtc));

    public async Task<Result<Page<EmployeeRow>>> ListAsync(Actor actor, EmployeeFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The company's people: a dealer's sales staff are listed on the dealer (Dealers/Staff), not in the org tree.
        var query = db.Employees.AsNoTracking().VisibleTo(actor).Where(e => e.DealerId == null);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(e => e.Name.Contains(q) || e.EmployeeNo.Contains(q) || (e.NameEn != null && e.NameEn.Contains(q)) || (e.Mobile != null && e.Mobile.Contains(q)));
        }

        if (filter.OrgUnitId is { } unitId)
        {
            if (filter.IncludeSubUnits)
            {
                var path = db.OrgUnits.Where(u => u.Id == unitId).Select(u => u.Path);
                var units = db.OrgUnits.Where(u => path.Any(p => u.Path.StartsWith(p))).Select(u => u.Id);
                query = query.Where(e => units.Contains(e.OrgUnitId));
            }
            else
            {
                query = query.Where(e => e.OrgUnitId == unitId);
            }
        }

        if (filter.Position is { } position)
        {
            query = query.Where(e => e.Position == position);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(e => e.IsActive == active);
        }

        return await Sorts.PageAsync(query, page, e => new EmployeeRow(
            e.Id, e.EmployeeNo, e.Name, e.NameEn, e.Position, e.OrgUnitId,
            db.OrgUnits.Where(u => u.Id == e.OrgUnitId).Select(u => u.Name).First(),
            e.ManagerId,
            db.Employees.Where(m => m.Id == e.ManagerId).Select(m => m.Name).FirstOrDefault(),
            e.IsActive, e.Mobile, e.Email, e.HireDate), ct);
    }

    public async Task<Result<EmployeeDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var details = await db.Employees.AsNoTracking().VisibleTo(actor).Where(e => e.Id == id)
            .Select(e => new EmployeeDetails(
                e.Id, e.EmployeeNo, e.Name, e.NameEn, e.Position, e.OrgUnitId,
                db.OrgUnits.Where(u => u.Id == e.OrgUnitId).Select(u => u.Name).First(),
                e.SecondaryOrgUnitId, e.ManagerId,
                db.Employees.Where(m => m.Id == e.ManagerId).Select(m => m.Name).FirstOrDefault(),
                e.Mobile, e.Email, e.HireDate, e.LeftOn, e.IsActive,
                db.Users.Where(u => u.EmployeeId == e.Id).Select(u => u.UserName).FirstOrDefault(),
                e.Version, e.CreatedAtUtc, e.CreatedBy, e.UpdatedAtUtc, e.UpdatedBy))
            .SingleOrDefaultAsync(ct);
        return details is null ? OrganizationErrors.EmployeeNotFound(id) : details;
    }

    public async Task<Result<IReadOnlyList<EmployeeAssignmentRow>>> AssignmentsAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Employees.VisibleTo(actor).AnyAsync(e => e.Id == id, ct))
        {
            return OrganizationErrors.EmployeeNotFound(id);
        }

        var rows = await db.EmployeeAssignments.AsNoTracking().Where(a => a.EmployeeId == id)
            .OrderByDescending(a => a.From).ThenByDescending(a => a.Id)
            .Select(a => new EmployeeAssignmentRow(
                a.Id, a.OrgUnitId, db.OrgUnits.Where(u => u.Id == a.OrgUnitId).Select(u => u.Name).First(),
                a.ManagerId, db.Employees.Where(m => m.Id == a.ManagerId).Select(m => m.Name).FirstOrDefault(),
                a.Position, a.From, a.Until))
            .ToListAsync(ct);
        return rows;
    }
}
