using SalesFlow.Core.Common;
using SalesFlow.Core.StockReports;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.StockReports;

/// <summary>POST body. <see cref="DealerId"/> is for internal users entering on a dealer's behalf; a dealer user's report is always its own.</summary>
public sealed record StockReportCreateBody(string? Month, Guid? DealerId, IReadOnlyList<StockLineInput>? Lines, bool? Submit);

/// <summary>PUT body: the lines (as GET shows them; the computed fields are ignored) and the version read.</summary>
[AcceptsRepresentation(typeof(StockReportDetails))]
public sealed record StockReportUpdateBody(IReadOnlyList<StockLineInput>? Lines, int? Version, bool? Submit) : RepresentationBody;

public sealed record StockReportSubmitBody(int? Version);

public sealed record StockReportListQuery(string? Month, Guid? DealerId, StockReportStatus? Status, bool? Flagged, string? Q, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record StockAnomalyQuery(string? Month, Guid? DealerId, string? Flag, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class StockReportEndpoints
{
    public static RouteGroupBuilder MapStockReportEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/stock-reports").WithTags("StockReports").RequireAuthorization(StockReportPermissions.View);
        group.MapGet("/", List).WithName("ListStockReports");
        group.MapGet("/anomalies", Anomalies).RequireAuthorization(StockReportPermissions.Review).WithName("ListStockAnomalies");
        group.MapGet("/draft", Draft).WithName("GetStockReportDraft");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, StockReportQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetStockReport");

        var enter = group.MapGroup("").RequireAuthorization(StockReportPermissions.Enter);
        enter.MapPost("/", Create).WithIdempotency().WithName("CreateStockReport");
        enter.MapPut("/{id:guid}", async (Guid id, StockReportUpdateBody body, HttpRequest http, Actor actor, StockReportQueries queries, UpdateStockReportHandler handler, CancellationToken ct) =>
            await Representation.RefuseChangedAsync(body, queries.GetAsync(actor, id, ct))
            ?? await Ok(handler.HandleAsync(new UpdateStockReport(id, body.Lines, Versions.From(http, body.Version), body.Submit ?? false), actor, ct))).WithName("UpdateStockReport");
        enter.MapPost("/{id:guid}/submit", (Guid id, StockReportSubmitBody body, HttpRequest http, Actor actor, SubmitStockReportHandler handler, CancellationToken ct) =>
            Ok(handler.HandleAsync(new SubmitStockReport(id, Versions.From(http, body.Version)), actor, ct))).WithName("SubmitStockReport");
        return group;
    }

    private static async Task<IResult> Ok<T>(Task<Result<T>> result) => (await result).ToOk();

    private static async Task<IResult> List([AsParameters] StockReportListQuery query, Actor actor, StockReportQueries queries, CancellationToken ct)
    {
        if (MonthOf(query.Month) is { IsSuccess: false } bad)
        {
            return bad.Error!.ToProblem();
        }

        var filter = new StockReportFilter(StockMonth.Parse(query.Month), query.DealerId, query.Status, query.Flagged, query.Q);
        return (await queries.ListAsync(actor, filter, new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk();
    }

    private static async Task<IResult> Anomalies([AsParameters] StockAnomalyQuery query, Actor actor, StockReportQueries queries, CancellationToken ct)
    {
        if (MonthOf(query.Month) is { IsSuccess: false } bad)
        {
            return bad.Error!.ToProblem();
        }

        var flag = StockFlagNames.Parse(query.Flag);
        if (query.Flag is not null && flag is null)
        {
            return Error.Invalid("flag", "oneOf", ("allowed", string.Join(", ", StockFlagNames.All.Select(StockFlagNames.Name)))).ToProblem();
        }

        var filter = new StockAnomalyFilter(StockMonth.Parse(query.Month), query.DealerId, flag);
        return (await queries.AnomaliesAsync(actor, filter, new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk();
    }

    private static async Task<IResult> Draft(string? month, Guid? dealerId, Actor actor, StockReportQueries queries, CancellationToken ct)
    {
        if (StockMonth.Parse(month) is not { } parsed)
        {
            return Error.Invalid("month", month is null ? "required" : "format", ("format", "yyyy-MM")).ToProblem();
        }

        return (await queries.DraftAsync(actor, parsed, dealerId, ct)).ToOk();
    }

    private static async Task<IResult> Create(StockReportCreateBody body, Actor actor, CreateStockReportHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(new CreateStockReport(body.Month, body.DealerId, body.Lines, body.Submit ?? false), actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/stock-reports/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static Result<DateOnly?> MonthOf(string? month) =>
        month is null ? (DateOnly?)null
        : StockMonth.Parse(month) is { } parsed ? parsed
        : Error.Invalid("month", "format", ("format", "yyyy-MM"));
}
