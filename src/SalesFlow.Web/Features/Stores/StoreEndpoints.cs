using SalesFlow.Core.Common;
using SalesFlow.Core.Stores;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Stores;

public sealed record StoreListQuery(string? Q, StoreClass? Class, Guid? DealerId, string? City, bool? Active, string? Sort, string? Cursor, int? PageSize, bool? Count);

/// <summary>PUT body: the representation GET returned, edited. Name, class, place, address and contact are applied; the rest is ignored.</summary>
[AcceptsRepresentation(typeof(StoreDetails))]
public sealed record StoreBody(
    string? Name, StoreClass? Class, int? Version, string? Province = null, string? City = null, string? Address = null, string? ContactName = null, string? Phone = null)
    : RepresentationBody;

public sealed record StoreVerbBody(int? Version = null);

/// <summary>Stores (<c>/api/v1/stores</c>): internal users within their scope, dealer users for their own dealer's stores.</summary>
internal static class StoreEndpoints
{
    public static RouteGroupBuilder MapStoreEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/stores").WithTags("Stores").RequireAuthorization(StorePermissions.View);
        group.MapGet("/", async ([AsParameters] StoreListQuery query, Actor actor, StoreQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, new StoreFilter(query.Q, query.Class, query.DealerId, query.City, query.Active),
                new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk()).WithName("ListStores");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, StoreQueries queries, CancellationToken ct) => (await queries.GetAsync(actor, id, ct)).ToOk())
            .WithName("GetStore");

        var manage = group.MapGroup("").RequireAuthorization(StorePermissions.Manage);
        manage.MapPost("/", async Task<IResult> (CreateStore request, Actor actor, StoreHandler handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(request, actor, ct);
            return created.IsSuccess ? TypedResults.Created($"/api/v1/stores/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
        }).WithIdempotency().WithName("CreateStore");
        manage.MapPut("/{id:guid}", async (Guid id, StoreBody body, HttpRequest http, Actor actor, StoreQueries queries, StoreHandler handler, CancellationToken ct) =>
            await Representation.RefuseChangedAsync(body, queries.GetAsync(actor, id, ct))
            ?? (await handler.UpdateAsync(new UpdateStore(id, body.Name, body.Class, Versions.From(http, body.Version), body.Province, body.City, body.Address, body.ContactName, body.Phone), actor, ct)).ToOk())
            .WithName("UpdateStore");
        manage.MapPost("/{id:guid}/close", async (Guid id, HttpRequest http, Actor actor, StoreHandler handler, CancellationToken ct) =>
        {
            var (body, problem) = await OptionalBody.ReadAsync<StoreVerbBody>(http, ct);
            return problem ?? (await handler.CloseAsync(id, Versions.From(http, body?.Version), actor, ct)).ToOk();
        }).WithOptionalBody<StoreVerbBody>().WithName("CloseStore");
        manage.MapPost("/{id:guid}/reopen", async (Guid id, HttpRequest http, Actor actor, StoreHandler handler, CancellationToken ct) =>
        {
            var (body, problem) = await OptionalBody.ReadAsync<StoreVerbBody>(http, ct);
            return problem ?? (await handler.ReopenAsync(id, Versions.From(http, body?.Version), actor, ct)).ToOk();
        }).WithOptionalBody<StoreVerbBody>().WithName("ReopenStore");
        app.MapStoreCheckEndpoints();
        return group;
    }
}
