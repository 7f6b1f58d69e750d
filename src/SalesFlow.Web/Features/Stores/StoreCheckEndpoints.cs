using SalesFlow.Core.Common;
using SalesFlow.Core.StockReports;
using SalesFlow.Core.Stores;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Stores;

public sealed record StoreCheckListQuery(Guid? DealerId, Guid? StoreId, Guid? OwnerId, string? Month, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record StoreCheckSummaryQuery(Guid? DealerId, Guid? StoreId, Guid? OwnerId, string? Month);

/// <summary>
/// Store checks (<c>/api/v1/store-checks</c>, <c>/api/v1/stores/{id}/checks</c>): read-only — a check is written by the
/// check-out of a store visit (<c>POST /api/v1/visits/{id}/check-out</c>), nowhere else.
/// </summary>
internal static class StoreCheckEndpoints
{
    public static void MapStoreCheckEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/stores/{id:guid}/checks", async (Guid id, string? month, string? sort, string? cursor, int? pageSize, bool? count, Actor actor, StoreCheckQueries queries, CancellationToken ct) =>
            MonthOf(month) is { IsSuccess: false } bad ? bad.Error!.ToProblem()
            : (await queries.ListAsync(actor, new StoreCheckFilter(StoreId: id, Month: MonthOf(month).Value), new PageRequest(sort, cursor, pageSize ?? 50, count ?? true), ct)).ToOk())
            .WithTags("Stores").RequireAuthorization(StorePermissions.View).WithName("ListStoreChecksOfStore");

        var group = app.MapGroup("/api/v1/store-checks").WithTags("Stores").RequireAuthorization(StorePermissions.View);
        group.MapGet("/", async ([AsParameters] StoreCheckListQuery q, Actor actor, StoreCheckQueries queries, CancellationToken ct) =>
            MonthOf(q.Month) is { IsSuccess: false } bad ? bad.Error!.ToProblem()
            : (await queries.ListAsync(actor, new StoreCheckFilter(q.StoreId, q.DealerId, q.OwnerId, MonthOf(q.Month).Value),
                new PageRequest(q.Sort, q.Cursor, q.PageSize ?? 50, q.Count ?? true), ct)).ToOk())
            .WithName("ListStoreChecks");
        group.MapGet("/summary", async ([AsParameters] StoreCheckSummaryQuery q, Actor actor, StoreCheckQueries queries, CompanyClock clock, CancellationToken ct) =>
            MonthOf(q.Month) is { IsSuccess: false } bad ? bad.Error!.ToProblem()
            : (await queries.SummaryAsync(actor, new StoreCheckFilter(q.StoreId, q.DealerId, q.OwnerId),
                MonthOf(q.Month).Value ?? new DateOnly(clock.Today.Year, clock.Today.Month, 1), ct)).ToOk())
            .WithName("SummarizeStoreChecks");
    }

    internal static Result<DateOnly?> MonthOf(string? month) =>
        month is null ? (DateOnly?)null
        : StockMonth.Parse(month) is { } parsed ? parsed
        : Error.Invalid("month", "format", ("format", "yyyy-MM"));
}
