using SalesFlow.Core.Common;
using SalesFlow.Core.FieldWork;
using SalesFlow.Core.FieldWork.Travel;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.FieldWork;

public sealed record TravelListQuery(TravelStatus? Status, Guid? OwnerId, bool? Mine, bool? ToDecide, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record DecisionBody(string? Reason, int? Version);

internal static class TravelEndpoints
{
    public static void MapTravelEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/travel-requests").WithTags("Travel requests").RequireAuthorization(FieldWorkPermissions.View);
        group.MapGet("/", async ([AsParameters] TravelListQuery q, Actor actor, TravelQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, new TravelFilter(q.Status, q.OwnerId, q.Mine, q.ToDecide), ActivityEndpoints.Page(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk())
            .WithName("ListTravelRequests");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, TravelQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetTravelRequest");
        group.MapPost("/", async (SubmitTravelRequest request, Actor actor, SubmitTravelRequestHandler handler, CancellationToken ct) =>
        {
            var created = await handler.HandleAsync(request, actor, ct);
            return created.IsSuccess ? (IResult)TypedResults.Created($"/api/v1/travel-requests/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
        }).RequireAuthorization(FieldWorkPermissions.Edit).WithIdempotency().WithName("SubmitTravelRequest");

        var decide = group.MapGroup("").RequireAuthorization(FieldWorkPermissions.Manage);
        decide.MapPost("/{id:guid}/approve", (Guid id, DecisionBody? body, HttpRequest http, Actor actor, DecideTravelRequestHandler handler, CancellationToken ct) =>
            Decide(new DecideTravelRequest(id, TravelDecision.Approve, body?.Reason, Versions.From(http, body?.Version)), actor, handler, ct)).WithName("ApproveTravelRequest");
        decide.MapPost("/{id:guid}/reject", (Guid id, DecisionBody body, HttpRequest http, Actor actor, DecideTravelRequestHandler handler, CancellationToken ct) =>
            Decide(new DecideTravelRequest(id, TravelDecision.Reject, body.Reason, Versions.From(http, body.Version)), actor, handler, ct)).WithName("RejectTravelRequest");
        decide.MapPost("/{id:guid}/override", (Guid id, DecisionBody body, HttpRequest http, Actor actor, DecideTravelRequestHandler handler, CancellationToken ct) =>
            Decide(new DecideTravelRequest(id, TravelDecision.Override, body.Reason, Versions.From(http, body.Version)), actor, handler, ct)).WithName("OverrideTravelRequest");
    }

    private static async Task<IResult> Decide(DecideTravelRequest request, Actor actor, DecideTravelRequestHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(request, actor, ct)).ToOk();
}
