using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Deliveries;

public sealed record DeliveryLineInput(
    [property: Required] Guid? OrderLineId,
    [property: Required, Range(typeof(decimal), "0.001", "1000000000")] decimal? Quantity);

/// <summary>How and where a delivery goes; <see cref="Province"/> (when given) decides the zone, otherwise <see cref="Zone"/>.</summary>
public sealed record DeliveryPlan(
    [property: Required] DeliveryMethod? Method,
    [property: StringLength(Delivery.CarrierMaxLength)] string? Carrier,
    [property: StringLength(Delivery.TrackingMaxLength)] string? TrackingNumber,
    string? Zone,
    string? Province,
    [property: StringLength(Delivery.AddressMaxLength)] string? ShipToAddress,
    [property: Required] DateOnly? PlannedShipDate,
    [property: Required] DateOnly? PlannedDeliveryDate,
    [property: Required] IReadOnlyList<DeliveryLineInput>? Lines);

public sealed record CreateDelivery([property: Required] Guid? OrderId, [property: Required] DeliveryPlan? Plan, [property: StringLength(DeliveryEvent.NoteMaxLength)] string? Note = null);

public sealed record UpdateDelivery(Guid Id, [property: Required] DeliveryPlan? Plan, [property: Required] int? Version, Guid? OrderId = null, DeliveryStatus? Status = null);

/// <summary>The lines and the freight of a plan, checked against the order: the one rule for create, edit and the planning page.</summary>
internal static class DeliveryPlanning
{
    public static Error? Check(DeliveryPlan plan)
    {
        if (RequestValidation.Check(plan) is { } invalid)
        {
            return invalid;
        }

        if (plan.Lines!.Count == 0)
        {
            return DeliveryErrors.NoLines;
        }

        if (plan.Lines.Count > Delivery.MaxLines)
        {
            return Error.Invalid("lines", "maxLength", ("max", Delivery.MaxLines));
        }

        for (var i = 0; i < plan.Lines.Count; i++)
        {
            if (RequestValidation.Check(plan.Lines[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"lines[{i}].{fields[0].Field}", fields[0].Rule);
            }
        }

        return null;
    }

    public static Result<string> ZoneOf(string? zone, string? province)
    {
        if (!string.IsNullOrWhiteSpace(province))
        {
            return ShippingZones.ZoneOf(province) is { } found ? found : DeliveryErrors.UnknownProvince(province.Trim());
        }

        if (string.IsNullOrWhiteSpace(zone))
        {
            return Error.Invalid("zone", "required");
        }

        return ShippingZones.IsZone(zone.Trim()) ? zone.Trim() : DeliveryErrors.UnknownZone(zone.Trim());
    }

    /// <summary>
    /// The delivery lines for the plan: each order line at most what is still free (ordered − delivered − on other open
    /// deliveries), weights and volumes from the products, and the freight from the rate table on the planned ship date.
    /// </summary>
    public static async Task<Result<(List<DeliveryLine> Lines, FreightQuote Freight, string Zone)>> BuildAsync(
        SalesFlowDbContext db, Order order, DeliveryPlan plan, Guid? deliveryId, CancellationToken ct)
    {
        if (order.Status is not (OrderStatus.Confirmed or OrderStatus.PartiallyFulfilled))
        {
            return DeliveryErrors.NotShippable(order.Status.ToString());
        }

        var zone = ZoneOf(plan.Zone, plan.Province);
        if (!zone.IsSuccess)
        {
            return zone.Error!;
        }

        var planned = await RemainingQuantities.PlannedAsync(db, order.Id, deliveryId, ct);
        var wanted = new List<(OrderLine Line, decimal Quantity)>();
        foreach (var group in plan.Lines!.GroupBy(l => l.OrderLineId!.Value))
        {
            var line = order.Lines.FirstOrDefault(l => l.Id == group.Key);
            if (line is null)
            {
                return DeliveryErrors.OrderLineNotFound(group.Key);
            }

            var quantity = group.Sum(l => l.Quantity!.Value);
            var remaining = RemainingQuantities.Of(line, planned);
            if (quantity > remaining)
            {
                return DeliveryErrors.OverRemaining(line.Position, Math.Max(0, remaining));
            }

            wanted.Add((line, quantity));
        }

        var products = await ProductMeasures.LoadAsync(db, wanted.Select(w => w.Line.ProductId), ct);
        var lines = wanted.OrderBy(w => w.Line.Position).Select((w, i) =>
        {
            var product = products.GetValueOrDefault(w.Line.ProductId, ProductMeasures.None);
            return new DeliveryLine(
                i + 1, w.Line.Id, w.Line.ProductId, w.Line.Sku, w.Line.ProductName, w.Quantity, w.Line.BaseUnit, product.WeightOf(w.Quantity), product.VolumeOf(w.Quantity));
        }).ToList();
        var freight = await QuoteAsync(db, zone.Value!, plan.Method!.Value, plan.PlannedShipDate!.Value, lines.Sum(l => l.WeightKg), lines.Sum(l => l.VolumeM3), ct);
        return freight.IsSuccess ? (lines, freight.Value!, zone.Value!) : freight.Error!;
    }

    public static async Task<Result<FreightQuote>> QuoteAsync(SalesFlowDbContext db, string zone, DeliveryMethod method, DateOnly on, decimal weightKg, decimal volumeM3, CancellationToken ct)
    {
        var rates = await db.FreightRates.AsNoTracking().Where(r => r.Zone == zone && r.Method == method).ToListAsync(ct);
        return FreightCalculator.Quote(rates, zone, method, on, weightKg, volumeM3);
    }

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Logistics plans a delivery of a confirmed order's open quantities; numbered DL-yyyy-nnnnnn in its own transaction.</summary>
public sealed class CreateDeliveryHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DeliveryQueries queries)
{
    public async Task<Result<DeliveryDetails>> HandleAsync(CreateDelivery request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? DeliveryPlanning.Check(request.Plan!)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await db.Orders.VisibleTo(actor).Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == request.OrderId, ct);
        if (order is null)
        {
            return OrderErrors.NotFound(request.OrderId!.Value);
        }

        var built = await DeliveryPlanning.BuildAsync(db, order, request.Plan!, null, ct);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        var (lines, freight, zone) = built.Value;
        var plan = request.Plan!;
        var delivery = new Delivery(
            await SequenceNumbers.NextAsync(db, Delivery.NumberSeries, clock.Today.Year, ct), order.Id, order.Number, order.CustomerId, order.OwnerId, order.OrgUnitId, order.DealerId);
        var planned = delivery.Plan(
            plan.Method!.Value, DeliveryPlanning.Clean(plan.Carrier), DeliveryPlanning.Clean(plan.TrackingNumber), zone, DeliveryPlanning.Clean(plan.Province),
            DeliveryPlanning.Clean(plan.ShipToAddress), plan.PlannedShipDate!.Value, plan.PlannedDeliveryDate!.Value, lines, freight);
        if (!planned.IsSuccess)
        {
            return planned.Error!;
        }

        delivery.Planned(clock.UtcNow, DeliveryPlanning.Clean(request.Note), actor.UserName);
        db.Deliveries.Add(delivery);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, delivery.Id, ct);
    }
}

/// <summary>A planned delivery's representation, edited: lines, method, carrier, dates and destination; freight is computed again.</summary>
public sealed class UpdateDeliveryHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, DeliveryQueries queries)
{
    public async Task<Result<DeliveryDetails>> HandleAsync(UpdateDelivery request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? DeliveryPlanning.Check(request.Plan!)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableDelivery.LoadAsync(db, queries, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var delivery = loaded.Value!;
        var refused = request.OrderId is { } o && o != delivery.OrderId ? "orderId" : request.Status is { } s && s != delivery.Status ? "status" : null;
        if (refused is not null)
        {
            return Error.Invalid(refused, "changeThroughAction");
        }

        if (delivery.Status != DeliveryStatus.Planned)
        {
            return DeliveryErrors.NotPlanned(delivery.Status);
        }

        var order = await db.Orders.Include(x => x.Lines).SingleAsync(x => x.Id == delivery.OrderId, ct);
        var built = await DeliveryPlanning.BuildAsync(db, order, request.Plan!, delivery.Id, ct);
        if (!built.IsSuccess)
        {
            return built.Error!;
        }

        var (lines, freight, zone) = built.Value;
        var plan = request.Plan!;
        var planned = delivery.Plan(
            plan.Method!.Value, DeliveryPlanning.Clean(plan.Carrier), DeliveryPlanning.Clean(plan.TrackingNumber), zone, DeliveryPlanning.Clean(plan.Province),
            DeliveryPlanning.Clean(plan.ShipToAddress), plan.PlannedShipDate!.Value, plan.PlannedDeliveryDate!.Value, lines, freight);
        if (!planned.IsSuccess)
        {
            return planned.Error!;
        }

        if (await db.SaveOrConflictAsync("Delivery", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, delivery.Id, ct);
    }
}

public sealed record QuoteLineInput([property: Required] Guid? ProductId, [property: Required, Range(typeof(decimal), "0.001", "1000000000")] decimal? Quantity);

public sealed record FreightQuoteRequest(
    [property: Required] DeliveryMethod? Method, string? Zone, string? Province, DateOnly? Date, [property: Required] IReadOnlyList<QuoteLineInput>? Lines);

/// <summary>What freight a shipment of these products (base-unit quantities) would cost — the same arithmetic planning stores.</summary>
public sealed class FreightQuoteHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public async Task<Result<FreightQuote>> HandleAsync(FreightQuoteRequest request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.View) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.Lines!.Count == 0)
        {
            return Error.Invalid("lines", "required");
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            if (RequestValidation.Check(request.Lines[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"lines[{i}].{fields[0].Field}", fields[0].Rule);
            }
        }

        var zone = DeliveryPlanning.ZoneOf(request.Zone, request.Province);
        if (!zone.IsSuccess)
        {
            return zone.Error!;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var ids = request.Lines.Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await ProductMeasures.LoadAsync(db, ids, ct);
        if (ids.FirstOrDefault(id => !products.ContainsKey(id)) is var missing && missing != Guid.Empty)
        {
            return DeliveryErrors.ProductNotFound(missing);
        }

        var weight = request.Lines.Sum(l => products[l.ProductId!.Value].WeightOf(l.Quantity!.Value));
        var volume = request.Lines.Sum(l => products[l.ProductId!.Value].VolumeOf(l.Quantity!.Value));
        return await DeliveryPlanning.QuoteAsync(db, zone.Value!, request.Method!.Value, request.Date ?? clock.Today, weight, volume, ct);
    }
}

/// <summary>The first step of every delivery change: the delivery (with lines) in the caller's scope, at the version sent when one was sent.</summary>
internal static class EditableDelivery
{
    public static async Task<Result<Delivery>> LoadAsync(SalesFlowDbContext db, DeliveryQueries queries, Actor actor, Guid id, int? version, CancellationToken ct)
    {
        var delivery = await db.Deliveries.VisibleTo(actor).Include(d => d.Lines).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null)
        {
            return DeliveryErrors.NotFound(id);
        }

        if (version is { } sent && delivery.Version != sent)
        {
            return Error.StaleVersion("Delivery", sent, delivery.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return delivery;
    }
}
