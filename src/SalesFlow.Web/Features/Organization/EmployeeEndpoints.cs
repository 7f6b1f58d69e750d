using SalesFlow.Core.Common;
using SalesFlow.Core.Organization;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Organization;

/// <summary>PUT body: the representation GET returned, edited. Read-only fields are accepted and ignored.</summary>
public sealed record EmployeeBody(
    string Name, string? NameEn, string? Mobile, string? Email, DateOnly? HireDate, Guid? SecondaryOrgUnitId, int? Version,
    Guid? Id = null, string? EmployeeNo = null, Position? Position = null, Guid? OrgUnitId = null, string? OrgUnitName = null,
    Guid? ManagerId = null, string? ManagerName = null, DateOnly? LeftOn = null, bool? IsActive = null, string? UserName = null,
    DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null, string? UpdatedBy = null);

public sealed record MoveEmployeeBody(Guid? OrgUnitId, Guid? ManagerId, Position? Position, DateOnly? EffectiveDate, int? Version);

public sealed record LeaveEmployeeBody(DateOnly? LastDay, int? Version);

public sealed record VersionBody(int? Version);

public sealed record EmployeeListQuery(
    string? Q, Guid? OrgUnitId, bool? IncludeSubUnits, Position? Position, bool? Active, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class EmployeeEndpoints
{
    public static RouteGroupBuilder MapEmployeeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/employees").WithTags("Organization").RequireAuthorization(OrganizationPermissions.View);
        group.MapGet("/", List).WithName("ListEmployees");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, EmployeeQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetEmployee");
        group.MapGet("/{id:guid}/assignments", async (Guid id, Actor actor, EmployeeQueries queries, CancellationToken ct) =>
            (await queries.AssignmentsAsync(actor, id, ct)).ToOk()).WithName("ListEmployeeAssignments");

        var manage = group.MapGroup("").RequireAuthorization(OrganizationPermissions.Manage);
        manage.MapPost("/", Create).WithIdempotency().WithName("CreateEmployee");
        manage.MapPut("/{id:guid}", Update).WithName("UpdateEmployee");
        manage.MapPost("/{id:guid}/move", Move).WithName("MoveEmployee");
        manage.MapPost("/{id:guid}/leave", Leave).WithName("LeaveEmployee");
        manage.MapPost("/{id:guid}/rehire", Rehire).WithName("RehireEmployee");
        return group;
    }

    private static async Task<IResult> List([AsParameters] EmployeeListQuery query, Actor actor, EmployeeQueries queries, CancellationToken ct)
    {
        var filter = new EmployeeFilter(query.Q, query.OrgUnitId, query.IncludeSubUnits ?? true, query.Position, query.Active);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Create(CreateEmployee request, Actor actor, CreateEmployeeHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(request, actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/employees/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, EmployeeBody body, HttpRequest http, Actor actor, UpdateEmployeeHandler handler, CancellationToken ct)
    {
        var request = new UpdateEmployee(
            id, body.Name, body.NameEn, body.Mobile, body.Email, body.HireDate, body.SecondaryOrgUnitId, Versions.From(http, body.Version),
            body.OrgUnitId, body.ManagerId, body.Position, body.IsActive);
        return (await handler.HandleAsync(request, actor, ct)).ToOk();
    }

    private static async Task<IResult> Move(Guid id, MoveEmployeeBody body, HttpRequest http, Actor actor, MoveEmployeeHandler handler, CancellationToken ct)
    {
        var request = new MoveEmployee(id, body.OrgUnitId, body.ManagerId, body.Position, body.EffectiveDate, Versions.From(http, body.Version));
        return (await handler.HandleAsync(request, actor, ct)).ToOk();
    }

    private static async Task<IResult> Leave(Guid id, LeaveEmployeeBody body, HttpRequest http, Actor actor, LeaveEmployeeHandler handler, EmployeeQueries queries, CancellationToken ct)
    {
        if (Versions.From(http, body.Version) is not { } version)
        {
            return Error.Invalid("version", "required").ToProblem();
        }

        var left = await handler.HandleAsync(new LeaveEmployee(id, body.LastDay, version), actor, ct);
        return left.IsSuccess ? (await queries.GetAsync(actor, id, ct)).ToOk() : left.Error!.ToProblem();
    }

    private static async Task<IResult> Rehire(Guid id, VersionBody body, HttpRequest http, Actor actor, LeaveEmployeeHandler handler, EmployeeQueries queries, CancellationToken ct)
    {
        if (Versions.From(http, body.Version) is not { } version)
        {
            return Error.Invalid("version", "required").ToProblem();
        }

        var rehired = await handler.HandleAsync(new RehireEmployee(id, version), actor, ct);
        return rehired.IsSuccess ? (await queries.GetAsync(actor, id, ct)).ToOk() : rehired.Error!.ToProblem();
    }
}
