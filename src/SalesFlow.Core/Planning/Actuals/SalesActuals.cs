using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Planning.Actuals;

/// <summary>One booked order line, as an actual counts it.</summary>
public sealed class SalesFact
{
    public Guid OrderId { get; init; }

    public DateOnly Date { get; init; }

    public Guid OwnerId { get; init; }

    public Guid OrgUnitId { get; init; }

    public Guid? DealerId { get; init; }

    public Guid CustomerId { get; init; }

    public Guid ProductId { get; init; }

    public string ProductLine { get; init; } = "";

    /// <summary>In the product's base unit.</summary>
    public decimal Quantity { get; init; }

    /// <summary>Net of tax, the line's rounded amount.</summary>
    public decimal Amount { get; init; }
}

/// <summary>One receipt (回款) as an actual counts it.</summary>
public sealed class CollectionFact
{
    public Guid ReceiptId { get; init; }

    public DateOnly Date { get; init; }

    public Guid OwnerId { get; init; }

    public Guid OrgUnitId { get; init; }

    public Guid CustomerId { get; init; }

    /// <summary>The dealer whose account paid, null for a direct customer.</summary>
    public Guid? DealerId { get; init; }

    public decimal Amount { get; init; }
}

/// <summary>One customer won in the period (新客户).</summary>
public sealed class NewCustomerFact
{
    public Guid CustomerId { get; init; }

    public Guid OwnerId { get; init; }

    public Guid OrgUnitId { get; init; }
}

/// <summary>
/// The one definition of an actual (PRODUCT.md §2: "actuals come from the transactions, never typed in"). Targets'
/// progress, plan vs. actual and the monthly reviews all start from these queries and only filter and group them, so
/// the numbers agree everywhere:
/// <list type="bullet">
/// <item>Revenue and quantity: lines of booked orders (confirmed, partly or fully fulfilled) by order date, net of
/// tax, credited to the order's owner and the unit it was booked in (a rep who moves keeps the sales where they were made).</item>
/// <item>Collections: receipts by the day the money arrived.</item>
/// <item>New customers: customers (not deleted) created in the period, by company date.</item>
/// </list>
/// Every query is a plain <see cref="IQueryable{T}"/> over indexed columns so callers aggregate in SQL.
/// </summary>
public static class SalesActuals
{
    public static readonly OrderStatus[] BookedStatuses = [OrderStatus.Confirmed, OrderStatus.PartiallyFulfilled, OrderStatus.Fulfilled];

    public static IQueryable<SalesFact> Sales(SalesFlowDbContext db, DateOnly first, DateOnly last) =>
        from o in db.Orders
        where o.OrderDate >= first && o.OrderDate <= last && BookedStatuses.Contains(o.Status)
        join l in db.OrderLines on o.Id equals l.OrderId
        join p in db.Products on l.ProductId equals p.Id
        select new SalesFact
        {
            OrderId = o.Id,
            Date = o.OrderDate,
            OwnerId = o.OwnerId,
            OrgUnitId = o.OrgUnitId,
            DealerId = o.DealerId,
            CustomerId = o.CustomerId,
            ProductId = l.ProductId,
            ProductLine = p.ProductLine,
            Quantity = l.BaseQuantity,
            Amount = l.NetAmount,
        };

    public static IQueryable<CollectionFact> Collections(SalesFlowDbContext db, DateOnly first, DateOnly last) =>
        from r in db.Receipts
        where r.ReceivedOn >= first && r.ReceivedOn <= last
        select new CollectionFact
        {
            ReceiptId = r.Id,
            Date = r.ReceivedOn,
            OwnerId = r.OwnerId,
            OrgUnitId = r.OrgUnitId,
            CustomerId = r.CustomerId,
            DealerId = db.Dealers.Where(d => d.CustomerId == r.CustomerId).Select(d => (Guid?)d.Id).FirstOrDefault(),
            Amount = r.Amount,
        };

    public static IQueryable<NewCustomerFact> NewCustomers(SalesFlowDbContext db, CompanyClock clock, DateOnly first, DateOnly last)
    {
        var fromUtc = clock.StartOfDayUtc(first);
        var toUtc = clock.StartOfDayUtc(last.AddDays(1));
        return from c in db.Customers
               where !c.IsDeleted && c.CreatedAtUtc >= fromUtc && c.CreatedAtUtc < toUtc
               select new NewCustomerFact { CustomerId = c.Id, OwnerId = c.OwnerId, OrgUnitId = c.OrgUnitId };
    }
}
