using SalesFlow.Core.Common;

namespace SalesFlow.Core.Deliveries;

public static class DeliveryErrors
{
    public static readonly Error NoLines = Error.Rule("delivery.noLines", "A delivery needs at least one line.");

    public static readonly Error DeliveryBeforeShip =
        Error.Rule("delivery.deliveryBeforeShip", "The planned delivery date cannot be before the planned ship date.");

    public static readonly Error DeliveredBeforeShipped =
        Error.Rule("delivery.deliveredBeforeShipped", "The delivery date cannot be before the ship date.");

    public static readonly Error Cancelled = Error.Conflict("delivery.cancelled", "The delivery is cancelled.");

    public static readonly Error ExceptionResolved = Error.Conflict("deliveryException.resolved", "The exception is already resolved.");

    public static readonly Error ResolvedBeforeOpened =
        Error.Rule("deliveryException.resolvedBeforeOpened", "An exception cannot be resolved before it was opened.");

    public static readonly Error NothingToInvoice =
        Error.Rule("delivery.nothingToInvoice", "Everything this delivery shipped is already invoiced.");

    public static readonly Error UnknownOwner = Error.Rule("deliveryException.unknownOwner", "The owner must be an active employee.");

    public static Error NotPlanned(DeliveryStatus status) =>
        Error.Conflict("delivery.notPlanned", $"Only a planned delivery can be changed or shipped; this one is {status}.", ("deliveryStatus", status.ToString()));

    public static Error NotShipped(DeliveryStatus status) =>
        Error.Conflict("delivery.notShipped", $"Only a shipped delivery can be delivered; this one is {status}.", ("deliveryStatus", status.ToString()));

    public static Error CannotCancel(DeliveryStatus status) =>
        Error.Conflict("delivery.cannotCancel", $"Only a planned delivery can be cancelled; this one is {status}.", ("deliveryStatus", status.ToString()));

    public static Error NotShippable(string orderStatus) =>
        Error.Rule("delivery.orderNotShippable", $"Only a confirmed or partly delivered order can be shipped; this one is {orderStatus}.", ("orderStatus", orderStatus));

    public static Error NotInvoiceable(DeliveryStatus status) =>
        Error.Rule("delivery.notInvoiceable", $"Only a shipped or delivered delivery can be invoiced; this one is {status}.", ("deliveryStatus", status.ToString()));

    public static Error OverRemaining(int position, decimal remaining) =>
        Error.Rule(
            "delivery.exceedsRemaining", $"Order line {position}: more than the {remaining} not yet delivered or planned on another delivery.",
            ("line", position), ("remaining", remaining));

    public static Error OrderLineNotFound(Guid orderLineId) =>
        Error.Rule("delivery.orderLineNotFound", "The line does not belong to the delivery's order.", ("orderLineId", orderLineId.ToString()));

    public static Error ProductNotFound(Guid productId) =>
        Error.Rule("delivery.productNotFound", "The product does not exist.", ("productId", productId.ToString()));

    public static Error UnknownZone(string zone) => Error.Rule("delivery.unknownZone", $"{zone} is not a freight zone.", ("zone", zone));

    public static Error UnknownProvince(string province) => Error.Rule("delivery.unknownProvince", $"{province} is not a province we ship to.", ("province", province));

    public static Error NoFreightRate(string zone, DeliveryMethod method, DateOnly on) =>
        Error.Rule(
            "delivery.noFreightRate", $"No freight rate for {zone} by {method} on {on:yyyy-MM-dd}.",
            ("zone", zone), ("method", method.ToString()), ("date", on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    public static Error NotFound(Guid id) => Error.NotFound("Delivery", id);

    public static Error ExceptionNotFound(Guid id) => Error.NotFound("DeliveryException", id);

    public static Error RateNotFound(Guid id) => Error.NotFound("FreightRate", id);
}

public static class DeliveryPermissions
{
    public const string View = "deliveries.view";

    /// <summary>Plan, edit, ship, deliver, cancel, track, and work exceptions.</summary>
    public const string Manage = "deliveries.manage";

    public const string ManageRates = "deliveries.manageRates";
}

/// <summary>The orders' scope rules on the order's owner, unit and dealer copied onto the delivery (<c>OrderScope.VisibleTo</c>).</summary>
public static class DeliveryScope
{
    public static IQueryable<Delivery> VisibleTo(this IQueryable<Delivery> deliveries, Actor actor) => actor.Scope switch
    {
        DataScope.All => deliveries,
        DataScope.Team or DataScope.Region => deliveries.Where(d => actor.VisibleUnitIds.Contains(d.OrgUnitId) || d.OwnerId == actor.EmployeeId),
        DataScope.Own => deliveries.Where(d => d.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => deliveries.Where(d => actor.DealerId != null && d.DealerId == actor.DealerId),
    };

    public static IQueryable<DeliveryException> VisibleTo(this IQueryable<DeliveryException> cases, Actor actor) => actor.Scope switch
    {
        DataScope.All => cases,
        DataScope.Team or DataScope.Region => cases.Where(d => actor.VisibleUnitIds.Contains(d.OrgUnitId) || d.SalesOwnerId == actor.EmployeeId),
        DataScope.Own => cases.Where(d => d.SalesOwnerId == actor.EmployeeId),
        DataScope.OwnDealer => cases.Where(d => actor.DealerId != null && d.DealerId == actor.DealerId),
    };
}
