using SalesFlow.Core.Common;
using SalesFlow.Core.Dealers.Staff;
using SalesFlow.Core.Portal;
using SalesFlow.Web.Api;
using SalesFlow.Web.Features.Stores;

namespace SalesFlow.Web.Features.Dealers.Staff;

public sealed record DealerStaffListQuery(string? Month, bool? Active, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record AddDealerStaffBody(string? Name, string? UserName, string? Password, string? Mobile = null);

public sealed record DealerStaffScoreBody(int? Score, string? Comment = null, int? Version = null);

/// <summary>
/// Dealer staff: internally under the dealer (<c>/api/v1/dealers/{id}/staff</c>, <c>/api/v1/dealer-staff/{id}</c>: list with
/// the month's facts, add, deactivate, the area manager's monthly score) and for the dealer user in the portal
/// (<c>/api/v1/portal/staff</c>, dealer-facing records without the manager's score).
/// </summary>
internal static class DealerStaffEndpoints
{
    public static void MapDealerStaffEndpoints(this IEndpointRouteBuilder app)
    {
        var ofDealer = app.MapGroup("/api/v1/dealers/{dealerId:guid}/staff").WithTags("Dealer staff").RequireAuthorization(DealerStaffPermissions.View);
        ofDealer.MapGet("/", async (Guid dealerId, [AsParameters] DealerStaffListQuery q, Actor actor, DealerStaffQueries queries, CancellationToken ct) =>
            StoreCheckEndpoints.MonthOf(q.Month) is { IsSuccess: false } bad ? bad.Error!.ToProblem()
            : (await queries.ListAsync(actor, dealerId, StoreCheckEndpoints.MonthOf(q.Month).Value, q.Active, new PageRequest(q.Sort, q.Cursor, q.PageSize ?? 50, q.Count ?? true), ct)).ToOk())
            .WithName("ListDealerStaff");
        ofDealer.MapPost("/", async Task<IResult> (Guid dealerId, AddDealerStaffBody body, Actor actor, DealerStaffHandler handler, DealerStaffQueries queries, CancellationToken ct) =>
        {
            var added = await handler.AddAsync(new AddDealerStaff(body.Name, body.UserName, body.Password, body.Mobile, dealerId), actor, ct);
            if (!added.IsSuccess)
            {
                return added.Error!.ToProblem();
            }

            var row = await queries.GetAsync(actor, added.Value, null, ct);
            return row.IsSuccess ? TypedResults.Created($"/api/v1/dealer-staff/{added.Value}", row.Value) : row.Error!.ToProblem();
        }).WithIdempotency(locationPrefix: "/api/v1/dealer-staff").RequireAuthorization(DealerStaffPermissions.Manage).WithName("AddDealerStaff");

        var staff = app.MapGroup("/api/v1/dealer-staff").WithTags("Dealer staff").RequireAuthorization(DealerStaffPermissions.View);
        staff.MapGet("/{id:guid}", async (Guid id, string? month, Actor actor, DealerStaffQueries queries, CancellationToken ct) =>
            StoreCheckEndpoints.MonthOf(month) is { IsSuccess: false } bad ? bad.Error!.ToProblem()
            : (await queries.GetAsync(actor, id, StoreCheckEndpoints.MonthOf(month).Value, ct)).ToOk())
            .WithName("GetDealerStaff");
        staff.MapPost("/{id:guid}/deactivate", async (Guid id, Actor actor, DealerStaffHandler handler, DealerStaffQueries queries, CancellationToken ct) =>
            await handler.DeactivateAsync(id, actor, ct) is { IsSuccess: false } failed ? failed.Error!.ToProblem() : (await queries.GetAsync(actor, id, null, ct)).ToOk())
            .RequireAuthorization(DealerStaffPermissions.Manage).WithName("DeactivateDealerStaff");
        staff.MapPut("/{id:guid}/scores/{month}", async (Guid id, string month, DealerStaffScoreBody body, HttpRequest http, Actor actor, DealerStaffHandler handler, CancellationToken ct) =>
            StoreCheckEndpoints.MonthOf(month) is { IsSuccess: false } bad ? bad.Error!.ToProblem()
            : (await handler.ScoreAsync(new ScoreDealerStaff(id, StoreCheckEndpoints.MonthOf(month).Value, body.Score, body.Comment, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(DealerStaffPermissions.Score).WithName("ScoreDealerStaff");

        var portal = app.MapGroup("/api/v1/portal/staff").WithTags("Portal")
            .RequireAuthorization(PortalPermissions.Use).RequireAuthorization(DealerStaffPermissions.Manage);
        portal.MapGet("/", async (string? month, string? sort, string? cursor, int? pageSize, bool? count, Actor actor, DealerStaffQueries queries, CancellationToken ct) =>
            StoreCheckEndpoints.MonthOf(month) is { IsSuccess: false } bad ? bad.Error!.ToProblem()
            : (await queries.PortalListAsync(actor, StoreCheckEndpoints.MonthOf(month).Value, new PageRequest(sort, cursor, pageSize ?? 50, count ?? true), ct)).ToOk())
            .WithName("ListPortalStaff");
        portal.MapGet("/{id:guid}", async (Guid id, Actor actor, DealerStaffQueries queries, CancellationToken ct) =>
            (await queries.PortalGetAsync(actor, id, ct)).ToOk()).WithName("GetPortalStaff");
        portal.MapPost("/", async Task<IResult> (AddDealerStaffBody body, Actor actor, DealerStaffHandler handler, DealerStaffQueries queries, CancellationToken ct) =>
        {
            var added = await handler.AddAsync(new AddDealerStaff(body.Name, body.UserName, body.Password, body.Mobile), actor, ct);
            if (!added.IsSuccess)
            {
                return added.Error!.ToProblem();
            }

            var row = await queries.PortalGetAsync(actor, added.Value, ct);
            return row.IsSuccess ? TypedResults.Created($"/api/v1/portal/staff/{added.Value}", row.Value) : row.Error!.ToProblem();
        }).WithIdempotency().WithName("AddPortalStaff");
        portal.MapPost("/{id:guid}/deactivate", async (Guid id, Actor actor, DealerStaffHandler handler, DealerStaffQueries queries, CancellationToken ct) =>
            await handler.DeactivateAsync(id, actor, ct) is { IsSuccess: false } failed ? failed.Error!.ToProblem() : (await queries.PortalGetAsync(actor, id, ct)).ToOk())
            .WithName("DeactivatePortalStaff");
    }
}
