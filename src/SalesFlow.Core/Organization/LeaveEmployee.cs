using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public sealed record LeaveEmployee(Guid Id, DateOnly? LastDay, int Version);

public sealed record RehireEmployee(Guid Id, int Version);

/// <summary>
/// An employee leaves or comes back. Leaving does not delete anything: their history stays, and their
/// sign-in (if any) is disabled so old tokens stop working.
/// </summary>
public sealed class LeaveEmployeeHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public async Task<Result> HandleAsync(LeaveEmployee request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var employee = await db.Employees.VisibleTo(actor).SingleOrDefaultAsync(e => e.Id == request.Id, ct);
        if (employee is null)
        {
            return OrganizationErrors.EmployeeNotFound(request.Id);
        }

        if (employee.Version != request.Version)
        {
            return Error.StaleVersion("Employee", request.Version, employee.Version);
        }

        var lastDay = request.LastDay ?? clock.Today;
        var left = employee.Leave(lastDay);
        if (!left.IsSuccess)
        {
            return left;
        }

        foreach (var open in await db.EmployeeAssignments.Where(a => a.EmployeeId == employee.Id && a.Until == null).ToListAsync(ct))
        {
            open.Close(lastDay);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.EmployeeId == employee.Id, ct);
        if (user is { IsDisabled: false })
        {
            user.Disable(actor.UserId);
            await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        }

        if (await db.SaveOrConflictAsync("Employee", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    public async Task<Result> HandleAsync(RehireEmployee request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var employee = await db.Employees.VisibleTo(actor).SingleOrDefaultAsync(e => e.Id == request.Id, ct);
        if (employee is null)
        {
            return OrganizationErrors.EmployeeNotFound(request.Id);
        }

        if (employee.Version != request.Version)
        {
            return Error.StaleVersion("Employee", request.Version, employee.Version);
        }

        var rehired = employee.Rehire();
        if (!rehired.IsSuccess)
        {
            return rehired;
        }

        db.EmployeeAssignments.Add(new EmployeeAssignment(employee.Id, employee.OrgUnitId, employee.ManagerId, employee.Position, clock.Today));
        return await db.SaveOrConflictAsync("Employee", ct) is { } conflict ? conflict : Result.Ok();
    }
}
