using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public sealed record CreateEmployee(
    [property: Required, StringLength(Employee.NameMaxLength, MinimumLength = 1)] string Name,
    [property: StringLength(Employee.NameMaxLength)] string? NameEn,
    [property: Required] Position? Position,
    [property: Required] Guid? OrgUnitId,
    Guid? ManagerId,
    DateOnly? HireDate,
    [property: StringLength(30), Phone] string? Mobile,
    [property: StringLength(200), EmailAddress] string? Email);

public sealed class CreateEmployeeHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, EmployeeQueries queries)
{
    public async Task<Result<EmployeeDetails>> HandleAsync(CreateEmployee request, Actor actor, CancellationToken ct)
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
        if (!await db.OrgUnits.AnyAsync(u => u.Id == request.OrgUnitId && !u.IsDeleted, ct))
        {
            return Error.Invalid("orgUnitId", "notFound");
        }

        if (request.ManagerId is { } managerId && !await db.Employees.AnyAsync(e => e.Id == managerId && e.IsActive, ct))
        {
            return OrganizationErrors.ManagerInactive;
        }

        var hireDate = request.HireDate ?? clock.Today;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await SequenceNumbers.NextAsync(db, Employee.NumberSeries, SequenceNumbers.NoYear, ct);
        var employee = new Employee(
            number, request.Name.Trim(), request.NameEn?.Trim(), request.Position!.Value, request.OrgUnitId!.Value, request.ManagerId, hireDate,
            request.Mobile?.Trim(), request.Email?.Trim());
        db.Employees.Add(employee);
        db.EmployeeAssignments.Add(new EmployeeAssignment(employee.Id, employee.OrgUnitId, employee.ManagerId, employee.Position, hireDate));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, employee.Id, ct);
    }
}
