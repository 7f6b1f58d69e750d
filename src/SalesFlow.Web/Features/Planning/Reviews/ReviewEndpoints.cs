using SalesFlow.Core.Common;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Reviews;
using SalesFlow.Web.Api;
using SalesFlow.Web.Features.Planning.Plans;

namespace SalesFlow.Web.Features.Planning.Reviews;

/// <summary>PUT body: the review as GET returned it, edited. Only the texts, the line comments and the version are read.</summary>
public sealed record ReviewBody(
    string? VarianceReasons, string? CompetitorMoves, string? NextSteps, IReadOnlyList<ReviewLineBody>? Lines, int? Version,
    Guid? Id = null, string? Month = null, PlanOwnerType? OwnerType = null, Guid? OwnerId = null, string? OwnerName = null, Guid? OrgUnitId = null,
    string? OrgUnitName = null, Guid? PlanId = null, ReviewStatus? Status = null, DateOnly? DueDate = null, DateOnly? SubmittedOn = null,
    bool? SubmittedLate = null, bool? Late = null, decimal? PlannedAmount = null, decimal? ActualAmount = null, bool? VarianceNeedsReasons = null,
    string? ManagerComment = null, string? DecidedBy = null, DateTimeOffset? DecidedAtUtc = null, bool? CanEdit = null, bool? CanDecide = null,
    DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null, string? UpdatedBy = null);

/// <summary>A line as GET shows it: only the comment is the owner's; the numbers come from the plan and the transactions.</summary>
public sealed record ReviewLineBody(
    Guid Id, string? Comment, Guid? CustomerId = null, string? CustomerName = null, Guid? ProductId = null, string? Sku = null, string? ProductName = null,
    decimal? PlannedQuantity = null, decimal? PlannedAmount = null, decimal? ActualQuantity = null, decimal? ActualAmount = null, decimal? Variance = null);

public sealed record ReviewListQuery(string? Month, ReviewStatus? Status, Guid? OwnerId, bool? Waiting, bool? Mine, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class ReviewEndpoints
{
    public static RouteGroupBuilder MapReviewEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/reviews").WithTags("Planning").RequireAuthorization(PlanningPermissions.ViewPlans);
        group.MapGet("/", List).WithName("ListReviews");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, ReviewQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetReview");

        var write = group.MapGroup("").RequireAuthorization(PlanningPermissions.SubmitPlans);
        write.MapPost("/", Create).WithIdempotency().WithName("CreateReview");
        write.MapPut("/{id:guid}", Update).WithName("UpdateReview");
        write.MapPost("/{id:guid}/refresh", (Guid id, DecisionBody? body, HttpRequest http, Actor actor, ReviewHandler handler, CancellationToken ct) =>
            Step(new ChangeReviewStatus(id, ReviewStep.Refresh, null, Versions.From(http, body?.Version)), actor, handler, ct)).WithName("RefreshReview");
        write.MapPost("/{id:guid}/submit", (Guid id, DecisionBody? body, HttpRequest http, Actor actor, ReviewHandler handler, CancellationToken ct) =>
            Step(new ChangeReviewStatus(id, ReviewStep.Submit, null, Versions.From(http, body?.Version)), actor, handler, ct)).WithName("SubmitReview");

        var decide = group.MapGroup("").RequireAuthorization(PlanningPermissions.ApprovePlans);
        decide.MapPost("/{id:guid}/sign-off", (Guid id, DecisionBody? body, HttpRequest http, Actor actor, ReviewHandler handler, CancellationToken ct) =>
            Step(new ChangeReviewStatus(id, ReviewStep.SignOff, body?.Comment, Versions.From(http, body?.Version)), actor, handler, ct)).WithName("SignOffReview");
        decide.MapPost("/{id:guid}/return", (Guid id, DecisionBody? body, HttpRequest http, Actor actor, ReviewHandler handler, CancellationToken ct) =>
            Step(new ChangeReviewStatus(id, ReviewStep.Return, body?.Comment, Versions.From(http, body?.Version)), actor, handler, ct)).WithName("ReturnReview");
        return group;
    }

    private static async Task<IResult> List([AsParameters] ReviewListQuery query, Actor actor, ReviewQueries queries, CancellationToken ct)
    {
        var filter = new ReviewFilter(query.Month, query.Status, query.OwnerId, query.Waiting ?? false, query.Mine ?? false);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Create(CreateReview? request, Actor actor, ReviewHandler handler, CancellationToken ct)
    {
        var created = await handler.CreateAsync(request ?? new CreateReview(), actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/reviews/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, ReviewBody body, HttpRequest http, Actor actor, ReviewHandler handler, CancellationToken ct)
    {
        var request = new UpdateReview(
            id, body.VarianceReasons, body.CompetitorMoves, body.NextSteps, body.Lines?.Select(l => new ReviewLineComment(l.Id, l.Comment)).ToList(),
            Versions.From(http, body.Version));
        return (await handler.UpdateAsync(request, actor, ct)).ToOk();
    }

    private static async Task<IResult> Step(ChangeReviewStatus request, Actor actor, ReviewHandler handler, CancellationToken ct) =>
        (await handler.ChangeStatusAsync(request, actor, ct)).ToOk();
}
