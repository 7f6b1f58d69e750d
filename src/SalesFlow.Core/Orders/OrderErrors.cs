using SalesFlow.Core.Common;

namespace SalesFlow.Core.Orders;

public static class OrderErrors
{
    public static readonly Error NoLines = Error.Rule("order.noLines", "An order needs at least one line.");


    public static Error NotDraft(OrderStatus status) =>
        Error.Conflict("order.notDraft", $"Only a draft order can be changed or submitted; this one is {status}.", ("orderStatus", status.ToString()));

    public static Error NotOnHold(OrderStatus status) =>
        Error.Conflict("order.notOnHold", $"Only an order on credit hold can be released; this one is {status}.", ("orderStatus", status.ToString()));

    public static Error NotPendingApproval(OrderStatus status) =>
        Error.Conflict("order.notPendingApproval", $"The order is not waiting for approval; it is {status}.", ("orderStatus", status.ToString()));

    public static Error AwaitingApproval =>
        Error.Conflict("order.awaitingApproval", "The order waits for the discount approval; it is confirmed by the approval, not by hand.");

    public static Error OnCreditHold =>
        Error.Conflict("order.onCreditHold", "The order is on credit hold; only finance can release it.");

    public static Error CannotCancel(OrderStatus status) =>
        Error.Conflict("order.cannotCancel", $"An order that is {status}, delivered or invoiced cannot be cancelled.", ("orderStatus", status.ToString()));

    public static Error NotFulfillable(OrderStatus status) =>
        Error.Conflict("order.notFulfillable", $"Only a confirmed order can be delivered; this one is {status}.", ("orderStatus", status.ToString()));

    public static Error OverDelivered(int position, decimal open) =>
        Error.Rule("order.overDelivered", $"Line {position} cannot deliver more than ordered ({open} still open).", ("line", position), ("open", open));

    public static Error LineNotFound(Guid lineId) => Error.NotFound("OrderLine", lineId);

    public static Error ProductNotFound(int position) =>
        Error.Rule("order.productNotFound", $"Line {position}: the product does not exist or is not sold any more.", ("line", position));

    public static Error UnitNotSold(int position, string unit) =>
        Error.Rule("order.unitNotSold", $"Line {position}: the product is not sold in {unit}.", ("line", position), ("unit", unit));

    public static Error QuantityDecimals(int position, int decimals) =>
        Error.Rule("order.quantityDecimals", $"Line {position}: the quantity allows at most {decimals} decimals in the product's base unit.", ("line", position), ("decimals", decimals));

    public static Error NoPrice(int position, string sku) =>
        Error.Rule("order.noPrice", $"Line {position}: no price list prices {sku} for this customer today.", ("line", position), ("sku", sku));

    public static Error DiscountTooHigh(int position, decimal max) =>
        Error.Rule("order.discountTooHigh", $"Line {position}: a discount above {max} % is not possible.", ("line", position), ("max", max));

    public static Error NotFound(Guid id) => Error.NotFound("Order", id);
}

public static class OrderPermissions
{
    public const string View = "orders.view";
    public const string Edit = "orders.edit";
    public const string ReleaseHold = "orders.releaseHold";
    public const string Fulfil = "orders.fulfil";
}

public static class OrderScope
{
    /// <summary>Like customers: Team/Region by the owner's unit, Own by owner, every order for All.</summary>
    public static IQueryable<Order> VisibleTo(this IQueryable<Order> orders, Actor actor) => actor.Scope switch
    {
        DataScope.All => orders,
        DataScope.Team or DataScope.Region => orders.Where(o => actor.VisibleUnitIds.Contains(o.OrgUnitId) || o.OwnerId == actor.EmployeeId),
        DataScope.Own => orders.Where(o => o.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => orders.Where(o => actor.DealerId != null && o.DealerId == actor.DealerId),
    };
}
