using SalesFlow.Core.Common;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Evaluations;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Dealers.Evaluations;

public sealed record EvaluationListQuery(
    int? Year, int? Quarter, Guid? RegionId, EvaluationOutcome? Outcome, EvaluationStatus? Status, Guid? DealerId, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record GenerateBody(int? Year, int? Quarter);

public sealed record ConfirmBody(EvaluationOutcome? Outcome, string? Comment, int? Version);

internal static class DealerEvaluationEndpoints
{
    public static RouteGroupBuilder MapDealerEvaluationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/dealer-evaluations").WithTags("Dealer evaluations").RequireAuthorization(DealerPermissions.ViewFile);
        group.MapGet("/", async ([AsParameters] EvaluationListQuery query, Actor actor, EvaluationQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(
                actor, new EvaluationFilter(query.Year, query.Quarter, query.RegionId, query.Outcome, query.Status, query.DealerId),
                new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk()).WithName("ListDealerEvaluations");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, EvaluationQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetDealerEvaluation");
        group.MapPost("/generate", async (GenerateBody body, Actor actor, EvaluationUseCases useCases, CancellationToken ct) =>
            (await useCases.GenerateAsync(new GenerateEvaluations(body.Year, body.Quarter), actor, ct)).ToOk())
            .RequireAuthorization(EvaluationPermissions.Evaluate).WithName("GenerateDealerEvaluations");
        group.MapPost("/{id:guid}/confirm", async (Guid id, ConfirmBody body, HttpRequest http, Actor actor, EvaluationUseCases useCases, CancellationToken ct) =>
            (await useCases.ConfirmAsync(new ConfirmEvaluation(id, body.Outcome, body.Comment, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(EvaluationPermissions.Evaluate).WithName("ConfirmDealerEvaluation");
        return group;
    }
}
