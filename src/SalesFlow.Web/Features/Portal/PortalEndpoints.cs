using SalesFlow.Core.Common;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Portal;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Portal;

public sealed record PortalVerbBody(int? Version = null, string? Reason = null);

public sealed record PortalListQuery(string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record PortalOrderListQuery(OrderStatus? Status, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record PortalInvoiceListQuery(bool? Open, string? Sort, string? Cursor, int? PageSize, bool? Count);

/// <summary>
/// The dealer portal's API (<c>/api/v1/portal</c>), for dealer users only: its own dealer, orders, deliveries, invoices,
/// receipts and statement, in dealer-facing records (no internal fields). Orders go through the order use cases with
/// channel Portal and the dealer's own account. Internal endpoints stay closed to dealer users (their permissions).
/// </summary>
internal static class PortalEndpoints
{
    public static RouteGroupBuilder MapPortalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/portal").WithTags("Portal").RequireAuthorization(PortalPermissions.Use);
        group.MapGet("/home", async (Actor actor, PortalQueries queries, CancellationToken ct) => (await queries.HomeAsync(actor, ct)).ToOk())
            .WithName("GetPortalHome");
        group.MapGet("/products", async (Actor actor, PortalQueries queries, CancellationToken ct) => (await queries.ProductsAsync(actor, ct)).ToOk())
            .RequireAuthorization(PortalPermissions.Order).WithName("ListPortalProducts");
        group.MapGet("/orders", async ([AsParameters] PortalOrderListQuery query, Actor actor, PortalQueries queries, CancellationToken ct) =>
            (await queries.OrdersAsync(actor, new PortalOrderFilter(query.Status), Page(query.Sort, query.Cursor, query.PageSize, query.Count), ct)).ToOk())
            .WithName("ListPortalOrders");
        group.MapGet("/orders/{id:guid}", async (Guid id, Actor actor, PortalQueries queries, CancellationToken ct) => (await queries.OrderAsync(actor, id, ct)).ToOk())
            .WithName("GetPortalOrder");
        group.MapPost("/orders", async Task<IResult> (PlacePortalOrder request, Actor actor, PortalOrderHandler handler, CancellationToken ct) =>
        {
            var placed = await handler.PlaceAsync(request, actor, ct);
            return placed.IsSuccess ? TypedResults.Created($"/api/v1/portal/orders/{placed.Value!.Id}", placed.Value) : placed.Error!.ToProblem();
        }).WithIdempotency().RequireAuthorization(PortalPermissions.Order).WithName("PlacePortalOrder");
        group.MapPost("/orders/{id:guid}/submit", (Guid id, HttpRequest http, Actor actor, PortalOrderHandler handler, CancellationToken ct) =>
            Step(id, OrderStep.Submit, http, actor, handler, ct)).RequireAuthorization(PortalPermissions.Order).WithOptionalBody<PortalVerbBody>().WithName("SubmitPortalOrder");
        group.MapPost("/orders/{id:guid}/cancel", (Guid id, HttpRequest http, Actor actor, PortalOrderHandler handler, CancellationToken ct) =>
            Step(id, OrderStep.Cancel, http, actor, handler, ct)).RequireAuthorization(PortalPermissions.Order).WithOptionalBody<PortalVerbBody>().WithName("CancelPortalOrder");
        group.MapGet("/deliveries", async ([AsParameters] PortalListQuery query, Actor actor, PortalQueries queries, CancellationToken ct) =>
            (await queries.DeliveriesAsync(actor, Page(query.Sort, query.Cursor, query.PageSize, query.Count), ct)).ToOk()).WithName("ListPortalDeliveries");
        group.MapGet("/deliveries/{id:guid}", async (Guid id, Actor actor, PortalQueries queries, CancellationToken ct) => (await queries.DeliveryAsync(actor, id, ct)).ToOk())
            .WithName("GetPortalDelivery");
        group.MapGet("/invoices", async ([AsParameters] PortalInvoiceListQuery query, Actor actor, PortalQueries queries, CancellationToken ct) =>
            (await queries.InvoicesAsync(actor, query.Open ?? false, Page(query.Sort, query.Cursor, query.PageSize, query.Count), ct)).ToOk()).WithName("ListPortalInvoices");
        group.MapGet("/invoices/{id:guid}", async (Guid id, Actor actor, PortalQueries queries, CancellationToken ct) => (await queries.InvoiceAsync(actor, id, ct)).ToOk())
            .WithName("GetPortalInvoice");
        group.MapGet("/receipts", async ([AsParameters] PortalListQuery query, Actor actor, PortalQueries queries, CancellationToken ct) =>
            (await queries.ReceiptsAsync(actor, Page(query.Sort, query.Cursor, query.PageSize, query.Count), ct)).ToOk()).WithName("ListPortalReceipts");
        group.MapGet("/statement", async (Actor actor, PortalQueries queries, CancellationToken ct) => (await queries.StatementAsync(actor, ct)).ToOk())
            .WithName("GetPortalStatement");
        return group;
    }

    private static PageRequest Page(string? sort, string? cursor, int? size, bool? count) => new(sort, cursor, size ?? 50, count ?? true);

    // The verbs' body is optional: read it only when one was sent.
    private static async Task<IResult> Step(Guid id, OrderStep step, HttpRequest http, Actor actor, PortalOrderHandler handler, CancellationToken ct)
    {
        var (body, problem) = await OptionalBody.ReadAsync<PortalVerbBody>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        return (await handler.StepAsync(id, step, Versions.From(http, body?.Version), body?.Reason, actor, ct)).ToOk();
    }
}
