using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Deliveries;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Portal;

public sealed record PortalOrderFilter(OrderStatus? Status = null);

/// <summary>
/// What a dealer user reads in the portal. Every query starts from the actor's own dealer and account
/// (<see cref="Actor.DealerId"/>, <see cref="Actor.DealerAccountId"/>) through the modules' own scopes, and answers
/// with the dealer-facing records of <c>PortalRecords</c>. Another dealer's id is simply not found (404).
/// </summary>
public sealed class PortalQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, CreditOptions credit)
{
    public const int LatestCount = 5;

    /// <summary>The company books in one currency (orders default to it).</summary>
    public const string Currency = "CNY";

    public static readonly SortWhitelist<Order> OrderSorts = new("-orderDate", SortOption<Order>.By("orderDate", o => o.OrderDate), SortOption<Order>.By("number", o => o.Number));

    public static readonly SortWhitelist<Delivery> DeliverySorts = new("-plannedShipDate", SortOption<Delivery>.By("plannedShipDate", d => d.PlannedShipDate), SortOption<Delivery>.By("number", d => d.Number));

    public static readonly SortWhitelist<Invoice> InvoiceSorts = new("-issueDate", SortOption<Invoice>.By("issueDate", i => i.IssueDate), SortOption<Invoice>.By("dueDate", i => i.DueDate));

    public static readonly SortWhitelist<Receipt> ReceiptSorts = new("-receivedOn", SortOption<Receipt>.By("receivedOn", r => r.ReceivedOn));

    public async Task<Result<PortalHome>> HomeAsync(Actor actor, CancellationToken ct)
    {
        if (Check(actor) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dealer = await DealerAsync(db, actor, ct);
        if (dealer is null)
        {
            return Error.NotFound("Dealer", actor.DealerId ?? Guid.Empty);
        }

        var account = actor.DealerAccountId!.Value;
        var today = clock.Today;
        var usage = await CreditExposure.OfCustomerAsync(db, account, today, credit.GraceDays, null, ct);
        // Open = still to be invoiced, the part of an order the credit rule counts (usage.OpenOrders is its amount).
        var statuses = Order.ExposureStatuses;
        var openCount = await db.Orders.AsNoTracking().VisibleTo(actor)
            .CountAsync(o => o.CustomerId == account && statuses.Contains(o.Status) && o.Total > o.InvoicedAmount, ct);
        var deliveries = await Deliveries(db, actor).OrderByDescending(d => d.PlannedShipDate).ThenByDescending(d => d.Id).Take(LatestCount).Select(DeliveryRow).ToListAsync(ct);
        var overdue = await OpenInvoices(db, actor).Where(i => i.DueDate < today).OrderBy(i => i.DueDate).ThenBy(i => i.Id).Take(20).Select(InvoiceRow(db)).ToListAsync(ct);
        return new PortalHome(dealer, Credit(usage), openCount, usage.OpenOrders, deliveries, WithDaysOverdue(overdue, today), Currency);
    }

    public async Task<Result<IReadOnlyList<PortalProduct>>> ProductsAsync(Actor actor, CancellationToken ct)
    {
        if ((actor.Require(PortalPermissions.Order) ?? Check(actor)) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(c => c.Id == actor.DealerAccountId && !c.IsDeleted, ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(actor.DealerAccountId!.Value);
        }

        // The same products at the same prices as the order screen (the dealer's tier list on the dealer channel).
        return (await OrderQueries.PricedForAsync(db, customer, clock.Today, ct))
            .Select(x => new PortalProduct(
                x.Product.Id, x.Product.Sku, x.Product.NameZh, x.Product.ProductLine, x.Product.Unit, x.Product.QuantityDecimals,
                [new PortalUnit(x.Product.Unit, 1m), .. x.Product.Conversions.Select(c => new PortalUnit(c.Unit, c.FactorToBase))], x.Price.UnitPrice, x.Product.TaxRate, x.Price.Currency))
            .ToList();
    }

    public async Task<Result<Page<PortalOrderRow>>> OrdersAsync(Actor actor, PortalOrderFilter filter, PageRequest page, CancellationToken ct)
    {
        if (Check(actor) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Orders(db, actor);
        if (filter.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }

        return await OrderSorts.PageAsync(query, page, o => new PortalOrderRow(
            o.Id, o.Number, o.OrderDate, o.Status, o.Channel, o.NetAmount, o.Total, o.Currency, o.RequestedDeliveryDate), ct);
    }

    public async Task<Result<PortalOrder>> OrderAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (Check(actor) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var order = await Orders(db, actor).Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return OrderErrors.NotFound(id);
        }

        return new PortalOrder(
            order.Id, order.Number, order.OrderDate, order.Status, order.Channel, order.RequestedDeliveryDate, order.PaymentTermsDays,
            order.NetAmount, order.TaxAmount, order.Total, order.InvoicedAmount, order.Currency, order.Version,
            order.Lines.OrderBy(l => l.Position).Select(l => new PortalOrderLine(
                l.Position, l.ProductId, l.Sku, l.ProductName, l.Quantity, l.Unit, l.ListUnitPrice, l.DiscountPercent, l.NetUnitPrice, l.NetAmount,
                l.TaxRate, l.TaxAmount, l.GrossAmount, l.DeliveredQuantity, l.BaseUnit)).ToList());
    }

    public async Task<Result<Page<PortalDeliveryRow>>> DeliveriesAsync(Actor actor, PageRequest page, CancellationToken ct)
    {
        if (Check(actor) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Deliveries(db, actor);
        return await DeliverySorts.PageAsync(query, page, DeliveryRow, ct);
    }

    public async Task<Result<PortalDelivery>> DeliveryAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (Check(actor) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var delivery = await Deliveries(db, actor).Include(d => d.Lines).Include(d => d.Events).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (delivery is null)
        {
            return DeliveryErrors.NotFound(id);
        }

        var row = new PortalDeliveryRow(
            delivery.Id, delivery.Number, delivery.OrderId, delivery.OrderNumber, delivery.Status, delivery.PlannedShipDate, delivery.PlannedDeliveryDate,
            delivery.ActualShipDate, delivery.ActualDeliveryDate, delivery.Carrier, delivery.TrackingNumber);
        return new PortalDelivery(
            row, delivery.ShipToAddress,
            delivery.Lines.OrderBy(l => l.Position).Select(l => new PortalDeliveryLine(l.Position, l.Sku, l.ProductName, l.Quantity, l.Unit)).ToList(),
            delivery.Events.OrderBy(e => e.AtUtc).Select(e => new PortalDeliveryEvent(e.Status, e.AtUtc, e.Location)).ToList());
    }

    public async Task<Result<Page<PortalInvoiceRow>>> InvoicesAsync(Actor actor, bool openOnly, PageRequest page, CancellationToken ct)
    {
        if (Check(actor) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = openOnly ? OpenInvoices(db, actor) : Invoices(db, actor);
        var paged = await InvoiceSorts.PageAsync(query, page, InvoiceRow(db), ct);
        return paged.IsSuccess ? new Page<PortalInvoiceRow>(WithDaysOverdue(paged.Value!.Items, clock.Today), paged.Value.NextCursor, paged.Value.TotalCount) : paged.Error!;
    }

    public async Task<Result<PortalInvoice>> InvoiceAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (Check(actor) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Invoices(db, actor).Where(i => i.Id == id).Select(InvoiceRow(db)).SingleOrDefaultAsync(ct);
        if (row is null)
        {
            return BillingErrors.InvoiceNotFound(id);
        }

        var lines = await db.InvoiceLines.AsNoTracking().Where(l => l.InvoiceId == id).OrderBy(l => l.Position)
            .Select(l => new PortalInvoiceLine(l.Sku, l.ProductName, l.Quantity, l.Unit, l.NetAmount, l.TaxAmount, l.GrossAmount)).ToListAsync(ct);
        return new PortalInvoice(WithDaysOverdue([row], clock.Today)[0], lines);
    }

    public async Task<Result<Page<PortalReceiptRow>>> ReceiptsAsync(Actor actor, PageRequest page, CancellationToken ct)
    {
        if (Check(actor) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Receipts(db, actor);
        return await ReceiptSorts.PageAsync(query, page, r => new PortalReceiptRow(r.Id, r.Number, r.ReceivedOn, r.Method, r.Amount), ct);
    }

    /// <summary>The dealer's statement: open balance and its aging (summed in SQL), credit, open invoices and the latest receipts.</summary>
    public async Task<Result<PortalStatement>> StatementAsync(Actor actor, CancellationToken ct)
    {
        if (Check(actor) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var account = actor.DealerAccountId!.Value;
        var today = clock.Today;
        var open = OpenInvoices(db, actor);

        // The same aging rule as finance's report (BillingReports), on the dealer's own account only.
        var mine = db.Invoices.AsNoTracking().VisibleTo(actor).Where(i => i.CustomerId == account);
        var row = (await BillingReports.AgingRowsAsync(db, mine, today, ReportGrouping.Customer, ct)).SingleOrDefault();
        var balance = row?.Total ?? 0m;
        var usage = await CreditExposure.OfCustomerAsync(db, account, today, credit.GraceDays, null, ct);
        var invoices = await open.OrderBy(i => i.DueDate).ThenBy(i => i.Id).Take(100).Select(InvoiceRow(db)).ToListAsync(ct);
        var receipts = await Receipts(db, actor).OrderByDescending(r => r.ReceivedOn).ThenByDescending(r => r.Id).Take(20)
            .Select(r => new PortalReceiptRow(r.Id, r.Number, r.ReceivedOn, r.Method, r.Amount)).ToListAsync(ct);
        return new PortalStatement(
            balance, new PortalAging(row?.NotDue ?? 0m, row?.Days0To30 ?? 0m, row?.Days31To60 ?? 0m, row?.Days61To90 ?? 0m, row?.Over90 ?? 0m, balance), Credit(usage), WithDaysOverdue(invoices, today), receipts, Currency);
    }

    internal static Error? Check(Actor actor) =>
        actor.Require(PortalPermissions.Use)
        ?? (actor.Scope != DataScope.OwnDealer || actor.DealerId is null || actor.DealerAccountId is null ? Error.Forbidden(PortalPermissions.Use) : null);

    private static PortalCredit Credit(CreditUsage usage) => new(usage.Limit, usage.Exposure, usage.Available, usage.OverdueAmount);

    private static async Task<PortalDealer?> DealerAsync(SalesFlowDbContext db, Actor actor, CancellationToken ct) =>
        await db.Dealers.AsNoTracking().VisibleTo(actor).Where(d => d.Id == actor.DealerId)
            .Select(d => new PortalDealer(
                d.Code, d.Name, d.Tier, d.Status, d.Province, d.City,
                db.Employees.Where(e => e.Id == d.ManagerId).Select(e => new PortalContact(e.Name, e.Mobile)).FirstOrDefault()))
            .SingleOrDefaultAsync(ct);

    // Every list starts from the module's own scope AND the dealer's account: two fences, not one.
    private static IQueryable<Order> Orders(SalesFlowDbContext db, Actor actor) =>
        db.Orders.AsNoTracking().VisibleTo(actor).Where(o => o.CustomerId == actor.DealerAccountId);

    private static IQueryable<Delivery> Deliveries(SalesFlowDbContext db, Actor actor) =>
        db.Deliveries.AsNoTracking().VisibleTo(actor).Where(d => d.CustomerId == actor.DealerAccountId);

    private static IQueryable<Invoice> Invoices(SalesFlowDbContext db, Actor actor) =>
        db.Invoices.AsNoTracking().VisibleTo(actor).Where(i => i.CustomerId == actor.DealerAccountId && i.Status != InvoiceStatus.Cancelled);

    private static IQueryable<Invoice> OpenInvoices(SalesFlowDbContext db, Actor actor) =>
        Invoices(db, actor).Where(i => i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid);

    private static IQueryable<Receipt> Receipts(SalesFlowDbContext db, Actor actor) =>
        db.Receipts.AsNoTracking().VisibleTo(actor).Where(r => r.CustomerId == actor.DealerAccountId);

    private static readonly System.Linq.Expressions.Expression<Func<Delivery, PortalDeliveryRow>> DeliveryRow = d => new PortalDeliveryRow(
        d.Id, d.Number, d.OrderId, d.OrderNumber, d.Status, d.PlannedShipDate, d.PlannedDeliveryDate, d.ActualShipDate, d.ActualDeliveryDate, d.Carrier, d.TrackingNumber);

    private static System.Linq.Expressions.Expression<Func<Invoice, PortalInvoiceRow>> InvoiceRow(SalesFlowDbContext db) => i => new PortalInvoiceRow(
        i.Id, i.Number, db.Orders.Where(o => o.Id == i.OrderId).Select(o => o.Number).FirstOrDefault() ?? "", i.IssueDate, i.DueDate, i.Status, i.Total, i.PaidAmount, i.Total - i.PaidAmount, 0);

    private static List<PortalInvoiceRow> WithDaysOverdue(IReadOnlyList<PortalInvoiceRow> rows, DateOnly today) =>
        rows.Select(r => r with
        {
            DaysOverdue = r.Status is InvoiceStatus.Open or InvoiceStatus.PartiallyPaid && r.DueDate < today ? today.DayNumber - r.DueDate.DayNumber : 0,
        }).ToList();
}
