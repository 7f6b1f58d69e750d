using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public sealed record MoveEmployee(
    Guid Id,
    [property: Required] Guid? OrgUnitId,
    Guid? ManagerId,
    [property: Required] Position? Position,
    DateOnly? EffectiveDate,
    [property: Required] int? Version);

/// <summary>Moves an employee to another unit, manager or position; the previous assignment is closed, not overwritten.</summary>
public sealed class MoveEmployeeHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, EmployeeQueries queries)
{
    private const int MaxManagerDepth = 50;

    public async Task<Result<EmployeeDetails>> HandleAsync(MoveEmployee request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var employee = await db.Employees.VisibleTo(actor).SingleOrDefaultAsync(e => e.Id == request.Id, ct);
        if (employee is null)
        {
            return OrganizationErrors.EmployeeNotFound(request.Id);
        }

        if (employee.Version != request.Version)
        {
            return Error.StaleVersion("Employee", request.Version!.Value, employee.Version);
        }

        if (!await db.OrgUnits.AnyAsync(u => u.Id == request.OrgUnitId && !u.IsDeleted, ct))
        {
            return Error.Invalid("orgUnitId", "notFound");
        }

        var chain = new List<Guid>();
        for (var next = request.ManagerId; next is { } managerId && chain.Count < MaxManagerDepth && !chain.Contains(managerId);)
        {
            var manager = await db.Employees.Where(e => e.Id == managerId).Select(e => new { e.IsActive, e.ManagerId }).SingleOrDefaultAsync(ct);
            if (manager is null || (chain.Count == 0 && !manager.IsActive))
            {
                return OrganizationErrors.ManagerInactive;
            }

            chain.Add(managerId);
            next = manager.ManagerId;
        }

        var effective = request.EffectiveDate ?? clock.Today;
        var current = await db.EmployeeAssignments.Where(a => a.EmployeeId == employee.Id && a.Until == null).ToListAsync(ct);
        var moved = employee.Reassign(request.OrgUnitId!.Value, request.ManagerId, request.Position!.Value, effective, chain);
        if (!moved.IsSuccess)
        {
            return moved.Error!;
        }

        foreach (var open in current)
        {
            open.Close(effective);
        }

        db.EmployeeAssignments.Add(moved.Value!);
        if (await db.SaveOrConflictAsync("Employee", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, employee.Id, ct);
    }
}
