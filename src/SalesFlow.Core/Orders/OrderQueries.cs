using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Orders;

public sealed record OrderRow(
    Guid Id, string Number, OrderStatus Status, Guid CustomerId, string CustomerName, Guid? DealerId, Guid OwnerId, string OwnerName,
    DateOnly OrderDate, decimal Total, decimal InvoicedAmount, string Currency, string? HoldReason, DateTime CreatedAtUtc, int Version);

public sealed record OrderLineRow(
    Guid Id, int Position, Guid ProductId, string Sku, string ProductName, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit,
    decimal ListUnitPrice, decimal DiscountPercent, decimal NetUnitPrice, decimal NetAmount, decimal TaxRate, decimal TaxAmount, decimal GrossAmount,
    decimal DeliveredQuantity, decimal InvoicedQuantity);

public sealed record OrderDetails(
    Guid Id, string Number, OrderStatus Status, Guid CustomerId, string CustomerName, Guid? DealerId, OrderChannel Channel, Guid OwnerId, string OwnerName,
    string Currency, DateOnly OrderDate, DateOnly? RequestedDeliveryDate, int PaymentTermsDays, decimal NetAmount, decimal TaxAmount, decimal Total,
    decimal InvoicedAmount, string? HoldReason, string? ReleaseReason, string? CancelReason, DateTime? SubmittedAtUtc, DateTime? ConfirmedAtUtc,
    IReadOnlyList<OrderLineRow> Lines, CreditUsage Credit, int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy,
    Guid? SourceQuoteId = null, string? SourceQuoteNumber = null);

/// <summary>A product the customer can order today, with its list price per base unit (at quantity 1) and the units it is sold in.</summary>
public sealed record PricedProduct(Guid Id, string Sku, string Name, string Unit, int QuantityDecimals, IReadOnlyList<string> Units, decimal UnitPrice, decimal TaxRate, string Currency);

public sealed record OrderFilter(
    string? Q = null, OrderStatus? Status = null, Guid? CustomerId = null, Guid? OwnerId = null, DateOnly? From = null, DateOnly? To = null);

public sealed class OrderQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, CreditOptions credit)
{
    public static readonly SortWhitelist<Order> Sorts = new(
        "-createdAt",
        SortOption<Order>.By("createdAt", o => o.CreatedAtUtc),
        SortOption<Order>.By("orderDate", o => o.OrderDate),
        SortOption<Order>.By("total", o => o.Total));

    public async Task<Result<Page<OrderRow>>> ListAsync(Actor actor, OrderFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(OrderPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Orders.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var customerHits = db.Customers.Where(c => c.Name.Contains(q)).Select(c => c.Id);
            query = query.Where(o => o.Number.Contains(q) || customerHits.Contains(o.CustomerId));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(o => o.CustomerId == customer);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(o => o.OwnerId == owner);
        }

        if (filter.From is { } from)
        {
            query = query.Where(o => o.OrderDate >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(o => o.OrderDate <= to);
        }

        return await Sorts.PageAsync(query, page, o => new OrderRow(
            o.Id, o.Number, o.Status, o.CustomerId, db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).First(), o.DealerId,
            o.OwnerId, db.Employees.Where(e => e.Id == o.OwnerId).Select(e => e.Name).First(), o.OrderDate, o.Total, o.InvoicedAmount, o.Currency,
            o.HoldReason, o.CreatedAtUtc, o.Version), ct);
    }

    /// <summary>For the new-order form: active products that a price list prices for this customer today (direct channel).</summary>
    public async Task<Result<IReadOnlyList<PricedProduct>>> PricedProductsAsync(Actor actor, Guid customerId, CancellationToken ct)
    {
        if (actor.Require(OrderPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(c => c.Id == customerId && !c.IsDeleted, ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(customerId);
        }

        return (await PricedForAsync(db, customer, clock.Today, ct))
            .Select(x => new PricedProduct(
                x.Product.Id, x.Product.Sku, x.Product.NameZh, x.Product.Unit, x.Product.QuantityDecimals,
                [x.Product.Unit, .. x.Product.Conversions.Select(c => c.Unit)], x.Price.UnitPrice, x.Product.TaxRate, x.Price.Currency))
            .ToList();
    }

    /// <summary>
    /// The active products the customer can be sold, each at the price its order would get (the customer's price context,
    /// a dealer's tier list through <see cref="Dealers.DealerAccounts"/>): the order screen and the dealer portal list these.
    /// </summary>
    internal static async Task<List<(Catalog.Products.Product Product, Catalog.Prices.ResolvedPrice Price)>> PricedForAsync(
        SalesFlowDbContext db, Customer customer, DateOnly today, CancellationToken ct)
    {
        var products = await db.Products.AsNoTracking().Include(p => p.Conversions).Where(p => p.IsActive).OrderBy(p => p.Sku).Take(500).ToListAsync(ct);
        var prices = await Catalog.Prices.PriceResolver.ResolveAsync(
            db, await Dealers.DealerAccounts.PriceContextAsync(db, customer, today, ct), products.Select(p => (p.Id, 1m)).ToList(), ct);
        return [.. products.Select((p, i) => (Product: p, Price: prices[i])).Where(x => x.Price is not null).Select(x => (x.Product, x.Price!))];
    }

    public async Task<Result<OrderDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(OrderPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Orders.AsNoTracking().VisibleTo(actor).Where(o => o.Id == id)
            .Select(o => new
            {
                Order = o,
                CustomerName = db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).First(),
                OwnerName = db.Employees.Where(e => e.Id == o.OwnerId).Select(e => e.Name).First(),
                QuoteNumber = db.Quotes.Where(q => q.Id == o.SourceQuoteId).Select(q => q.Number).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return OrderErrors.NotFound(id);
        }

        var lines = await db.Set<OrderLine>().AsNoTracking().Where(l => l.OrderId == id).OrderBy(l => l.Position)
            .Select(l => new OrderLineRow(
                l.Id, l.Position, l.ProductId, l.Sku, l.ProductName, l.Quantity, l.Unit, l.BaseQuantity, l.BaseUnit, l.ListUnitPrice, l.DiscountPercent,
                l.NetUnitPrice, l.NetAmount, l.TaxRate, l.TaxAmount, l.GrossAmount, l.DeliveredQuantity, l.InvoicedQuantity))
            .ToListAsync(ct);
        var o = found.Order;
        var usage = await CreditExposure.OfCustomerAsync(db, o.CustomerId, clock.Today, credit.GraceDays, null, ct);
        return new OrderDetails(
            o.Id, o.Number, o.Status, o.CustomerId, found.CustomerName, o.DealerId, o.Channel, o.OwnerId, found.OwnerName, o.Currency, o.OrderDate,
            o.RequestedDeliveryDate, o.PaymentTermsDays, o.NetAmount, o.TaxAmount, o.Total, o.InvoicedAmount, o.HoldReason, o.ReleaseReason, o.CancelReason,
            o.SubmittedAtUtc, o.ConfirmedAtUtc, lines, usage, o.Version, o.CreatedAtUtc, o.CreatedBy, o.UpdatedAtUtc, o.UpdatedBy, o.SourceQuoteId, found.QuoteNumber);
    }
}
