using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;

namespace SalesFlow.Core.Orders;

/// <summary>A line as asked for: a product, a quantity in a unit (the product's base unit when left out) and an optional discount in percent.</summary>
public sealed record OrderLineInput(
    [property: Required] Guid? ProductId,
    [property: Required, Range(typeof(decimal), "0.001", "1000000000")] decimal? Quantity,
    [property: StringLength(10)] string? Unit = null,
    [property: Range(typeof(decimal), "0", "100")] decimal? DiscountPercent = null);

public sealed record CreateOrder(
    [property: Required] Guid? CustomerId,
    [property: Required] IReadOnlyList<OrderLineInput>? Lines,
    DateOnly? RequestedDeliveryDate = null,
    OrderChannel? Channel = null,
    Guid? DealerId = null);

/// <summary>
/// The rules of a new order, on a context the caller opened (the create use case, and quote acceptance later): a
/// customer the actor sees; owner, unit and payment terms from the customer; lines priced by <see cref="PriceResolver"/>
/// for the customer on the company's today (direct channel); a number from the SO series of the year. The order
/// starts as a draft. The caller holds the transaction (the number comes from a counter) and saves.
/// </summary>
public static class NewOrder
{
    public static async Task<Result<Order>> AddAsync(
        SalesFlowDbContext db, Actor actor, CreateOrder request, CompanyClock clock, DiscountAuthority discounts, CancellationToken ct)
    {
        if ((RequestValidation.Check(request) ?? OrderLines.Check(request.Lines)) is { } invalid)
        {
            return invalid;
        }

        var customer = await db.Customers.VisibleTo(actor).FirstOrDefaultAsync(c => c.Id == request.CustomerId && !c.IsDeleted, ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(request.CustomerId!.Value);
        }

        // The order belongs to the dealer whose account the customer is; a dealer that is not trading cannot order.
        var dealer = await DealerAccounts.OfCustomerAsync(db, customer.Id, ct);
        if (request.DealerId is { } asked && asked != dealer?.DealerId)
        {
            return Error.Invalid("dealerId", "mustMatchCustomer");
        }

        if (dealer is { Status: not DealerStatus.Active })
        {
            return DealerErrors.NotTrading(dealer.Status);
        }

        var today = clock.Today;
        var lines = await OrderLines.PriceAsync(db, customer, request.Lines!, today, discounts, ct);
        if (!lines.IsSuccess)
        {
            return lines.Error!;
        }

        var number = await SequenceNumbers.NextAsync(db, Order.NumberSeries, today.Year, ct);
        var order = new Order(
            number, customer.Id, dealer?.DealerId, request.Channel ?? OrderChannel.Rep, customer.OwnerId, customer.OrgUnitId,
            lines.Value!.Currency, today, customer.PaymentTermsDays);
        order.Edit(request.RequestedDeliveryDate, lines.Value.Lines);
        db.Orders.Add(order);
        return order;
    }
}

/// <summary>Turns requested lines into priced order lines: units converted, decimals checked, list prices resolved in one query.</summary>
public static class OrderLines
{
    public sealed record Priced(IReadOnlyList<OrderLine> Lines, string Currency);

    public static Error? Check(IReadOnlyList<OrderLineInput>? lines)
    {
        if (lines is null || lines.Count == 0)
        {
            return Error.Invalid("lines", "required");
        }

        if (lines.Count > Order.MaxLines)
        {
            return Error.Invalid("lines", "maxLength", ("max", Order.MaxLines));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (RequestValidation.Check(lines[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"lines[{i}].{fields[0].Field}", fields[0].Rule, [.. (fields[0].Args ?? new Dictionary<string, object?>()).Select(a => (a.Key, a.Value))]);
            }
        }

        return null;
    }

    public static async Task<Result<Priced>> PriceAsync(
        SalesFlowDbContext db, Customer customer, IReadOnlyList<OrderLineInput> lines, DateOnly today, DiscountAuthority discounts, CancellationToken ct)
    {
        var ids = lines.Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Products.Include(p => p.Conversions).Where(p => ids.Contains(p.Id) && p.IsActive).ToDictionaryAsync(p => p.Id, ct);
        var wanted = new List<(Product Product, decimal BaseQuantity, string Unit)>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var input = lines[i];
            if (!products.TryGetValue(input.ProductId!.Value, out var product))
            {
                return OrderErrors.ProductNotFound(i + 1);
            }

            var unit = string.IsNullOrWhiteSpace(input.Unit) ? product.Unit : input.Unit.Trim();
            var exact = ExactBase(product, input.Quantity!.Value, unit);
            if (exact is null)
            {
                return OrderErrors.UnitNotSold(i + 1, unit);
            }

            // The base quantity must be exact: 1.5 台 (or 0.0005 t in kg with 0 decimals) is not a quantity of this product.
            if (!product.IsValidQuantity(exact.Value))
            {
                return OrderErrors.QuantityDecimals(i + 1, product.QuantityDecimals);
            }

            if (input.DiscountPercent is { } discount && discount > discounts.MaximumPercent)
            {
                return OrderErrors.DiscountTooHigh(i + 1, discounts.MaximumPercent);
            }

            wanted.Add((product, exact.Value, unit));
        }

        var prices = await PriceResolver.ResolveAsync(db, await DealerAccounts.PriceContextAsync(db, customer, today, ct), wanted.Select(w => (w.Product.Id, w.BaseQuantity)).ToList(), ct);
        var result = new List<OrderLine>(lines.Count);
        for (var i = 0; i < wanted.Count; i++)
        {
            var (product, baseQuantity, unit) = wanted[i];
            if (prices[i] is not { } price)
            {
                return OrderErrors.NoPrice(i + 1, product.Sku);
            }

            result.Add(new OrderLine(
                i + 1, product.Id, product.Sku, product.NameZh, decimal.Round(lines[i].Quantity!.Value, 3, MidpointRounding.AwayFromZero), unit, baseQuantity, product.Unit,
                price.PriceListId, price.UnitPrice, price.FloorPrice, decimal.Round(lines[i].DiscountPercent ?? 0m, 2, MidpointRounding.AwayFromZero), product.TaxRate));
        }

        return new Priced(result, (prices.Count > 0 ? prices[0]?.Currency : null) ?? "CNY");
    }

    // ToBaseQuantity rounds to the product's decimals; compare against the unrounded conversion so 1.5 台 is refused, not rounded to 2.
    private static decimal? ExactBase(Product product, decimal quantity, string unit)
    {
        if (string.Equals(unit, product.Unit, StringComparison.Ordinal))
        {
            return quantity;
        }

        var converted = product.ToBaseQuantity(1m, unit);
        if (converted is null)
        {
            return null;
        }

        var factor = product.Conversions.First(c => string.Equals(c.Unit, unit, StringComparison.Ordinal)).FactorToBase;
        return quantity * factor;
    }
}
