using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Deliveries;

public enum DeliveryStep
{
    Ship,
    Deliver,
    Cancel,
    Track,
}

/// <summary>A verb on a delivery. <see cref="On"/> is the actual ship/delivery date (ship defaults to today); <see cref="AtUtc"/> the time of a tracking event.</summary>
public sealed record ChangeDelivery(
    Guid Id, DeliveryStep Step, int? Version = null, DateOnly? On = null, string? TrackingNumber = null, string? Location = null, string? Note = null,
    string? Reason = null, DateTime? AtUtc = null);

/// <summary>
/// Ship, deliver, cancel and tracking events. Shipping reports the delivery's quantities to the order through
/// <see cref="Order.Fulfil"/> in the same save (partial → PartiallyFulfilled, all → Fulfilled): both change or neither.
/// </summary>
public sealed class ChangeDeliveryHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DeliveryQueries queries)
{
    public async Task<Result<DeliveryDetails>> HandleAsync(ChangeDelivery request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.Manage) is { } denied)
        {
            return denied;
        }

        var reason = DeliveryPlanning.Clean(request.Reason);
        var location = DeliveryPlanning.Clean(request.Location);
        var note = DeliveryPlanning.Clean(request.Note);
        var tracking = DeliveryPlanning.Clean(request.TrackingNumber);
        if (Validate(request, reason, location, note, tracking) is { } invalid)
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
        var now = clock.UtcNow;
        var done = request.Step switch
        {
            DeliveryStep.Ship => await ShipAsync(db, delivery, request.On ?? clock.Today, tracking, now, location, note, actor, ct),
            DeliveryStep.Deliver => delivery.Deliver(request.On!.Value, now, location, note, actor.UserName),
            DeliveryStep.Cancel => delivery.Cancel(reason!, now, actor.UserName),
            DeliveryStep.Track => delivery.Track(request.AtUtc ?? now, location, note, actor.UserName),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Step, null),
        };
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (await db.SaveOrConflictAsync("Delivery", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, delivery.Id, ct);
    }

    private static async Task<Result> ShipAsync(
        SalesFlowDbContext db, Delivery delivery, DateOnly on, string? tracking, DateTime now, string? location, string? note, Actor actor, CancellationToken ct)
    {
        var shipped = delivery.Ship(on, tracking, now, location, note, actor.UserName);
        if (!shipped.IsSuccess)
        {
            return shipped;
        }

        var order = await db.Orders.Include(o => o.Lines).SingleAsync(o => o.Id == delivery.OrderId, ct);
        if (order.Status is not (OrderStatus.Confirmed or OrderStatus.PartiallyFulfilled))
        {
            return DeliveryErrors.NotShippable(order.Status.ToString());
        }

        return order.Fulfil(delivery.Lines.GroupBy(l => l.OrderLineId).Select(g => (g.Key, g.Sum(l => l.Quantity))).ToList());
    }

    private Error? Validate(ChangeDelivery request, string? reason, string? location, string? note, string? tracking)
    {
        if (request.Step == DeliveryStep.Cancel)
        {
            if (reason is null)
            {
                return Error.Invalid("reason", "required");
            }

            if (reason.Length > Delivery.ReasonMaxLength)
            {
                return Error.Invalid("reason", "stringLength", ("min", 1), ("max", Delivery.ReasonMaxLength));
            }
        }

        if (request.Step == DeliveryStep.Deliver && request.On is null)
        {
            return Error.Invalid("actualDeliveryDate", "required");
        }

        if (request.On is { } on && on > clock.Today)
        {
            return Error.Invalid(request.Step == DeliveryStep.Ship ? "actualShipDate" : "actualDeliveryDate", "notInFuture");
        }

        if (request.Step == DeliveryStep.Track)
        {
            if (location is null && note is null)
            {
                return Error.Invalid("note", "required");
            }

            if (request.AtUtc is { } at && at > clock.UtcNow.AddMinutes(5))
            {
                return Error.Invalid("at", "notInFuture");
            }
        }

        return location is { Length: > DeliveryEvent.LocationMaxLength } ? Error.Invalid("location", "stringLength", ("min", 0), ("max", DeliveryEvent.LocationMaxLength))
            : note is { Length: > DeliveryEvent.NoteMaxLength } ? Error.Invalid("note", "stringLength", ("min", 0), ("max", DeliveryEvent.NoteMaxLength))
            : tracking is { Length: > Delivery.TrackingMaxLength } ? Error.Invalid("trackingNumber", "stringLength", ("min", 0), ("max", Delivery.TrackingMaxLength))
            : null;
    }
}

public sealed record OpenDeliveryException(
    Guid DeliveryId,
    [property: Required] DeliveryExceptionType? Type,
    [property: Required, StringLength(DeliveryException.DescriptionMaxLength, MinimumLength = 1)] string? Description,
    Guid? OwnerId = null,
    [property: Range(typeof(decimal), "0.001", "1000000000")] decimal? AffectedQuantity = null);

public sealed record AssignDeliveryException(Guid Id, [property: Required] Guid? OwnerId, int? Version = null);

public sealed record ResolveDeliveryException(
    Guid Id, [property: Required, StringLength(DeliveryException.ResolutionMaxLength, MinimumLength = 1)] string? Resolution, DateOnly? ResolvedOn = null, int? Version = null);

/// <summary>Exception cases: opened on a delivery (owner = the opener unless named), reassigned, resolved with a text and date.</summary>
public sealed class DeliveryExceptionHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DeliveryQueries queries)
{
    public async Task<Result<DeliveryExceptionRow>> OpenAsync(OpenDeliveryException request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var ownerId = request.OwnerId ?? actor.EmployeeId;
        if (ownerId is null)
        {
            return Error.Invalid("ownerId", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var delivery = await db.Deliveries.VisibleTo(actor).SingleOrDefaultAsync(d => d.Id == request.DeliveryId, ct);
        if (delivery is null)
        {
            return DeliveryErrors.NotFound(request.DeliveryId);
        }

        if (delivery.Status == DeliveryStatus.Cancelled)
        {
            return DeliveryErrors.Cancelled;
        }

        if (!await db.Employees.AnyAsync(e => e.Id == ownerId && e.IsActive, ct))
        {
            return DeliveryErrors.UnknownOwner;
        }

        var opened = new DeliveryException(delivery, request.Type!.Value, request.Description!.Trim(), ownerId.Value, request.AffectedQuantity, clock.Today);
        db.DeliveryExceptions.Add(opened);
        await db.SaveChangesAsync(ct);
        return await queries.GetExceptionAsync(actor, opened.Id, ct);
    }

    public async Task<Result<DeliveryExceptionRow>> AssignAsync(AssignDeliveryException request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        if (!await db.Employees.AnyAsync(e => e.Id == request.OwnerId && e.IsActive, ct))
        {
            return DeliveryErrors.UnknownOwner;
        }

        return await SaveAsync(db, actor, loaded.Value!, loaded.Value!.Assign(request.OwnerId!.Value), ct);
    }

    public async Task<Result<DeliveryExceptionRow>> ResolveAsync(ResolveDeliveryException request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(DeliveryPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.ResolvedOn > clock.Today)
        {
            return Error.Invalid("resolvedOn", "notInFuture");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        return await SaveAsync(db, actor, loaded.Value!, loaded.Value!.Resolve(request.Resolution!.Trim(), request.ResolvedOn ?? clock.Today), ct);
    }

    private async Task<Result<DeliveryException>> LoadAsync(SalesFlowDbContext db, Actor actor, Guid id, int? version, CancellationToken ct)
    {
        var found = await db.DeliveryExceptions.VisibleTo(actor).SingleOrDefaultAsync(e => e.Id == id, ct);
        if (found is null)
        {
            return DeliveryErrors.ExceptionNotFound(id);
        }

        if (version is { } sent && sent != found.Version)
        {
            return Error.StaleVersion("DeliveryException", sent, found.Version, (await queries.GetExceptionAsync(actor, id, ct)).Value);
        }

        return found;
    }

    private async Task<Result<DeliveryExceptionRow>> SaveAsync(SalesFlowDbContext db, Actor actor, DeliveryException found, Result done, CancellationToken ct)
    {
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (await db.SaveOrConflictAsync("DeliveryException", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetExceptionAsync(actor, found.Id, ct);
    }
}
