using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Deliveries;

public sealed record DeliveryRow(
    Guid Id, string Number, DeliveryStatus Status, Guid OrderId, string OrderNumber, Guid CustomerId, string CustomerName, DeliveryMethod Method,
    string? Carrier, string? TrackingNumber, string Zone, DateOnly PlannedShipDate, DateOnly PlannedDeliveryDate, DateOnly? ActualShipDate,
    DateOnly? ActualDeliveryDate, decimal Freight, int OpenExceptions, DateTime CreatedAtUtc, int Version);

public sealed record DeliveryLineRow(
    Guid Id, int Position, Guid OrderLineId, Guid ProductId, string Sku, string ProductName, decimal Quantity, string Unit, decimal WeightKg,
    decimal VolumeM3, decimal InvoicedQuantity);

public sealed record DeliveryEventRow(Guid Id, DeliveryStatus Status, DateTime AtUtc, string? Location, string? Note, string By);

public sealed record DeliveryExceptionRow(
    Guid Id, Guid DeliveryId, string DeliveryNumber, DeliveryExceptionType Type, string Description, Guid OwnerId, string OwnerName,
    decimal? AffectedQuantity, DateOnly OpenedOn, DeliveryExceptionStatus Status, string? Resolution, DateOnly? ResolvedOn, int AgeDays,
    DateTime CreatedAtUtc, int Version);

public sealed record DeliveryInvoiceRow(Guid InvoiceId, string Number, decimal Total);

public sealed record DeliveryDetails(
    Guid Id, string Number, DeliveryStatus Status, Guid OrderId, string OrderNumber, Guid CustomerId, string CustomerName, DeliveryMethod Method,
    string? Carrier, string? TrackingNumber, string Zone, string? ShipToProvince, string? ShipToAddress, DateOnly PlannedShipDate,
    DateOnly PlannedDeliveryDate, DateOnly? ActualShipDate, DateOnly? ActualDeliveryDate, string? CancelReason, decimal TotalWeightKg,
    decimal TotalVolumeM3, decimal Freight, string Currency, IReadOnlyList<DeliveryLineRow> Lines, IReadOnlyList<DeliveryEventRow> Events,
    IReadOnlyList<DeliveryExceptionRow> Exceptions, IReadOnlyList<DeliveryInvoiceRow> Invoices, int Version, DateTime CreatedAtUtc,
    string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

/// <summary>An order line as the delivery planner sees it: ordered, delivered, planned on open deliveries, and still free to plan.</summary>
public sealed record PlannableLine(
    Guid OrderLineId, int Position, Guid ProductId, string Sku, string ProductName, string Unit, decimal Ordered, decimal Delivered, decimal Planned,
    decimal Remaining, decimal? WeightKgPerUnit, decimal? VolumeM3PerUnit);

public sealed record PlannableOrder(
    Guid OrderId, string OrderNumber, OrderStatus Status, Guid CustomerId, string CustomerName, string? DefaultZone, DateOnly? RequestedDeliveryDate,
    IReadOnlyList<PlannableLine> Lines);

public sealed record DeliveryFilter(
    string? Q = null, DeliveryStatus? Status = null, Guid? OrderId = null, Guid? CustomerId = null, string? Carrier = null, DateOnly? From = null,
    DateOnly? To = null, bool? HasOpenException = null);

public sealed record DeliveryExceptionFilter(DeliveryExceptionStatus? Status = null, Guid? OwnerId = null, DeliveryExceptionType? Type = null, Guid? DeliveryId = null);

public sealed class DeliveryQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static readonly SortWhitelist<Delivery> Sorts = new(
        "-createdAt",
        SortOption<Delivery>.By("createdAt", d => d.CreatedAtUtc),
        SortOption<Delivery>.By("plannedShipDate", d => d.PlannedShipDate));

    public static readonly SortWhitelist<DeliveryException> ExceptionSorts = new(
        "openedOn",
        SortOption<DeliveryException>.By("openedOn", e => e.OpenedOn),
        SortOption<DeliveryException>.By("createdAt", e => e.CreatedAtUtc));

    public async Task<Result<Page<DeliveryRow>>> ListAsync(Actor actor, DeliveryFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var exceptions = db.DeliveryExceptions;
        var query = db.Deliveries.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(d => d.Number.Contains(q) || d.OrderNumber.Contains(q) || (d.TrackingNumber != null && d.TrackingNumber.Contains(q)));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.OrderId is { } order)
        {
            query = query.Where(d => d.OrderId == order);
        }

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(d => d.CustomerId == customer);
        }

        if (!string.IsNullOrWhiteSpace(filter.Carrier))
        {
            var carrier = filter.Carrier.Trim();
            query = query.Where(d => d.Carrier == carrier);
        }

        if (filter.From is { } from)
        {
            query = query.Where(d => d.PlannedShipDate >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(d => d.PlannedShipDate <= to);
        }

        if (filter.HasOpenException is { } open)
        {
            query = query.Where(d => exceptions.Any(e => e.DeliveryId == d.Id && e.Status == DeliveryExceptionStatus.Open) == open);
        }

        return await Sorts.PageAsync(query, page, d => new DeliveryRow(
            d.Id, d.Number, d.Status, d.OrderId, d.OrderNumber, d.CustomerId, db.Customers.Where(c => c.Id == d.CustomerId).Select(c => c.Name).First(),
            d.Method, d.Carrier, d.TrackingNumber, d.Zone, d.PlannedShipDate, d.PlannedDeliveryDate, d.ActualShipDate, d.ActualDeliveryDate, d.Freight,
            exceptions.Count(e => e.DeliveryId == d.Id && e.Status == DeliveryExceptionStatus.Open), d.CreatedAtUtc, d.Version), ct);
    }

    public async Task<Result<DeliveryDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.View) is { } denied)
        {
            return denied;
        }

        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Deliveries.AsNoTracking().VisibleTo(actor).Where(d => d.Id == id)
            .Select(d => new
            {
                Delivery = d,
                CustomerName = db.Customers.Where(c => c.Id == d.CustomerId).Select(c => c.Name).First(),
                Currency = db.Orders.Where(o => o.Id == d.OrderId).Select(o => o.Currency).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return DeliveryErrors.NotFound(id);
        }

        var lines = await db.DeliveryLines.AsNoTracking().Where(l => l.DeliveryId == id).OrderBy(l => l.Position)
            .Select(l => new DeliveryLineRow(l.Id, l.Position, l.OrderLineId, l.ProductId, l.Sku, l.ProductName, l.Quantity, l.Unit, l.WeightKg, l.VolumeM3, l.InvoicedQuantity))
            .ToListAsync(ct);
        var events = (await db.DeliveryEvents.AsNoTracking().Where(e => e.DeliveryId == id)
                .Select(e => new DeliveryEventRow(e.Id, e.Status, e.AtUtc, e.Location, e.Note, e.By)).ToListAsync(ct))
            .OrderBy(e => e.AtUtc).ThenBy(e => e.Id).ToList();
        var cases = await ExceptionRowsAsync(db, db.DeliveryExceptions.AsNoTracking().Where(e => e.DeliveryId == id), today, ct);
        var invoices = await db.DeliveryInvoices.AsNoTracking().Where(x => x.DeliveryId == id)
            .Join(db.Invoices, x => x.InvoiceId, i => i.Id, (x, i) => new DeliveryInvoiceRow(i.Id, i.Number, i.Total))
            .ToListAsync(ct);
        var d = found.Delivery;
        return new DeliveryDetails(
            d.Id, d.Number, d.Status, d.OrderId, d.OrderNumber, d.CustomerId, found.CustomerName, d.Method, d.Carrier, d.TrackingNumber, d.Zone,
            d.ShipToProvince, d.ShipToAddress, d.PlannedShipDate, d.PlannedDeliveryDate, d.ActualShipDate, d.ActualDeliveryDate, d.CancelReason,
            d.TotalWeightKg, d.TotalVolumeM3, d.Freight, found.Currency, lines, events, [.. cases.OrderBy(c => c.OpenedOn).ThenBy(c => c.Id)],
            [.. invoices.OrderBy(i => i.Number, StringComparer.Ordinal)], d.Version, d.CreatedAtUtc, d.CreatedBy, d.UpdatedAtUtc, d.UpdatedBy);
    }

    /// <summary>Exception cases (open ones first by default, oldest first), with their age in days (opened → resolved or today).</summary>
    public async Task<Result<Page<DeliveryExceptionRow>>> ExceptionsAsync(Actor actor, DeliveryExceptionFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.View) is { } denied)
        {
            return denied;
        }

        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.DeliveryExceptions.AsNoTracking().VisibleTo(actor);
        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(e => e.OwnerId == owner);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(e => e.Type == type);
        }

        if (filter.DeliveryId is { } delivery)
        {
            query = query.Where(e => e.DeliveryId == delivery);
        }

        var employees = db.Employees;
        var result = await ExceptionSorts.PageAsync(query, page, e => new
        {
            e.Id,
            e.DeliveryId,
            e.DeliveryNumber,
            e.Type,
            e.Description,
            e.OwnerId,
            OwnerName = employees.Where(x => x.Id == e.OwnerId).Select(x => x.Name).First(),
            e.AffectedQuantity,
            e.OpenedOn,
            e.Status,
            e.Resolution,
            e.ResolvedOn,
            e.CreatedAtUtc,
            e.Version,
        }, ct);
        if (!result.IsSuccess)
        {
            return result.Error!;
        }

        var p = result.Value!;
        return new Page<DeliveryExceptionRow>(
            [.. p.Items.Select(e => new DeliveryExceptionRow(
                e.Id, e.DeliveryId, e.DeliveryNumber, e.Type, e.Description, e.OwnerId, e.OwnerName, e.AffectedQuantity, e.OpenedOn, e.Status, e.Resolution,
                e.ResolvedOn, Age(e.OpenedOn, e.ResolvedOn, today), e.CreatedAtUtc, e.Version))],
            p.NextCursor, p.TotalCount);
    }

    public async Task<Result<DeliveryExceptionRow>> GetExceptionAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = (await ExceptionRowsAsync(db, db.DeliveryExceptions.AsNoTracking().VisibleTo(actor).Where(e => e.Id == id), clock.Today, ct)).SingleOrDefault();
        return row is null ? DeliveryErrors.ExceptionNotFound(id) : row;
    }

    /// <summary>For planning a delivery: the order's lines with what is still free to plan (ordered − delivered − on open deliveries).</summary>
    public async Task<Result<PlannableOrder>> PlannableAsync(Actor actor, Guid orderId, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await db.Orders.AsNoTracking().VisibleTo(actor).Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return OrderErrors.NotFound(orderId);
        }

        var customer = await db.Customers.AsNoTracking().Where(c => c.Id == order.CustomerId)
            .Select(c => new { c.Name, Region = db.OrgUnits.Where(u => u.Id == c.RegionId).Select(u => u.Name).FirstOrDefault() })
            .SingleAsync(ct);
        var planned = await RemainingQuantities.PlannedAsync(db, order.Id, null, ct);
        var products = await ProductMeasures.LoadAsync(db, order.Lines.Select(l => l.ProductId), ct);
        var lines = order.Lines.OrderBy(l => l.Position).Select(l =>
        {
            var product = products.GetValueOrDefault(l.ProductId, ProductMeasures.None);
            return new PlannableLine(
                l.Id, l.Position, l.ProductId, l.Sku, l.ProductName, l.BaseUnit, l.BaseQuantity, l.DeliveredQuantity, planned.GetValueOrDefault(l.Id),
                Math.Max(0, RemainingQuantities.Of(l, planned)), product.WeightKg, product.VolumeM3);
        }).ToList();
        return new PlannableOrder(order.Id, order.Number, order.Status, order.CustomerId, customer.Name, ShippingZones.ZoneOfRegion(customer.Region), order.RequestedDeliveryDate, lines);
    }

    public async Task<Result<Page<FreightRate>>> RatesAsync(Actor actor, string? zone, DeliveryMethod? method, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.FreightRates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(zone))
        {
            query = query.Where(r => r.Zone == zone.Trim());
        }

        if (method is { } m)
        {
            query = query.Where(r => r.Method == m);
        }

        return await RateSorts.PageAsync(query, page, r => r, ct);
    }

    public static readonly SortWhitelist<FreightRate> RateSorts = new(
        "createdAt",
        SortOption<FreightRate>.By("createdAt", r => r.CreatedAtUtc),
        SortOption<FreightRate>.By("validFrom", r => r.ValidFrom));

    internal static int Age(DateOnly openedOn, DateOnly? resolvedOn, DateOnly today) => (resolvedOn ?? today).DayNumber - openedOn.DayNumber;

    private static async Task<List<DeliveryExceptionRow>> ExceptionRowsAsync(SalesFlowDbContext db, IQueryable<DeliveryException> cases, DateOnly today, CancellationToken ct) =>
        (await cases.Select(e => new
        {
            e.Id,
            e.DeliveryId,
            e.DeliveryNumber,
            e.Type,
            e.Description,
            e.OwnerId,
            OwnerName = db.Employees.Where(x => x.Id == e.OwnerId).Select(x => x.Name).First(),
            e.AffectedQuantity,
            e.OpenedOn,
            e.Status,
            e.Resolution,
            e.ResolvedOn,
            e.CreatedAtUtc,
            e.Version,
        })
            .ToListAsync(ct))
            .Select(e => new DeliveryExceptionRow(
                e.Id, e.DeliveryId, e.DeliveryNumber, e.Type, e.Description, e.OwnerId, e.OwnerName, e.AffectedQuantity, e.OpenedOn, e.Status, e.Resolution,
                e.ResolvedOn, Age(e.OpenedOn, e.ResolvedOn, today), e.CreatedAtUtc, e.Version))
            .ToList();
}

/// <summary>The remaining-quantity rule's data: what open (planned) deliveries of an order hold per order line.</summary>
public static class RemainingQuantities
{
    public static async Task<Dictionary<Guid, decimal>> PlannedAsync(SalesFlowDbContext db, Guid orderId, Guid? exceptDeliveryId, CancellationToken ct)
    {
        var rows = await db.DeliveryLines
            .Where(l => db.Deliveries.Any(d => d.Id == l.DeliveryId && d.OrderId == orderId && d.Status == DeliveryStatus.Planned && d.Id != exceptDeliveryId))
            .Select(l => new { l.OrderLineId, l.Quantity })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.OrderLineId).ToDictionary(g => g.Key, g => g.Sum(r => r.Quantity));
    }

    /// <summary>What is still free to plan of a line: ordered − delivered (shipped) − held by other open deliveries.</summary>
    public static decimal Of(OrderLine line, IReadOnlyDictionary<Guid, decimal> plannedElsewhere) =>
        line.BaseQuantity - line.DeliveredQuantity - plannedElsewhere.GetValueOrDefault(line.Id);
}
