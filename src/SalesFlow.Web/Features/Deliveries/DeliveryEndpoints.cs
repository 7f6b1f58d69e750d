using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Deliveries;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Deliveries;

/// <summary>
/// POST body of a new delivery and PUT body of a planned one: the representation GET returns, edited. Plan fields are
/// applied; orderId and status are refused when changed; read-only fields (number, dates set by verbs, events ...) are ignored.
/// </summary>
public sealed record DeliveryBody(
    Guid? OrderId, DeliveryMethod? Method, string? Carrier, string? TrackingNumber, string? Zone, string? ShipToProvince, string? ShipToAddress,
    DateOnly? PlannedShipDate, DateOnly? PlannedDeliveryDate, IReadOnlyList<DeliveryLineBody>? Lines, string? Note = null, int? Version = null,
    DeliveryStatus? Status = null, Guid? Id = null, string? Number = null, string? OrderNumber = null, Guid? CustomerId = null, string? CustomerName = null,
    DateOnly? ActualShipDate = null, DateOnly? ActualDeliveryDate = null, string? CancelReason = null, decimal? TotalWeightKg = null,
    decimal? TotalVolumeM3 = null, decimal? Freight = null, string? Currency = null, IReadOnlyList<DeliveryEventRow>? Events = null,
    IReadOnlyList<DeliveryExceptionRow>? Exceptions = null, IReadOnlyList<DeliveryInvoiceRow>? Invoices = null, DateTimeOffset? CreatedAtUtc = null,
    string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null, string? UpdatedBy = null)
{
    public DeliveryPlan ToPlan() => new(
        Method, Carrier, TrackingNumber, Zone, ShipToProvince, ShipToAddress, PlannedShipDate, PlannedDeliveryDate,
        Lines?.Select(l => new DeliveryLineInput(l.OrderLineId, l.Quantity)).ToList());
}

/// <summary>A line as GET shows it; only the order line and the quantity are read.</summary>
public sealed record DeliveryLineBody(
    Guid? OrderLineId, decimal? Quantity, Guid? Id = null, int? Position = null, Guid? ProductId = null, string? Sku = null, string? ProductName = null,
    string? Unit = null, decimal? WeightKg = null, decimal? VolumeM3 = null, decimal? InvoicedQuantity = null);

public sealed record DeliveryVerbBody(
    int? Version = null, DateOnly? ActualShipDate = null, DateOnly? ActualDeliveryDate = null, string? TrackingNumber = null, string? Location = null,
    string? Note = null, string? Reason = null, DateTimeOffset? At = null);

public sealed record OpenExceptionBody(DeliveryExceptionType? Type, string? Description, Guid? OwnerId = null, decimal? AffectedQuantity = null);

public sealed record AssignExceptionBody(Guid? OwnerId, int? Version = null);

public sealed record ResolveExceptionBody(string? Resolution, DateOnly? ResolvedOn = null, int? Version = null);

public sealed record DeliveryListQuery(
    string? Q, DeliveryStatus? Status, Guid? OrderId, Guid? CustomerId, string? Carrier, DateOnly? From, DateOnly? To, bool? HasOpenException,
    string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record DeliveryExceptionListQuery(
    DeliveryExceptionStatus? Status, Guid? OwnerId, DeliveryExceptionType? Type, Guid? DeliveryId, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record ZoneRow(string Zone, IReadOnlyList<string> Provinces);

internal static class DeliveryEndpoints
{
    public static void MapDeliveryEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/deliveries").WithTags("Deliveries").RequireAuthorization(DeliveryPermissions.View);
        group.MapGet("/", List).WithName("ListDeliveries");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, DeliveryQueries queries, CancellationToken ct) => (await queries.GetAsync(actor, id, ct)).ToOk())
            .WithName("GetDelivery");
        group.MapGet("/plannable", async (Guid orderId, Actor actor, DeliveryQueries queries, CancellationToken ct) =>
            (await queries.PlannableAsync(actor, orderId, ct)).ToOk()).WithName("GetPlannableOrder");
        group.MapGet("/zones", () => TypedResults.Ok(ShippingZones.Zones
            .Select(z => new ZoneRow(z, ShippingZones.Provinces.Where(p => p.Zone == z).Select(p => p.Province).ToList())).ToList())).WithName("ListShippingZones");
        group.MapPost("/freight-quote", async (FreightQuoteRequest request, Actor actor, FreightQuoteHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, actor, ct)).ToOk()).WithName("QuoteFreight");

        var manage = group.MapGroup("").RequireAuthorization(DeliveryPermissions.Manage);
        manage.MapPost("/", Create).WithIdempotency().WithName("CreateDelivery");
        manage.MapPut("/{id:guid}", Update).WithName("UpdateDelivery");
        manage.MapPost("/{id:guid}/ship", (Guid id, HttpRequest http, Actor actor, ChangeDeliveryHandler handler, CancellationToken ct) =>
            Step(id, DeliveryStep.Ship, http, actor, handler, ct)).WithOptionalBody<DeliveryVerbBody>().WithName("ShipDelivery");
        manage.MapPost("/{id:guid}/deliver", (Guid id, HttpRequest http, Actor actor, ChangeDeliveryHandler handler, CancellationToken ct) =>
            Step(id, DeliveryStep.Deliver, http, actor, handler, ct)).WithOptionalBody<DeliveryVerbBody>().WithName("DeliverDelivery");
        manage.MapPost("/{id:guid}/cancel", (Guid id, HttpRequest http, Actor actor, ChangeDeliveryHandler handler, CancellationToken ct) =>
            Step(id, DeliveryStep.Cancel, http, actor, handler, ct)).WithOptionalBody<DeliveryVerbBody>().WithName("CancelDelivery");
        manage.MapPost("/{id:guid}/events", (Guid id, HttpRequest http, Actor actor, ChangeDeliveryHandler handler, CancellationToken ct) =>
            Step(id, DeliveryStep.Track, http, actor, handler, ct)).WithOptionalBody<DeliveryVerbBody>().WithName("AddDeliveryEvent");
        manage.MapPost("/{id:guid}/exceptions", async Task<IResult> (Guid id, OpenExceptionBody body, Actor actor, DeliveryExceptionHandler handler, CancellationToken ct) =>
        {
            var opened = await handler.OpenAsync(new OpenDeliveryException(id, body.Type, body.Description, body.OwnerId, body.AffectedQuantity), actor, ct);
            return opened.IsSuccess ? TypedResults.Created($"/api/v1/delivery-exceptions/{opened.Value!.Id}", opened.Value) : opened.Error!.ToProblem();
        }).WithName("OpenDeliveryException");
        group.MapPost("/{id:guid}/invoice", async Task<IResult> (Guid id, Actor actor, InvoiceDeliveryHandler handler, CancellationToken ct) =>
        {
            var created = await handler.HandleAsync(id, actor, ct);
            return created.IsSuccess ? TypedResults.Created($"/api/v1/invoices/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
        }).RequireAuthorization(BillingPermissions.Manage).WithName("InvoiceDelivery");

        var cases = app.MapGroup("/api/v1/delivery-exceptions").WithTags("Deliveries").RequireAuthorization(DeliveryPermissions.View);
        cases.MapGet("/", async ([AsParameters] DeliveryExceptionListQuery query, Actor actor, DeliveryQueries queries, CancellationToken ct) =>
            (await queries.ExceptionsAsync(
                actor, new DeliveryExceptionFilter(query.Status, query.OwnerId, query.Type, query.DeliveryId),
                new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk()).WithName("ListDeliveryExceptions");
        cases.MapGet("/{id:guid}", async (Guid id, Actor actor, DeliveryQueries queries, CancellationToken ct) => (await queries.GetExceptionAsync(actor, id, ct)).ToOk())
            .WithName("GetDeliveryException");
        cases.MapPost("/{id:guid}/assign", async (Guid id, AssignExceptionBody body, HttpRequest http, Actor actor, DeliveryExceptionHandler handler, CancellationToken ct) =>
            (await handler.AssignAsync(new AssignDeliveryException(id, body.OwnerId, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(DeliveryPermissions.Manage).WithName("AssignDeliveryException");
        cases.MapPost("/{id:guid}/resolve", async (Guid id, ResolveExceptionBody body, HttpRequest http, Actor actor, DeliveryExceptionHandler handler, CancellationToken ct) =>
            (await handler.ResolveAsync(new ResolveDeliveryException(id, body.Resolution, body.ResolvedOn, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(DeliveryPermissions.Manage).WithName("ResolveDeliveryException");

        var rates = app.MapGroup("/api/v1/freight-rates").WithTags("Deliveries").RequireAuthorization(DeliveryPermissions.View);
        rates.MapGet("/", async (string? zone, DeliveryMethod? method, string? sort, string? cursor, int? pageSize, bool? count, Actor actor, DeliveryQueries queries, CancellationToken ct) =>
            (await queries.RatesAsync(actor, zone, method, new PageRequest(sort, cursor, pageSize ?? 100, count ?? true), ct)).ToOk()).WithName("ListFreightRates");
        var manageRates = rates.MapGroup("").RequireAuthorization(DeliveryPermissions.ManageRates);
        manageRates.MapPost("/", async Task<IResult> (SaveFreightRate request, Actor actor, FreightRateHandler handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(request, actor, ct);
            return created.IsSuccess ? TypedResults.Created($"/api/v1/freight-rates/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
        }).WithName("CreateFreightRate");
        manageRates.MapPut("/{id:guid}", async (Guid id, SaveFreightRate request, HttpRequest http, Actor actor, FreightRateHandler handler, CancellationToken ct) =>
            (await handler.UpdateAsync(id, request with { Version = Versions.From(http, request.Version) }, actor, ct)).ToOk()).WithName("UpdateFreightRate");
        manageRates.MapDelete("/{id:guid}", async (Guid id, Actor actor, FreightRateHandler handler, CancellationToken ct) =>
            (await handler.DeleteAsync(id, actor, ct)).ToNoContent()).WithName("DeleteFreightRate");
    }

    private static async Task<IResult> List([AsParameters] DeliveryListQuery query, Actor actor, DeliveryQueries queries, CancellationToken ct)
    {
        var filter = new DeliveryFilter(query.Q, query.Status, query.OrderId, query.CustomerId, query.Carrier, query.From, query.To, query.HasOpenException);
        return (await queries.ListAsync(actor, filter, new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk();
    }

    private static async Task<IResult> Create(DeliveryBody body, Actor actor, CreateDeliveryHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(new CreateDelivery(body.OrderId, body.ToPlan(), body.Note), actor, ct);
        return created.IsSuccess ? TypedResults.Created($"/api/v1/deliveries/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, DeliveryBody body, HttpRequest http, Actor actor, UpdateDeliveryHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new UpdateDelivery(id, body.ToPlan(), Versions.From(http, body.Version), body.OrderId, body.Status), actor, ct)).ToOk();

    // The verbs' body is optional (`POST /deliveries/{id}/ship` with none ships today): read it only when one was sent.
    private static async Task<IResult> Step(Guid id, DeliveryStep step, HttpRequest http, Actor actor, ChangeDeliveryHandler handler, CancellationToken ct)
    {
        var (body, problem) = await OptionalBody.ReadAsync<DeliveryVerbBody>(http, ct);
        if (problem is not null)
        {
            return problem;
        }

        var on = step == DeliveryStep.Ship ? body?.ActualShipDate : body?.ActualDeliveryDate;
        var request = new ChangeDelivery(
            id, step, Versions.From(http, body?.Version), on, body?.TrackingNumber, body?.Location, body?.Note, body?.Reason, body?.At?.UtcDateTime);
        return (await handler.HandleAsync(request, actor, ct)).ToOk();
    }
}
