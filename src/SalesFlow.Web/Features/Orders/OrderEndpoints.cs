using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Orders;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Orders;

/// <summary>PUT body: the representation GET returned, edited. Lines and requested delivery date are applied; customer, dealer and status are refused when changed; the rest is ignored.</summary>
public sealed record OrderBody(
    IReadOnlyList<OrderLineBody>? Lines, DateOnly? RequestedDeliveryDate, int? Version, Guid? CustomerId = null, Guid? DealerId = null, OrderStatus? Status = null,
    Guid? Id = null, string? Number = null, string? CustomerName = null, OrderChannel? Channel = null, Guid? OwnerId = null, string? OwnerName = null,
    string? Currency = null, DateOnly? OrderDate = null, int? PaymentTermsDays = null, decimal? NetAmount = null, decimal? TaxAmount = null, decimal? Total = null,
    decimal? InvoicedAmount = null, string? HoldReason = null, string? ReleaseReason = null, string? CancelReason = null, DateTimeOffset? SubmittedAtUtc = null,
    DateTimeOffset? ConfirmedAtUtc = null, CreditUsage? Credit = null, DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null,
    DateTimeOffset? UpdatedAtUtc = null, string? UpdatedBy = null, Guid? SourceQuoteId = null, string? SourceQuoteNumber = null);

/// <summary>A line as GET shows it; only product, quantity, unit and discount are read.</summary>
public sealed record OrderLineBody(
    Guid? ProductId, decimal? Quantity, string? Unit = null, decimal? DiscountPercent = null, Guid? Id = null, int? Position = null, string? Sku = null,
    string? ProductName = null, decimal? BaseQuantity = null, string? BaseUnit = null, decimal? ListUnitPrice = null, decimal? NetUnitPrice = null,
    decimal? NetAmount = null, decimal? TaxRate = null, decimal? TaxAmount = null, decimal? GrossAmount = null, decimal? DeliveredQuantity = null,
    decimal? InvoicedQuantity = null)
{
    public OrderLineInput ToInput() => new(ProductId, Quantity, Unit, DiscountPercent);
}

public sealed record OrderVerbBody(int? Version = null, string? Reason = null);

public sealed record FulfilBody(IReadOnlyList<FulfilOrderLine>? Lines, int? Version = null);

public sealed record OrderListQuery(
    string? Q, OrderStatus? Status, Guid? CustomerId, Guid? OwnerId, DateOnly? From, DateOnly? To, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class OrderEndpoints
{
    public static RouteGroupBuilder MapOrderEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/orders").WithTags("Orders").RequireAuthorization(OrderPermissions.View);
        group.MapGet("/", List).WithName("ListOrders");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, OrderQueries queries, CancellationToken ct) => (await queries.GetAsync(actor, id, ct)).ToOk())
            .WithName("GetOrder");

        var edit = group.MapGroup("").RequireAuthorization(OrderPermissions.Edit);
        edit.MapGet("/priced-products", async (Guid customerId, Actor actor, OrderQueries queries, CancellationToken ct) =>
            (await queries.PricedProductsAsync(actor, customerId, ct)).ToOk()).WithName("ListPricedProducts");
        edit.MapPost("/", Create).WithIdempotency().WithName("CreateOrder");
        edit.MapPut("/{id:guid}", Update).WithName("UpdateOrder");
        edit.MapPost("/{id:guid}/submit", (Guid id, HttpRequest http, Actor actor, ChangeOrderStatusHandler handler, CancellationToken ct) =>
            Step(id, OrderStep.Submit, http, actor, handler, ct)).WithOptionalBody<OrderVerbBody>().WithName("SubmitOrder");
        edit.MapPost("/{id:guid}/confirm", (Guid id, HttpRequest http, Actor actor, ChangeOrderStatusHandler handler, CancellationToken ct) =>
            Step(id, OrderStep.Confirm, http, actor, handler, ct)).WithOptionalBody<OrderVerbBody>().WithName("ConfirmOrder");
        edit.MapPost("/{id:guid}/cancel", (Guid id, HttpRequest http, Actor actor, ChangeOrderStatusHandler handler, CancellationToken ct) =>
            Step(id, OrderStep.Cancel, http, actor, handler, ct)).WithOptionalBody<OrderVerbBody>().WithName("CancelOrder");
        group.MapPost("/{id:guid}/release-hold", (Guid id, HttpRequest http, Actor actor, ChangeOrderStatusHandler handler, CancellationToken ct) =>
            Step(id, OrderStep.ReleaseHold, http, actor, handler, ct)).RequireAuthorization(OrderPermissions.ReleaseHold).WithOptionalBody<OrderVerbBody>().WithName("ReleaseOrderHold");
        group.MapPost("/{id:guid}/fulfil", async (Guid id, FulfilBody body, HttpRequest http, Actor actor, FulfilOrderHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new FulfilOrder(id, body.Lines, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(OrderPermissions.Fulfil).WithName("FulfilOrder");
        return group;
    }

    private static async Task<IResult> List([AsParameters] OrderListQuery query, Actor actor, OrderQueries queries, CancellationToken ct)
    {
        var filter = new OrderFilter(query.Q, query.Status, query.CustomerId, query.OwnerId, query.From, query.To);
        return (await queries.ListAsync(actor, filter, new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk();
    }

    private static async Task<IResult> Create(CreateOrder request, Actor actor, CreateOrderHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(request, actor, ct);
        return created.IsSuccess ? TypedResults.Created($"/api/v1/orders/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, OrderBody body, HttpRequest http, Actor actor, UpdateOrderHandler handler, CancellationToken ct)
    {
        var request = new UpdateOrder(id, body.Lines?.Select(l => l.ToInput()).ToList(), body.RequestedDeliveryDate, Versions.From(http, body.Version), body.CustomerId, body.DealerId, body.Status);
        return (await handler.HandleAsync(request, actor, ct)).ToOk();
    }

    // The verbs' body is optional (`POST /orders/{id}/submit` with none is fine): read it only when one was sent.
    private static async Task<IResult> Step(Guid id, OrderStep step, HttpRequest http, Actor actor, ChangeOrderStatusHandler handler, CancellationToken ct)
    {
        var (body, problem) = await OptionalBody.ReadAsync<OrderVerbBody>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        return (await handler.HandleAsync(new ChangeOrderStatus(id, step, Versions.From(http, body?.Version), body?.Reason), actor, ct)).ToOk();
    }
}
