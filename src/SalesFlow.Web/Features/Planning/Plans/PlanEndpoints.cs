using SalesFlow.Core.Common;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Planning.Plans;

/// <summary>PUT body: the plan as GET returned it, edited. Only notes, lines and the version are read; the rest is ignored.</summary>
public sealed record PlanBody(
    string? Notes, IReadOnlyList<PlanLineBody>? Lines, int? Version,
    Guid? Id = null, string? Month = null, PlanOwnerType? OwnerType = null, Guid? OwnerId = null, string? OwnerName = null, Guid? OrgUnitId = null,
    string? OrgUnitName = null, PlanStatus? Status = null, DateOnly? DueDate = null, DateOnly? SubmittedOn = null, bool? SubmittedLate = null, bool? Late = null,
    string? ManagerComment = null, string? DecidedBy = null, DateTimeOffset? DecidedAtUtc = null, decimal? TotalAmount = null, bool? CanEdit = null,
    bool? CanDecide = null, DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null, string? UpdatedBy = null);

/// <summary>A line as GET shows it; id, position, names, list unit price and amount are computed and ignored.</summary>
public sealed record PlanLineBody(
    Guid? CustomerId, Guid? ProductId, decimal? Quantity, string? Unit, decimal? PromotionPrice, bool? IsNewProduct, string? Promotion, string? Note,
    Guid? Id = null, int? Position = null, string? CustomerName = null, string? Sku = null, string? ProductName = null, string? ProductLine = null,
    decimal? UnitPrice = null, decimal? Amount = null)
{
    public PlanLineInput ToInput() => new(CustomerId, ProductId, Quantity, Unit, PromotionPrice, IsNewProduct ?? false, Promotion, Note);
}

public sealed record DecisionBody(string? Comment, int? Version);

public sealed record PlanListQuery(string? Month, PlanStatus? Status, Guid? OwnerId, bool? Waiting, bool? Mine, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class PlanEndpoints
{
    public static RouteGroupBuilder MapPlanEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/plans").WithTags("Planning").RequireAuthorization(PlanningPermissions.ViewPlans);
        group.MapGet("/", List).WithName("ListPlans");
        group.MapGet("/rollup", async (string? month, Guid? unitId, Actor actor, PlanQueries queries, CancellationToken ct) =>
            (await queries.RollupAsync(actor, month, unitId, ct)).ToOk()).WithName("GetPlanRollup");
        group.MapGet("/compliance", async (string? month, Actor actor, PlanQueries queries, CancellationToken ct) =>
            (await queries.ComplianceAsync(actor, month, ct)).ToOk()).WithName("GetPlanCompliance");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, PlanQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetPlan");

        var write = group.MapGroup("").RequireAuthorization(PlanningPermissions.SubmitPlans);
        write.MapPost("/", Create).WithIdempotency().WithName("CreatePlan");
        write.MapPut("/{id:guid}", Update).WithName("UpdatePlan");
        write.MapPost("/{id:guid}/submit", (Guid id, DecisionBody? body, HttpRequest http, Actor actor, PlanHandler handler, CancellationToken ct) =>
            Step(new ChangePlanStatus(id, PlanStep.Submit, null, Versions.From(http, body?.Version)), actor, handler, ct)).WithName("SubmitPlan");

        var decide = group.MapGroup("").RequireAuthorization(PlanningPermissions.ApprovePlans);
        decide.MapPost("/{id:guid}/approve", (Guid id, DecisionBody? body, HttpRequest http, Actor actor, PlanHandler handler, CancellationToken ct) =>
            Step(new ChangePlanStatus(id, PlanStep.Approve, body?.Comment, Versions.From(http, body?.Version)), actor, handler, ct)).WithName("ApprovePlan");
        decide.MapPost("/{id:guid}/return", (Guid id, DecisionBody? body, HttpRequest http, Actor actor, PlanHandler handler, CancellationToken ct) =>
            Step(new ChangePlanStatus(id, PlanStep.Return, body?.Comment, Versions.From(http, body?.Version)), actor, handler, ct)).WithName("ReturnPlan");
        return group;
    }

    private static async Task<IResult> List([AsParameters] PlanListQuery query, Actor actor, PlanQueries queries, CancellationToken ct)
    {
        var filter = new PlanFilter(query.Month, query.Status, query.OwnerId, query.Waiting ?? false, query.Mine ?? false);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Create(CreatePlan? request, Actor actor, PlanHandler handler, CancellationToken ct)
    {
        var created = await handler.CreateAsync(request ?? new CreatePlan(), actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/plans/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, PlanBody body, HttpRequest http, Actor actor, PlanHandler handler, CancellationToken ct)
    {
        var request = new UpdatePlan(id, body.Notes, body.Lines?.Select(l => l.ToInput()).ToList(), Versions.From(http, body.Version));
        return (await handler.UpdateAsync(request, actor, ct)).ToOk();
    }

    private static async Task<IResult> Step(ChangePlanStatus request, Actor actor, PlanHandler handler, CancellationToken ct) =>
        (await handler.ChangeStatusAsync(request, actor, ct)).ToOk();
}
