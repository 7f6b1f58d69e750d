using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Rebates;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Rebates;

public sealed record PolicyListQuery(int? Year, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record AccrualListQuery(DateOnly? Month, Guid? PolicyId, Guid? DealerId, int? Year, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record PagedQuery(string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record SettlementListQuery(Guid? PolicyId, Guid? DealerId, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record CreditNoteListQuery(Guid? CustomerId, bool? Unapplied, string? Sort, string? Cursor, int? PageSize, bool? Count);

/// <summary>PUT body: the policy as GET shows it, edited; <c>isActive</c> retires or revives it; computed fields are ignored.</summary>
[AcceptsRepresentation(typeof(RebatePolicyDetails))]
public sealed record PolicyBody(
    string? Name, RebatePeriodKind? PeriodKind, int? Year, int? Quarter, string? ProductLine, DealerTier? DealerTier, RebateMethod? Method,
    IReadOnlyList<RebateTierInput>? Tiers, bool? IsActive = null, int? Version = null) : RepresentationBody
{
    public RebatePolicyInput ToInput() => new(Name, PeriodKind, Year, Quarter, ProductLine, DealerTier, Method, Tiers);
}

public sealed record CreditNoteAllocateBody(IReadOnlyList<AllocationInput>? Allocations, int? Version = null);

internal static class RebateEndpoints
{
    public static void MapRebateEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/rebates").WithTags("Rebates").RequireAuthorization(RebatePermissions.View);
        group.MapGet("/policies", async ([AsParameters] PolicyListQuery q, Actor actor, RebateQueries queries, CancellationToken ct) =>
            (await queries.ListPoliciesAsync(actor, q.Year, Paged(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk()).WithName("ListRebatePolicies");
        group.MapGet("/policies/{id:guid}", async (Guid id, Actor actor, RebateQueries queries, CancellationToken ct) =>
            (await queries.GetPolicyAsync(actor, id, ct)).ToOk()).WithName("GetRebatePolicy");
        group.MapPost("/policies", async Task<IResult> (PolicyBody body, Actor actor, RebateHandler handler, CancellationToken ct) =>
            {
                var created = await handler.CreatePolicyAsync(body.ToInput(), actor, ct);
                return created.IsSuccess ? TypedResults.Created($"/api/v1/rebates/policies/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
            })
            .RequireAuthorization(RebatePermissions.Manage).WithIdempotency().WithName("CreateRebatePolicy");
        group.MapPut("/policies/{id:guid}", async (Guid id, PolicyBody body, HttpRequest http, Actor actor, RebateQueries queries, RebateHandler handler, CancellationToken ct) =>
            await Representation.RefuseChangedAsync(body, queries.GetPolicyAsync(actor, id, ct)) ?? (await handler.UpdatePolicyAsync(id, body.ToInput(), body.IsActive, Versions.From(http, body.Version), actor, ct)).ToOk())
            .RequireAuthorization(RebatePermissions.Manage).WithName("UpdateRebatePolicy");

        group.MapGet("/accruals", async ([AsParameters] AccrualListQuery q, Actor actor, RebateQueries queries, CancellationToken ct) =>
            (await queries.ListAccrualsAsync(actor, new AccrualFilter(q.Month, q.PolicyId, q.DealerId, q.Year), Paged(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk())
            .WithName("ListRebateAccruals");
        group.MapGet("/accruals/{id:guid}", async (Guid id, Actor actor, RebateQueries queries, CancellationToken ct) =>
            (await queries.GetAccrualAsync(actor, id, ct)).ToOk()).WithName("GetRebateAccrual");
        group.MapGet("/accruals/{id:guid}/orders", async (Guid id, [AsParameters] PagedQuery q, Actor actor, RebateQueries queries, CancellationToken ct) =>
            (await queries.OrdersAsync(actor, id, Paged(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk()).WithName("ListRebateAccrualOrders");
        group.MapPost("/accrue", async (string? month, Actor actor, RebateHandler handler, CancellationToken ct) =>
            (await handler.AccrueAsync(month, actor, ct)).ToOk())
            .RequireAuthorization(RebatePermissions.Settle).WithName("AccrueRebates");

        group.MapGet("/settlements", async ([AsParameters] SettlementListQuery q, Actor actor, RebateQueries queries, CancellationToken ct) =>
            (await queries.ListSettlementsAsync(actor, q.PolicyId, q.DealerId, Paged(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk()).WithName("ListRebateSettlements");
        group.MapPost("/settlements", async Task<IResult> (SettleRebate request, Actor actor, RebateHandler handler, CancellationToken ct) =>
            {
                var settled = await handler.SettleAsync(request, actor, ct);
                return settled.IsSuccess ? TypedResults.Created($"/api/v1/credit-notes/{settled.Value!.CreditNoteId}", settled.Value) : settled.Error!.ToProblem();
            })
            .RequireAuthorization(RebatePermissions.Settle).WithName("SettleRebate");

        // Dealer-facing (the portal and the dealer page link here): the dealer's own standing, scoped by DealerScope.
        app.MapGet("/api/v1/dealers/{id:guid}/rebates", async (Guid id, Actor actor, RebateQueries queries, CancellationToken ct) =>
            (await queries.ForDealerAsync(actor, id, ct)).ToOk())
            .WithTags("Rebates").RequireAuthorization(DealerPermissions.View).WithName("GetDealerRebates");

        var notes = app.MapGroup("/api/v1/credit-notes").WithTags("Billing").RequireAuthorization(BillingPermissions.View);
        notes.MapGet("/", async ([AsParameters] CreditNoteListQuery q, Actor actor, CreditNoteQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, q.CustomerId, q.Unapplied, Paged(q.Sort, q.Cursor, q.PageSize, q.Count), ct)).ToOk()).WithName("ListCreditNotes");
        notes.MapGet("/{id:guid}", async (Guid id, Actor actor, CreditNoteQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetCreditNote");
        notes.MapPost("/{id:guid}/allocate", async (Guid id, CreditNoteAllocateBody body, HttpRequest http, Actor actor, CreditNoteHandler handler, CancellationToken ct) =>
            (await handler.AllocateAsync(new AllocateCreditNote(id, body.Allocations, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(BillingPermissions.Manage).WithName("AllocateCreditNote");
    }

    private static PageRequest Paged(string? sort, string? cursor, int? size, bool? count) => new(sort, cursor, size ?? 50, count ?? true);
}
