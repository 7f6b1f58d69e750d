using SalesFlow.Core.Common;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Targets;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Planning.Targets;

/// <summary>PUT body: the representation GET returned with a new amount and the reason. Read-only fields are ignored; period, measure and owner are refused when changed.</summary>
public sealed record TargetBody(
    decimal? Amount, int? Version, string? Reason,
    Guid? Id = null, string? Period = null, PeriodKind? PeriodKind = null, TargetMeasure? Measure = null, string? ProductLine = null, Guid? ProductId = null,
    string? ProductName = null, TargetOwnerType? OwnerType = null, Guid? OwnerId = null, string? OwnerName = null, Guid? OrgUnitId = null, Guid? ParentId = null,
    string? ParentOwnerName = null, TargetOrigin? Origin = null, SplitMethod? SplitMethod = null, PhasingMethod? PhasingMethod = null, bool? IsLocked = null,
    string? ChangeReason = null, IReadOnlyList<TargetChildRow>? Children = null, IReadOnlyList<TargetChildRow>? Phases = null,
    DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null, string? UpdatedBy = null);

public sealed record SplitBody(SplitMethod? Method, IReadOnlyList<SplitChildInput>? Children, string? Reason = null, int? Version = null);

public sealed record PhaseBody(PeriodKind? Into, PhasingMethod? Method, IReadOnlyList<decimal>? Amounts = null, string? Reason = null, int? Version = null);

public sealed record LockBody(string? Reason = null, int? Version = null);

public sealed record TargetListQuery(
    string? Period, TargetMeasure? Measure, TargetOwnerType? OwnerType, Guid? OwnerId, Guid? ParentId, string? Q,
    string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class TargetEndpoints
{
    public static RouteGroupBuilder MapTargetEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/targets").WithTags("Targets").RequireAuthorization(PlanningPermissions.ViewTargets);
        group.MapGet("/", List).WithName("ListTargets");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, TargetQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetTarget");
        group.MapGet("/{id:guid}/split-proposal", async (Guid id, SplitMethod? method, Actor actor, SplitTargetHandler handler, CancellationToken ct) =>
            (await handler.ProposeAsync(id, method ?? SplitMethod.Equal, actor, ct)).ToOk()).WithName("GetTargetSplitProposal");

        group.MapPost("/", Create).WithIdempotency().RequireAuthorization(PlanningPermissions.SetTargets).WithName("CreateTarget");
        group.MapPut("/{id:guid}", Update).WithName("UpdateTarget");
        group.MapPost("/{id:guid}/split", (Guid id, SplitBody body, HttpRequest http, Actor actor, SplitTargetHandler handler, CancellationToken ct) =>
            Ok(handler.HandleAsync(new SplitTarget(id, body.Method, body.Children, body.Reason, Versions.From(http, body.Version)), actor, ct)))
            .RequireAuthorization(PlanningPermissions.SplitTargets).WithName("SplitTarget");
        group.MapPost("/{id:guid}/phase", (Guid id, PhaseBody body, HttpRequest http, Actor actor, PhaseTargetHandler handler, CancellationToken ct) =>
            Ok(handler.HandleAsync(new PhaseTarget(id, body.Into, body.Method, body.Amounts, body.Reason, Versions.From(http, body.Version)), actor, ct)))
            .RequireAuthorization(PlanningPermissions.SplitTargets).WithName("PhaseTarget");
        group.MapPost("/{id:guid}/lock", (Guid id, LockBody? body, HttpRequest http, Actor actor, ChangeTargetLockHandler handler, CancellationToken ct) =>
            Ok(handler.HandleAsync(new ChangeTargetLock(id, true, body?.Reason, Versions.From(http, body?.Version)), actor, ct))).WithName("LockTarget");
        group.MapPost("/{id:guid}/reopen", (Guid id, LockBody? body, HttpRequest http, Actor actor, ChangeTargetLockHandler handler, CancellationToken ct) =>
            Ok(handler.HandleAsync(new ChangeTargetLock(id, false, body?.Reason, Versions.From(http, body?.Version)), actor, ct))).WithName("ReopenTarget");
        return group;
    }

    private static async Task<IResult> Ok<T>(Task<Result<T>> result) => (await result).ToOk();

    private static async Task<IResult> List([AsParameters] TargetListQuery query, Actor actor, TargetQueries queries, CancellationToken ct)
    {
        var filter = new TargetFilter(query.Period, query.Measure, query.OwnerType, query.OwnerId, query.ParentId, query.Q);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Create(CreateTarget request, Actor actor, CreateTargetHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(request, actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/targets/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, TargetBody body, HttpRequest http, Actor actor, TargetQueries queries, UpdateTargetAmountHandler handler, CancellationToken ct)
    {
        var current = await queries.GetAsync(actor, id, ct);
        if (!current.IsSuccess)
        {
            return current.Error!.ToProblem();
        }

        var t = current.Value!;
        var refused = body.Period is { } period && period != t.Period ? "period"
            : body.Measure is { } measure && measure != t.Measure ? "measure"
            : body.OwnerType is { } ownerType && ownerType != t.OwnerType ? "ownerType"
            : body.OwnerId is { } ownerId && ownerId != t.OwnerId ? "ownerId"
            : body.ParentId is { } parentId && parentId != t.ParentId ? "parentId"
            : null;
        if (refused is not null)
        {
            return Error.Invalid(refused, "changeThroughAction").ToProblem();
        }

        return (await handler.HandleAsync(new UpdateTargetAmount(id, body.Amount, Versions.From(http, body.Version), body.Reason), actor, ct)).ToOk();
    }
}
