using SalesFlow.Core.Common;
using SalesFlow.Core.FieldWork;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.FieldWork;

public sealed record VisitListQuery(
    Guid? OwnerId, Guid? CustomerId, VisitStatus? Status, DateOnly? From, DateOnly? To, bool? Missed, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record CadenceQuery(Guid? CustomerId, Guid? OwnerId, bool? Overdue, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record CheckInBody(double? Latitude, double? Longitude, int? Version);

public sealed record CheckOutBody(
    double? Latitude, double? Longitude, string? Outcome, bool? ShelfDisplayOk, bool? StockOk, bool? PriceOk, bool? StaffRecommends,
    string? ChecklistNotes, bool? Breakthrough, int? Version, int? StaffAsked = null, int? StaffRecommending = null, IReadOnlyList<string>? MissingLines = null);

public sealed record RescheduleBody(DateOnly? Date, string? Purpose, int? Version);

public sealed record BreakthroughBody(bool Breakthrough, int? Version);

public sealed record VersionBody(int? Version);

/// <summary>A grid cell as GET returns it; the customer's name is read-only.</summary>
public sealed record RouteStopBody(int Week, DayOfWeek? Day, Guid? CustomerId, string? CustomerName = null);

public sealed record RoutePlanBody(
    string Name, int CycleWeeks, DateOnly? StartsOn, IReadOnlyList<RouteStopBody>? Stops, bool? IsActive, Guid? OwnerId, int? Version,
    Guid? Id = null, string? OwnerName = null);

public sealed record GenerateBody(DateOnly From, DateOnly To);

internal static class VisitEndpoints
{
    public static void MapVisitEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/visits").WithTags("Visits").RequireAuthorization(FieldWorkPermissions.View);
        group.MapGet("/", async ([AsParameters] VisitListQuery q, Actor actor, VisitQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, new VisitFilter(q.OwnerId, q.CustomerId, q.Status, q.From, q.To, q.Missed), ActivityEndpoints.Page(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk())
            .WithName("ListVisits");
        group.MapGet("/cadence", async ([AsParameters] CadenceQuery q, Actor actor, VisitQueries queries, CancellationToken ct) =>
            (await queries.CadenceAsync(actor, q.CustomerId, q.OwnerId, q.Overdue ?? false, ActivityEndpoints.Page(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk())
            .WithName("ListVisitCadence");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, VisitQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetVisit");

        var edit = group.MapGroup("").RequireAuthorization(FieldWorkPermissions.Edit);
        edit.MapPost("/", async (PlanVisit request, Actor actor, PlanVisitHandler handler, CancellationToken ct) =>
        {
            var created = await handler.HandleAsync(request, actor, ct);
            return created.IsSuccess ? (IResult)TypedResults.Created($"/api/v1/visits/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
        }).WithIdempotency().WithName("PlanVisit");
        edit.MapPost("/{id:guid}/check-in", async (Guid id, CheckInBody? body, HttpRequest http, Actor actor, VisitStepsHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new CheckIn(id, body?.Latitude, body?.Longitude, Versions.From(http, body?.Version)), actor, ct)).ToOk())
            .WithName("CheckInVisit");
        edit.MapPost("/{id:guid}/check-out", async (Guid id, CheckOutBody? body, HttpRequest http, Actor actor, VisitStepsHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(
                new CheckOut(id, body?.Latitude, body?.Longitude, body?.Outcome, body?.ShelfDisplayOk, body?.StockOk, body?.PriceOk, body?.StaffRecommends,
                    body?.ChecklistNotes, body?.Breakthrough ?? false, Versions.From(http, body?.Version), body?.StaffAsked, body?.StaffRecommending, body?.MissingLines),
                actor,
                ct)).ToOk()).WithName("CheckOutVisit");
        edit.MapPost("/{id:guid}/cancel", async (Guid id, VersionBody? body, HttpRequest http, Actor actor, VisitStepsHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new CancelVisit(id, Versions.From(http, body?.Version)), actor, ct)).ToOk()).WithName("CancelVisit");
        edit.MapPost("/{id:guid}/reschedule", async (Guid id, RescheduleBody body, HttpRequest http, Actor actor, VisitStepsHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new RescheduleVisit(id, body.Date, body.Purpose, Versions.From(http, body.Version)), actor, ct)).ToOk()).WithName("RescheduleVisit");
        edit.MapPost("/{id:guid}/breakthrough", async (Guid id, BreakthroughBody body, HttpRequest http, Actor actor, VisitStepsHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new MarkBreakthrough(id, body.Breakthrough, Versions.From(http, body.Version)), actor, ct)).ToOk()).WithName("MarkVisitBreakthrough");

        var plans = app.MapGroup("/api/v1/route-plans").WithTags("Route plans").RequireAuthorization(FieldWorkPermissions.View);
        plans.MapGet("/", async (Guid? ownerId, string? sort, string? cursor, int? pageSize, bool? count, Actor actor, RoutePlanQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, ownerId, ActivityEndpoints.Page(sort, cursor, pageSize, count), ct)).ToOk()).WithName("ListRoutePlans");
        plans.MapGet("/{id:guid}", async (Guid id, Actor actor, RoutePlanQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetRoutePlan");
        var planEdit = plans.MapGroup("").RequireAuthorization(FieldWorkPermissions.Edit);
        planEdit.MapPost("/", async (SaveRoutePlan request, Actor actor, SaveRoutePlanHandler handler, CancellationToken ct) =>
        {
            var created = await handler.HandleAsync(request with { Id = null, Version = null }, actor, ct);
            return created.IsSuccess ? (IResult)TypedResults.Created($"/api/v1/route-plans/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
        }).WithIdempotency().WithName("CreateRoutePlan");
        planEdit.MapPut("/{id:guid}", async (Guid id, RoutePlanBody body, HttpRequest http, Actor actor, SaveRoutePlanHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(
                new SaveRoutePlan(body.Name, body.CycleWeeks, body.StartsOn, body.Stops?.Select(s => new RouteStop(s.Week, s.Day, s.CustomerId)).ToList(), body.IsActive ?? true, body.OwnerId, id, Versions.From(http, body.Version)),
                actor,
                ct)).ToOk()).WithName("UpdateRoutePlan");
        planEdit.MapPost("/{id:guid}/generate", async (Guid id, GenerateBody body, Actor actor, GenerateRouteVisitsHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new GenerateRouteVisits(id, body.From, body.To), actor, ct)).ToOk()).WithName("GenerateRouteVisits");

        app.MapGet("/api/v1/reports/visit-compliance", async (DateOnly? from, DateOnly? to, Actor actor, VisitComplianceQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, from, to, ct)).ToOk())
            .WithTags("Reports").RequireAuthorization(FieldWorkPermissions.View).WithName("GetVisitCompliance");
    }
}
