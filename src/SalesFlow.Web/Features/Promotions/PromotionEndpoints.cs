using SalesFlow.Core.Common;
using SalesFlow.Core.Promotions;
using SalesFlow.Web.Api;
using SalesFlow.Web.Features.Portal;

namespace SalesFlow.Web.Features.Promotions;

public sealed record PromotionListQuery(PromotionStatus? Status, PromotionKind? Kind, DateOnly? From, DateOnly? To, string? Sort, string? Cursor, int? PageSize, bool? Count);

/// <summary>POST/PUT body: the campaign's details and (when sent) its products; <c>version</c> (or If-Match) on PUT.</summary>
[AcceptsRepresentation(typeof(PromotionDetails))]
public sealed record PromotionBody(
    string? Name, PromotionKind? Kind, DateOnly? StartDate, DateOnly? EndDate, Guid? RegionId, string? Terms,
    IReadOnlyList<PromotionProductInput>? Products, int? Version = null) : RepresentationBody
{
    public PromotionInput ToInput() => new(Name, Kind, StartDate, EndDate, RegionId, Terms, Products);
}

/// <summary>PUT body of the allocations: the whole set for the dealers the caller sees.</summary>
public sealed record PromotionAllocationsBody(IReadOnlyList<PromotionAllocationInput>? Allocations, int? Version = null);

public sealed record PromotionVerbBody(int? Version = null);

/// <summary>Campaigns (<c>/api/v1/promotions</c>) and the dealer's running campaigns in the portal (<c>/api/v1/portal/promotions</c>).</summary>
internal static class PromotionEndpoints
{
    public static void MapPromotionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/promotions").WithTags("Promotions").RequireAuthorization(PromotionPermissions.View);
        group.MapGet("/", async ([AsParameters] PromotionListQuery q, Actor actor, PromotionQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, new PromotionFilter(q.Status, q.Kind, q.From, q.To), new PageRequest(q.Sort, q.Cursor, q.PageSize ?? 50, q.Count ?? true), ct)).ToOk())
            .WithName("ListPromotions");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, PromotionQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetPromotion");
        group.MapGet("/{id:guid}/tracking", async (Guid id, Actor actor, PromotionQueries queries, CancellationToken ct) =>
            (await queries.TrackingAsync(actor, id, ct)).ToOk()).WithName("GetPromotionTracking");
        group.MapPost("/", async Task<IResult> (PromotionBody body, Actor actor, PromotionHandler handler, CancellationToken ct) =>
            {
                var created = await handler.CreateAsync(body.ToInput(), actor, ct);
                return created.IsSuccess ? TypedResults.Created($"/api/v1/promotions/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
            })
            .RequireAuthorization(PromotionPermissions.Manage).WithIdempotency().WithName("CreatePromotion");
        group.MapPut("/{id:guid}", async (Guid id, PromotionBody body, HttpRequest http, Actor actor, PromotionQueries queries, PromotionHandler handler, CancellationToken ct) =>
            await Representation.RefuseChangedAsync(body, queries.GetAsync(actor, id, ct))
            ?? (await handler.UpdateAsync(id, body.ToInput(), Versions.From(http, body.Version), actor, ct)).ToOk())
            .RequireAuthorization(PromotionPermissions.Manage).WithName("UpdatePromotion");
        group.MapPut("/{id:guid}/allocations", async (Guid id, PromotionAllocationsBody body, HttpRequest http, Actor actor, PromotionHandler handler, CancellationToken ct) =>
            (await handler.SetAllocationsAsync(id, body.Allocations, Versions.From(http, body.Version), actor, ct)).ToOk())
            .RequireAuthorization(PromotionPermissions.Manage).WithName("SetPromotionAllocations");
        Step(group, "activate", PromotionStep.Activate, "ActivatePromotion");
        Step(group, "close", PromotionStep.Close, "ClosePromotion");
        Step(group, "cancel", PromotionStep.Cancel, "CancelPromotion");

        app.MapPortalPromotionEndpoints();
    }

    private static void Step(RouteGroupBuilder group, string verb, PromotionStep step, string name) =>
        group.MapPost($"/{{id:guid}}/{verb}", async (Guid id, PromotionVerbBody? body, HttpRequest http, Actor actor, PromotionHandler handler, CancellationToken ct) =>
            (await handler.StepAsync(id, step, Versions.From(http, body?.Version), actor, ct)).ToOk())
            .RequireAuthorization(PromotionPermissions.Manage).WithName(name);
}
