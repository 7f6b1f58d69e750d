using SalesFlow.Core.Common;
using SalesFlow.Core.FieldWork;
using SalesFlow.Core.FieldWork.Activities;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.FieldWork;

/// <summary>PUT body: the representation GET returned, edited; names and the id are read-only and ignored.</summary>
public sealed record ActivityBody(
    ActivityType? Type, Guid? CustomerId, Guid? LeadId, Guid? OpportunityId, string Subject, DateTimeOffset? OccurredAtUtc,
    string? Outcome, string? NextStep, DateOnly? NextStepDue, Guid? OwnerId, int? Version,
    Guid? Id = null, string? CustomerName = null, string? LeadName = null, string? OwnerName = null);

public sealed record ActivityListQuery(
    Guid? CustomerId, Guid? LeadId, Guid? OwnerId, ActivityType? Type, DateOnly? From, DateOnly? To, string? Sort, string? Cursor, int? PageSize, bool? Count,
    Guid? OpportunityId);

public sealed record WorkLogListQuery(Guid? OwnerId, DateOnly? From, DateOnly? To, WorkLogStatus? Status, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record WorkLogBody(string? Notes, string? PlanForTomorrow, int? Version);

public sealed record CommentBody(string Comment);

internal static class ActivityEndpoints
{
    public static void MapActivityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/activities").WithTags("Activities").RequireAuthorization(FieldWorkPermissions.View);
        group.MapGet("/", async ([AsParameters] ActivityListQuery q, Actor actor, ActivityQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, new ActivityFilter(q.CustomerId, q.LeadId, q.OwnerId, q.Type, q.From, q.To, q.OpportunityId), Page(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk())
            .WithName("ListActivities");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, ActivityQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetActivity");

        var edit = group.MapGroup("").RequireAuthorization(FieldWorkPermissions.Edit);
        edit.MapPost("/", async (SaveActivity request, Actor actor, SaveActivityHandler handler, CancellationToken ct) =>
        {
            var created = await handler.HandleAsync(request with { Id = null, Version = null }, actor, ct);
            return created.IsSuccess ? (IResult)TypedResults.Created($"/api/v1/activities/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
        }).WithIdempotency().WithName("CreateActivity");
        edit.MapPut("/{id:guid}", async (Guid id, ActivityBody body, HttpRequest http, Actor actor, SaveActivityHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(
                new SaveActivity(body.Type, body.CustomerId, body.LeadId, body.OpportunityId, body.Subject, body.OccurredAtUtc, body.Outcome, body.NextStep,
                    body.NextStepDue, body.OwnerId, id, Versions.From(http, body.Version)),
                actor,
                ct)).ToOk()).WithName("UpdateActivity");
        edit.MapDelete("/{id:guid}", async (Guid id, Actor actor, DeleteActivityHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteActivity(id), actor, ct)).ToNoContent()).WithName("DeleteActivity");

        var logs = app.MapGroup("/api/v1/work-logs").WithTags("Work logs").RequireAuthorization(FieldWorkPermissions.View);
        logs.MapGet("/", async ([AsParameters] WorkLogListQuery q, Actor actor, WorkLogQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, new WorkLogFilter(q.OwnerId, q.From, q.To, q.Status), Page(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk())
            .WithName("ListWorkLogs");
        logs.MapGet("/{id:guid}", async (Guid id, Actor actor, WorkLogQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetWorkLog");
        logs.MapGet("/day/{date}", async (DateOnly date, Guid? ownerId, Actor actor, WorkLogQueries queries, CancellationToken ct) =>
            (await queries.DayAsync(actor, date, ownerId, ct)).ToOk()).WithName("GetWorkLogOfDay");
        logs.MapPut("/day/{date}", async (DateOnly date, WorkLogBody body, HttpRequest http, Actor actor, SaveWorkLogHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new SaveWorkLog(date, body.Notes, body.PlanForTomorrow, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(FieldWorkPermissions.Edit).WithName("SaveWorkLogOfDay");
        logs.MapPost("/day/{date}/submit", async (DateOnly date, WorkLogBody body, HttpRequest http, Actor actor, SaveWorkLogHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new SaveWorkLog(date, body.Notes, body.PlanForTomorrow, Versions.From(http, body.Version), Submit: true), actor, ct)).ToOk())
            .RequireAuthorization(FieldWorkPermissions.Edit).WithName("SubmitWorkLogOfDay");
        logs.MapPost("/{id:guid}/comment", async (Guid id, CommentBody body, Actor actor, SaveWorkLogHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new CommentWorkLog(id, body.Comment), actor, ct)).ToOk())
            .RequireAuthorization(FieldWorkPermissions.Manage).WithName("CommentWorkLog");
    }

    public static PageRequest Page(string? sort, string? cursor, int? pageSize, bool? count) => new(sort, cursor, pageSize ?? 50, count ?? true);
}
