using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

/// <summary>
/// Edits an employee's own details. Unit, manager, position and the active flag change only through
/// their verbs (move, leave, rehire), so those fields, when sent and different, are refused by name.
/// </summary>
public sealed record UpdateEmployee(
    Guid Id,
    [property: Required, StringLength(Employee.NameMaxLength, MinimumLength = 1)] string Name,
    [property: StringLength(Employee.NameMaxLength)] string? NameEn,
    [property: StringLength(30), Phone] string? Mobile,
    [property: StringLength(200), EmailAddress] string? Email,
    [property: Required] DateOnly? HireDate,
    Guid? SecondaryOrgUnitId,
    [property: Required] int? Version,
    Guid? OrgUnitId = null,
    Guid? ManagerId = null,
    Position? Position = null,
    bool? IsActive = null);

public sealed class UpdateEmployeeHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, EmployeeQueries queries)
{
    public async Task<Result<EmployeeDetails>> HandleAsync(UpdateEmployee request, Actor actor, CancellationToken ct)
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
            return Error.StaleVersion("Employee", request.Version!.Value, employee.Version, (await queries.GetAsync(actor, employee.Id, ct)).Value);
        }

        if (ChangedReadOnlyField(request, employee) is { } field)
        {
            return Error.Invalid(field, "changeThroughAction");
        }

        if (request.SecondaryOrgUnitId is { } secondary && !await db.OrgUnits.AnyAsync(u => u.Id == secondary && !u.IsDeleted, ct))
        {
            return Error.Invalid("secondaryOrgUnitId", "notFound");
        }

        employee.UpdateDetails(request.Name.Trim(), request.NameEn?.Trim(), request.Mobile?.Trim(), request.Email?.Trim(), request.HireDate!.Value, request.SecondaryOrgUnitId);
        if (await db.SaveOrConflictAsync("Employee", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, employee.Id, ct);
    }

    private static string? ChangedReadOnlyField(UpdateEmployee request, Employee employee) =>
        request.OrgUnitId is { } unit && unit != employee.OrgUnitId ? "orgUnitId"
        : request.ManagerId is { } manager && manager != employee.ManagerId ? "managerId"
        : request.Position is { } position && position != employee.Position ? "position"
        : request.IsActive is { } active && active != employee.IsActive ? "isActive"
        : null;
}
