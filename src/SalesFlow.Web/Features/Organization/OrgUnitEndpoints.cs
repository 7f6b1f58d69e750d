using SalesFlow.Core.Common;
using SalesFlow.Core.Organization;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Organization;

/// <summary>PUT body: the representation GET returned, edited. Read-only fields are accepted and ignored.</summary>
public sealed record OrgUnitBody(
    string Code, string Name, string? NameEn, int? Version,
    Guid? Id = null, OrgUnitKind? Kind = null, Guid? ParentId = null, int? Depth = null, bool? IsDeleted = null, int? EmployeeCount = null);

public sealed record MoveOrgUnitBody(Guid NewParentId, int? Version);

internal static class OrgUnitEndpoints
{
    public static RouteGroupBuilder MapOrgUnitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/org-units").WithTags("Organization").RequireAuthorization(OrganizationPermissions.View);
        group.MapGet("/", async (bool? includeDeleted, Actor actor, OrgUnitQueries queries, CancellationToken ct) =>
            (await queries.TreeAsync(actor, includeDeleted ?? false, ct)).ToOk()).WithName("ListOrgUnits");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, OrgUnitQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetOrgUnit");
        group.MapGet("/{id:guid}/moves", async (Guid id, Actor actor, OrgUnitQueries queries, CancellationToken ct) =>
            (await queries.MovesAsync(actor, id, ct)).ToOk()).WithName("ListOrgUnitMoves");

        var manage = group.MapGroup("").RequireAuthorization(OrganizationPermissions.Manage);
        manage.MapPost("/", Create).WithIdempotency().WithName("CreateOrgUnit");
        manage.MapPut("/{id:guid}", Update).WithName("UpdateOrgUnit");
        manage.MapPost("/{id:guid}/move", Move).WithName("MoveOrgUnit");
        manage.MapDelete("/{id:guid}", async (Guid id, Actor actor, DeleteOrgUnitHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteOrgUnit(id), actor, ct)).ToNoContent()).WithName("DeleteOrgUnit");
        manage.MapPost("/{id:guid}/restore", async (Guid id, Actor actor, DeleteOrgUnitHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new RestoreOrgUnit(id), actor, ct)).ToNoContent()).WithName("RestoreOrgUnit");
        return group;
    }

    private static async Task<IResult> Create(CreateOrgUnit request, Actor actor, CreateOrgUnitHandler handler, OrgUnitQueries queries, CancellationToken ct)
    {
        var created = await handler.HandleAsync(request, actor, ct);
        if (!created.IsSuccess)
        {
            return created.Error!.ToProblem();
        }

        var unit = await queries.GetAsync(actor, created.Value, ct);
        return TypedResults.Created($"/api/v1/org-units/{created.Value}", unit.Value);
    }

    private static async Task<IResult> Update(Guid id, OrgUnitBody body, HttpRequest http, Actor actor, UpdateOrgUnitHandler handler, CancellationToken ct)
    {
        if (Versions.From(http, body.Version) is not { } version)
        {
            return Error.Invalid("version", "required").ToProblem();
        }

        var request = new UpdateOrgUnit(id, body.Code, body.Name, body.NameEn, version, body.ParentId, body.Kind);
        return (await handler.HandleAsync(request, actor, ct)).ToOk();
    }

    private static async Task<IResult> Move(Guid id, MoveOrgUnitBody body, HttpRequest http, Actor actor, MoveOrgUnitHandler handler, OrgUnitQueries queries, CancellationToken ct)
    {
        if (Versions.From(http, body.Version) is not { } version)
        {
            return Error.Invalid("version", "required").ToProblem();
        }

        var moved = await handler.HandleAsync(new MoveOrgUnit(id, body.NewParentId, version), actor, ct);
        return moved.IsSuccess ? (await queries.GetAsync(actor, id, ct)).ToOk() : moved.Error!.ToProblem();
    }
}
