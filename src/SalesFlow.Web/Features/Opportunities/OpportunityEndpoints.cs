using SalesFlow.Core.Common;
using SalesFlow.Core.Opportunities;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Opportunities;

/// <summary>PUT body: the representation GET returned, edited. Read-only fields are accepted and ignored; owner, customer, stage and status are refused when changed.</summary>
public sealed record OpportunityBody(
    string Name, Guid? ContactId, decimal? Amount, int? Probability, DateOnly? ExpectedCloseDate, IReadOnlyList<OpportunityLineBody>? Lines, int? Version,
    Guid? Id = null, string? Number = null, Guid? CustomerId = null, string? CustomerName = null, string? ContactName = null,
    Guid? StageId = null, string? StageNameZh = null, string? StageNameEn = null, StageKind? StageKind = null, OpportunityStatus? Status = null,
    string? Currency = null, Guid? OwnerId = null, string? OwnerName = null, Guid? SourceLeadId = null, string? CloseReason = null,
    string? Competitor = null, DateTimeOffset? ClosedAtUtc = null, DateTimeOffset? OpenedAtUtc = null, DateTimeOffset? StageEnteredAtUtc = null,
    IReadOnlyList<StageChangeRow>? History = null, DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null,
    string? UpdatedBy = null);

/// <summary>A line as GET shows it; id, position and line amount are computed and ignored.</summary>
public sealed record OpportunityLineBody(
    string ProductName, string? Sku, Guid? ProductId, decimal? Quantity, string Unit, decimal? UnitPrice, Guid? Id = null, int? Position = null, decimal? LineAmount = null)
{
    public OpportunityLineInput ToInput() => new(ProductName, Sku, ProductId, Quantity, Unit, UnitPrice);
}

public sealed record MoveBody(string? Stage, int? Version);

public sealed record WinBody(string? Reason, int? Version);

public sealed record LoseBody(string? Reason, string? Competitor, int? Version);

public sealed record ReopenBody(int? Version);

public sealed record OpportunityListQuery(
    string? Q, Guid? Stage, Guid? OwnerId, Guid? CustomerId, OpportunityStatus? Status, DateOnly? CloseFrom, DateOnly? CloseTo,
    string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record BoardQuery(string? Q, Guid? OwnerId, Guid? CustomerId, DateOnly? CloseFrom, DateOnly? CloseTo, int? Cards);

internal static class OpportunityEndpoints
{
    public static RouteGroupBuilder MapOpportunityEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/opportunities").WithTags("Opportunities").RequireAuthorization(OpportunityPermissions.View);
        group.MapGet("/", List).WithName("ListOpportunities");
        group.MapGet("/board", Board).WithName("GetOpportunityBoard");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, OpportunityQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetOpportunity");

        var edit = group.MapGroup("").RequireAuthorization(OpportunityPermissions.Edit);
        edit.MapPost("/", Create).WithIdempotency().WithName("CreateOpportunity");
        edit.MapPut("/{id:guid}", Update).WithName("UpdateOpportunity");
        edit.MapPost("/{id:guid}/move", (Guid id, MoveBody body, HttpRequest http, Actor actor, ChangeOpportunityStageHandler handler, CancellationToken ct) =>
            Step(new ChangeOpportunityStage(id, OpportunityStep.Move, Versions.From(http, body.Version), body.Stage), actor, handler, ct)).WithName("MoveOpportunity");
        edit.MapPost("/{id:guid}/win", (Guid id, WinBody body, HttpRequest http, Actor actor, ChangeOpportunityStageHandler handler, CancellationToken ct) =>
            Step(new ChangeOpportunityStage(id, OpportunityStep.Win, Versions.From(http, body.Version), Reason: body.Reason), actor, handler, ct)).WithName("WinOpportunity");
        edit.MapPost("/{id:guid}/lose", (Guid id, LoseBody body, HttpRequest http, Actor actor, ChangeOpportunityStageHandler handler, CancellationToken ct) =>
            Step(new ChangeOpportunityStage(id, OpportunityStep.Lose, Versions.From(http, body.Version), Reason: body.Reason, Competitor: body.Competitor), actor, handler, ct))
            .WithName("LoseOpportunity");
        edit.MapPost("/{id:guid}/reopen", (Guid id, ReopenBody body, HttpRequest http, Actor actor, ChangeOpportunityStageHandler handler, CancellationToken ct) =>
            Step(new ChangeOpportunityStage(id, OpportunityStep.Reopen, Versions.From(http, body.Version)), actor, handler, ct)).WithName("ReopenOpportunity");

        var stages = app.MapGroup("/api/v1/opportunity-stages").WithTags("Opportunities").RequireAuthorization(OpportunityPermissions.View);
        stages.MapGet("/", async (Actor actor, OpportunityStageQueries queries, CancellationToken ct) => (await queries.ListAsync(actor, ct)).ToOk())
            .WithName("ListOpportunityStages");
        stages.MapPut("/", async (SaveOpportunityStages request, Actor actor, SaveOpportunityStagesHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, actor, ct)).ToOk()).RequireAuthorization(OpportunityPermissions.ManageStages).WithName("SaveOpportunityStages");

        app.MapGet("/api/v1/reports/opportunity-stages", async (DateOnly? from, DateOnly? to, Actor actor, OpportunityStageReport report, CancellationToken ct) =>
            (await report.ForPeriodAsync(actor, from, to, ct)).ToOk())
            .WithTags("Reports").RequireAuthorization(OpportunityPermissions.View).WithName("GetOpportunityStageReport");
        return group;
    }

    private static async Task<IResult> List([AsParameters] OpportunityListQuery query, Actor actor, OpportunityQueries queries, CancellationToken ct)
    {
        var filter = new OpportunityFilter(query.Q, query.Stage, query.OwnerId, query.CustomerId, query.Status, query.CloseFrom, query.CloseTo);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Board([AsParameters] BoardQuery query, Actor actor, OpportunityQueries queries, CancellationToken ct)
    {
        var filter = new OpportunityFilter(query.Q, null, query.OwnerId, query.CustomerId, null, query.CloseFrom, query.CloseTo);
        return (await queries.BoardAsync(actor, filter, query.Cards ?? 20, ct)).ToOk();
    }

    private static async Task<IResult> Create(CreateOpportunity request, Actor actor, CreateOpportunityHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(request, actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/opportunities/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, OpportunityBody body, HttpRequest http, Actor actor, UpdateOpportunityHandler handler, CancellationToken ct)
    {
        var request = new UpdateOpportunity(
            id, body.Name, body.ContactId, body.Amount, body.Probability, body.ExpectedCloseDate, body.Lines?.Select(l => l.ToInput()).ToList(), Versions.From(http, body.Version),
            body.CustomerId, body.OwnerId, body.StageId, body.Status);
        return (await handler.HandleAsync(request, actor, ct)).ToOk();
    }

    private static async Task<IResult> Step(ChangeOpportunityStage request, Actor actor, ChangeOpportunityStageHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(request, actor, ct)).ToOk();
}
