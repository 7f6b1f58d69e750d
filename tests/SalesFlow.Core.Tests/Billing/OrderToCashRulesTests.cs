using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Tests.Opportunities;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Billing;

/// <summary>Order → credit → invoice → receipt → aging on a real database, with the company clock at day boundaries (Asia/Shanghai).</summary>
public class OrderToCashRulesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static readonly Actor Finance = new(Guid.NewGuid(), "finance", new HashSet<string> { Roles.Finance }, null, null, DataScope.All, null, [], null);

    internal sealed record World(TestDatabase Database, Actor Rep, Guid Customer, Guid Rebar, Guid Compressor);

    /// <summary>Clock: 2026-03-31 01:00 UTC = 09:00 in Shanghai. Rebar sells by the ton with 3 decimals at 4,180.50; the compressor by the unit.</summary>
    internal static async Task<World> WorldAsync(TestDatabase database, decimal creditLimit, int terms)
    {
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "上海恒达机电有限公司");
        await using var db = await database.Factory.OpenAsync(Actor.System, Ct);
        (await db.Customers.SingleAsync(c => c.Id == customer)).SetCredit(creditLimit, terms);
        var rebar = new Product("GJ-1", "螺纹钢", "Rebar", "建材", "钢材", "吨", 3, 0.13m);
        var compressor = new Product("KY-1", "空压机", "Compressor", "设备", "空压机", "台", 0, 0.13m);
        db.Products.AddRange(rebar, compressor);
        var list = new PriceList("STD", "标准价", "CNY", new DateOnly(2025, 1, 1), null);
        list.SetStatus(PriceListStatus.Active);
        list.SetPrice(rebar.Id, 0m, 4_180.50m, 3_800m);
        list.SetPrice(compressor.Id, 0m, 82_000m, 70_000m);
        db.PriceLists.Add(list);
        await db.SaveChangesAsync(Ct);
        return new World(database, rep, customer, rebar.Id, compressor.Id);
    }

    private static async Task<OrderDetails> SubmittedAsync(World world, params OrderLineInput[] lines)
    {
        var created = await world.Database.Get<CreateOrderHandler>().HandleAsync(new CreateOrder(world.Customer, lines), world.Rep, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        var submitted = await world.Database.Get<ChangeOrderStatusHandler>().HandleAsync(new ChangeOrderStatus(created.Value!.Id, OrderStep.Submit), world.Rep, Ct);
        Assert.True(submitted.IsSuccess, submitted.Error?.Message);
        return submitted.Value!;
    }

    private static async Task<CreditUsage> UsageAsync(World world)
    {
        await using var db = await world.Database.Factory.CreateDbContextAsync(Ct);
        return await CreditExposure.OfCustomerAsync(db, world.Customer, world.Database.Get<CompanyClock>().Today, 30, null, Ct);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Bulk_line_money_exposure_invoice_receipt_and_aging_buckets_follow_the_company_day(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(database, 1_000_000m, terms: 30);

        var order = await SubmittedAsync(world, new OrderLineInput(world.Rebar, 12.345m, null, 3m), new OrderLineInput(world.Compressor, 2m));
        var expected = LineAmounts.Of(12.345m, 4_180.50m, 3m, 0.13m);
        Assert.Equal((OrderStatus.Confirmed, "SO-2026-000001"), (order.Status, order.Number));
        Assert.Equal((expected.NetAmount, expected.TaxAmount, expected.GrossAmount), (order.Lines[0].NetAmount, order.Lines[0].TaxAmount, order.Lines[0].GrossAmount));
        Assert.Equal(DocumentTotals.Of([expected, LineAmounts.Of(2m, 82_000m, 0m, 0.13m)]).GrossAmount, order.Total);
        Assert.Equal((order.Total, 0m, order.Total), ((await UsageAsync(world)).OpenOrders, (await UsageAsync(world)).UnpaidInvoices, (await UsageAsync(world)).Exposure));

        // Invoicing moves the exposure from the order to the invoice; the due date is issue + terms in Shanghai.
        var invoice = (await database.Get<CreateInvoiceHandler>().HandleAsync(new CreateInvoice(order.Id), Finance, Ct)).Value!;
        Assert.Equal((new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30), order.Total), (invoice.IssueDate, invoice.DueDate, invoice.Total));
        var usage = await UsageAsync(world);
        Assert.Equal((0m, order.Total, order.Total), (usage.OpenOrders, usage.UnpaidInvoices, usage.Exposure));

        var receipts = database.Get<ReceiptHandler>();
        var refused = await receipts.CreateAsync(new CreateReceipt(world.Customer, invoice.Total + 5m, new DateOnly(2026, 3, 31), ReceiptMethod.BankTransfer, "X", [new AllocationInput(invoice.Id, invoice.Total + 0.01m)]), Finance, Ct);
        Assert.Equal("receipt.overAllocated", refused.Error?.Code);
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            Assert.False(await db.Receipts.AnyAsync(Ct), "a refused allocation saves nothing");
        }

        var paid = (await receipts.CreateAsync(new CreateReceipt(world.Customer, 10_000m, new DateOnly(2026, 3, 31), ReceiptMethod.BankTransfer, "BK-9", [new AllocationInput(invoice.Id, 10_000m)]), Finance, Ct)).Value!;
        Assert.Equal(0m, paid.Unapplied);
        Assert.Equal(order.Total - 10_000m, (await UsageAsync(world)).Exposure);

        var reports = database.Get<BillingReports>();
        async Task<AgingRow> AgingAt(DateTimeOffset utc)
        {
            database.Time.SetUtcNow(utc);
            return (await reports.AgingAsync(Finance, null, ReportGrouping.Customer, Ct)).Value!.Rows.Single();
        }

        var open = invoice.Total - 10_000m;
        Assert.Equal(open, (await AgingAt(new DateTimeOffset(2026, 4, 29, 15, 59, 0, TimeSpan.Zero))).NotDue);
        Assert.Equal(open, (await AgingAt(new DateTimeOffset(2026, 4, 30, 15, 59, 0, TimeSpan.Zero))).Days0To30); // 23:59 on the due date: 0 days past due
        Assert.Equal(open, (await AgingAt(new DateTimeOffset(2026, 5, 30, 15, 59, 0, TimeSpan.Zero))).Days0To30); // 30 days past due, Shanghai
        Assert.Equal(open, (await AgingAt(new DateTimeOffset(2026, 5, 30, 16, 0, 0, TimeSpan.Zero))).Days31To60); // 00:00 on May 31 in Shanghai: 31 days
        Assert.Equal(open, (await AgingAt(new DateTimeOffset(2026, 6, 29, 16, 0, 0, TimeSpan.Zero))).Days61To90);
        Assert.Equal(open, (await AgingAt(new DateTimeOffset(2026, 7, 29, 16, 0, 0, TimeSpan.Zero))).Over90);

        // As of an earlier day, a later payment is not counted yet.
        var before = (await reports.AgingAsync(Finance, new DateOnly(2026, 3, 30), ReportGrouping.Customer, Ct)).Value!;
        Assert.Empty(before.Rows);

        var collection = (await reports.CollectionAsync(Finance, "2026-Q2", ReportGrouping.Customer, Ct)).Value!;
        Assert.Equal((invoice.Total, 10_000m, decimal.Round(10_000m / invoice.Total, 4, MidpointRounding.AwayFromZero)), (collection.Totals.Due, collection.Totals.Collected, collection.Totals.Rate));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_invoice_more_than_the_grace_days_overdue_holds_new_orders_and_the_limit_counts_open_orders(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(database, 150_000m, terms: 0);
        var first = await SubmittedAsync(world, new OrderLineInput(world.Compressor, 1m));
        Assert.Equal((OrderStatus.Confirmed, 92_660m), (first.Status, first.Total));

        // 92,660 open + 92,660 new > 150,000.
        var second = await SubmittedAsync(world, new OrderLineInput(world.Compressor, 1m));
        Assert.Equal((OrderStatus.OnCreditHold, OrderReview.LimitExceeded), (second.Status, second.HoldReason));
        Assert.True((await database.Get<ChangeOrderStatusHandler>().HandleAsync(new ChangeOrderStatus(second.Id, OrderStep.Cancel, Reason: "客户改单"), world.Rep, Ct)).IsSuccess);

        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            (await db.Customers.SingleAsync(c => c.Id == world.Customer, Ct)).SetCredit(100_000_000m, 0);
            await db.SaveChangesAsync(Ct);
        }

        // Terms 0: due on the day of issue (March 31). 30 days past due is within the grace days, 31 is not.
        Assert.True((await database.Get<CreateInvoiceHandler>().HandleAsync(new CreateInvoice(first.Id), Finance, Ct)).IsSuccess);
        database.Time.SetUtcNow(new DateTimeOffset(2026, 4, 30, 15, 59, 0, TimeSpan.Zero));
        Assert.Equal(OrderStatus.Confirmed, (await SubmittedAsync(world, new OrderLineInput(world.Rebar, 1m))).Status);
        database.Time.SetUtcNow(new DateTimeOffset(2026, 4, 30, 16, 0, 0, TimeSpan.Zero));
        var held = await SubmittedAsync(world, new OrderLineInput(world.Rebar, 1m));
        Assert.Equal((OrderStatus.OnCreditHold, OrderReview.OverdueInvoices), (held.Status, held.HoldReason));
        Assert.Equal(92_660m, held.Credit.OverdueAmount);

        // Finance releases; the hold cannot be bypassed by editing or submitting again.
        var edit = await database.Get<UpdateOrderHandler>().HandleAsync(new UpdateOrder(held.Id, [new OrderLineInput(world.Rebar, 2m)], null, held.Version), world.Rep, Ct);
        Assert.Equal("order.notDraft", edit.Error?.Code);
        Assert.Equal(ErrorKind.Forbidden, (await database.Get<ChangeOrderStatusHandler>().HandleAsync(new ChangeOrderStatus(held.Id, OrderStep.ReleaseHold, Reason: "x"), world.Rep, Ct)).Error?.Kind);
        var released = await database.Get<ChangeOrderStatusHandler>().HandleAsync(new ChangeOrderStatus(held.Id, OrderStep.ReleaseHold, held.Version, "客户已承诺本周付款"), Finance, Ct);
        Assert.Equal((OrderStatus.Confirmed, "客户已承诺本周付款"), (released.Value!.Status, released.Value.ReleaseReason));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_discount_beyond_the_reps_authority_waits_for_approval_then_goes_on_to_the_credit_check_or_back_to_draft(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(database, 1_000_000m, terms: 30);
        var approved = await SubmittedAsync(world, new OrderLineInput(world.Compressor, 1m, null, 8m));
        var rejected = await SubmittedAsync(world, new OrderLineInput(world.Compressor, 1m, null, 8m));
        Assert.Equal(OrderStatus.PendingApproval, approved.Status);

        // As the approvals engine calls it: in the decision's transaction (the credit check locks the customer in it).
        await using var db = await database.Factory.OpenAsync(Actor.System, Ct);
        var outcome = database.Get<OrderApprovalOutcome>();
        await using (var transaction = await db.Database.BeginTransactionAsync(Ct))
        {
            Assert.True((await outcome.ApplyAsync(db, approved.Id, approved: true, Ct)).IsSuccess);
            Assert.True((await outcome.ApplyAsync(db, rejected.Id, approved: false, Ct)).IsSuccess);
            await db.SaveChangesAsync(Ct);
            await transaction.CommitAsync(Ct);
        }

        var queries = database.Get<OrderQueries>();
        Assert.Equal(OrderStatus.Confirmed, (await queries.GetAsync(world.Rep, approved.Id, Ct)).Value!.Status);
        Assert.Equal(OrderStatus.Draft, (await queries.GetAsync(world.Rep, rejected.Id, Ct)).Value!.Status);
        Assert.Equal("order.notPendingApproval", (await outcome.ApplyAsync(db, approved.Id, approved: true, Ct)).Error?.Code);
    }

    [Fact]
    public void A_receipt_never_allocates_more_than_it_has_nor_more_than_an_invoice_owes()
    {
        var customer = Guid.NewGuid();
        var order = new Order("SO-2026-000001", customer, null, OrderChannel.Rep, Guid.NewGuid(), Guid.NewGuid(), "CNY", new DateOnly(2026, 3, 31), 30);
        order.Edit(null, [new OrderLine(1, Guid.NewGuid(), "GJ-1", "螺纹钢", 10.5m, "吨", 10.5m, "吨", Guid.NewGuid(), 4_000m, null, 0m, 0.13m)]);
        order.Submit(OrderStatus.Confirmed, null, DateTime.UtcNow);
        var invoice = Invoice.For(order, "INV-2026-000001", new DateOnly(2026, 3, 31), [(order.Lines[0], 10.5m)]);
        Assert.Equal(47_460m, invoice.Total);
        var receipt = new Receipt("RCP-2026-000001", customer, Guid.NewGuid(), Guid.NewGuid(), 50_000m, new DateOnly(2026, 4, 1), ReceiptMethod.BankTransfer, null);

        Assert.Equal("receipt.overAllocated", receipt.Allocate(invoice, 47_460.01m, new DateOnly(2026, 4, 1)).Error?.Code);
        Assert.True(receipt.Allocate(invoice, 47_460m, new DateOnly(2026, 4, 1)).IsSuccess);
        Assert.Equal((InvoiceStatus.Paid, 2_540m), (invoice.Status, receipt.Unapplied));
        Assert.Equal("receipt.overAllocated", receipt.Allocate(invoice, 1m, new DateOnly(2026, 4, 1)).Error?.Code);

        var other = Invoice.For(order, "INV-2026-000002", new DateOnly(2026, 3, 31), []);
        Assert.Equal("receipt.exceedsReceipt", receipt.Allocate(other, 2_540.01m, new DateOnly(2026, 4, 1)).Error?.Code);
        Assert.Equal(10.5m, order.Lines[0].InvoicedQuantity);
    }
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Two_orders_of_one_customer_submitted_at_once_cannot_both_spend_the_same_credit(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(database, 150_000m, terms: 30);
        var orders = database.Get<CreateOrderHandler>();
        var a = (await orders.HandleAsync(new CreateOrder(world.Customer, [new OrderLineInput(world.Compressor, 1m)]), world.Rep, Ct)).Value!;
        var b = (await orders.HandleAsync(new CreateOrder(world.Customer, [new OrderLineInput(world.Compressor, 1m)]), world.Rep, Ct)).Value!;

        // 92,660 each against 150,000: whichever checks second must see the first and be held.
        var results = await Task.WhenAll(
            Task.Run(() => database.Get<ChangeOrderStatusHandler>().HandleAsync(new ChangeOrderStatus(a.Id, OrderStep.Submit), world.Rep, Ct)),
            Task.Run(() => database.Get<ChangeOrderStatusHandler>().HandleAsync(new ChangeOrderStatus(b.Id, OrderStep.Submit), world.Rep, Ct)));
        Assert.All(results, r => Assert.True(r.IsSuccess, r.Error?.Message));
        Assert.Equal([OrderStatus.OnCreditHold, OrderStatus.Confirmed], results.Select(r => r.Value!.Status).Order());
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.NotNull((await db.Customers.SingleAsync(c => c.Id == world.Customer, Ct)).CreditCheckedAtUtc);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task An_unpaid_invoice_is_cancelled_with_a_reason_and_its_quantities_can_be_invoiced_again(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(database, 1_000_000m, terms: 30);
        var order = await SubmittedAsync(world, new OrderLineInput(world.Rebar, 2.5m), new OrderLineInput(world.Compressor, 1m));
        var invoices = database.Get<CreateInvoiceHandler>();
        var cancel = database.Get<CancelInvoiceHandler>();
        var first = (await invoices.HandleAsync(new CreateInvoice(order.Id), Finance, Ct)).Value!;

        Assert.Equal("reason", (await cancel.HandleAsync(new CancelInvoice(first.Id, "  "), Finance, Ct)).Error?.Fields?.Single().Field);
        Assert.Equal(ErrorKind.Forbidden, (await cancel.HandleAsync(new CancelInvoice(first.Id, "开错抬头"), world.Rep, Ct)).Error?.Kind);
        Assert.Equal("common.staleVersion", (await cancel.HandleAsync(new CancelInvoice(first.Id, "开错抬头", first.Version + 1), Finance, Ct)).Error?.Code);

        var cancelled = (await cancel.HandleAsync(new CancelInvoice(first.Id, "开错抬头", first.Version), Finance, Ct)).Value!;
        Assert.Equal((InvoiceStatus.Cancelled, "开错抬头", 0m), (cancelled.Status, cancelled.CancelReason, cancelled.Outstanding));
        Assert.Equal("invoice.cancelled", (await cancel.HandleAsync(new CancelInvoice(first.Id, "再次"), Finance, Ct)).Error?.Code);
        var usage = await UsageAsync(world);
        Assert.Equal((order.Total, 0m), (usage.OpenOrders, usage.UnpaidInvoices));

        // The order lines are free again: a new invoice takes the same quantities; one with a receipt cannot be cancelled.
        var second = (await invoices.HandleAsync(new CreateInvoice(order.Id), Finance, Ct)).Value!;
        Assert.Equal((first.Total, 2.5m), (second.Total, second.Lines[0].Quantity));
        Assert.True((await database.Get<ReceiptHandler>().CreateAsync(
            new CreateReceipt(world.Customer, 100m, new DateOnly(2026, 3, 31), ReceiptMethod.BankTransfer, "BK-1", [new AllocationInput(second.Id, 100m)]), Finance, Ct)).IsSuccess);
        Assert.Equal("invoice.hasReceipts", (await cancel.HandleAsync(new CancelInvoice(second.Id, "开错"), Finance, Ct)).Error?.Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_owner_hears_once_when_an_invoice_becomes_overdue_and_again_in_each_aging_bucket(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(database, 1_000_000m, terms: 30);
        var order = await SubmittedAsync(world, new OrderLineInput(world.Compressor, 1m));
        var invoice = (await database.Get<CreateInvoiceHandler>().HandleAsync(new CreateInvoice(order.Id), Finance, Ct)).Value!;
        Assert.Equal(new DateOnly(2026, 4, 30), invoice.DueDate);
        var reminders = database.Get<OverdueInvoiceReminders>();

        Assert.Equal(0, await reminders.RunAsync(new DateOnly(2026, 4, 30), Ct)); // due today: not overdue
        Assert.Equal(1, await reminders.RunAsync(new DateOnly(2026, 5, 2), Ct));
        Assert.Equal(0, await reminders.RunAsync(new DateOnly(2026, 5, 2), Ct)); // a second run sends nothing
        Assert.Equal(0, await reminders.RunAsync(new DateOnly(2026, 5, 20), Ct)); // same bucket
        Assert.Equal(1, await reminders.RunAsync(new DateOnly(2026, 5, 31), Ct)); // 31 days: the next bucket

        var mine = (await database.Get<Notifications.NotificationQueries>().ListAsync(world.Rep, unreadOnly: true, new PageRequest(), Ct)).Value!;
        Assert.Equal(2, mine.TotalCount);
        Assert.Equal([invoice.Number, "上海恒达机电有限公司", "31", invoice.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)], mine.Items[0].Args);
        Assert.Equal($"/invoices/{invoice.Id}", mine.Items[0].Link);
        Assert.True((await database.Get<Notifications.NotificationQueries>().MarkReadAsync(world.Rep, mine.Items[0].Id, Ct)).IsSuccess);
        Assert.Equal(1, await database.Get<Notifications.NotificationQueries>().UnreadCountAsync(world.Rep, Ct));
        Assert.Equal(ErrorKind.NotFound, (await database.Get<Notifications.NotificationQueries>().MarkReadAsync(Finance, mine.Items[0].Id, Ct)).Error?.Kind);

        // Paid in full: no reminder for the later buckets.
        Assert.True((await database.Get<ReceiptHandler>().CreateAsync(
            new CreateReceipt(world.Customer, invoice.Total, new DateOnly(2026, 3, 31), ReceiptMethod.BankTransfer, "BK-2", [new AllocationInput(invoice.Id, invoice.Total)]), Finance, Ct)).IsSuccess);
        Assert.Equal(0, await reminders.RunAsync(new DateOnly(2026, 6, 30), Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Only_one_holder_has_the_job_lease_until_it_is_released_or_expires(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var now = new DateTime(2026, 3, 31, 1, 0, 0, DateTimeKind.Utc);
        await using var db = await database.Factory.OpenAsync(Actor.System, Ct);
        Assert.True(await Jobs.JobLeases.TryAcquireAsync(db, "reminders", "a", TimeSpan.FromMinutes(15), now, Ct));
        Assert.False(await Jobs.JobLeases.TryAcquireAsync(db, "reminders", "b", TimeSpan.FromMinutes(15), now.AddMinutes(5), Ct));
        Assert.True(await Jobs.JobLeases.TryAcquireAsync(db, "reminders", "a", TimeSpan.FromMinutes(15), now.AddMinutes(5), Ct)); // the holder renews
        Assert.True(await Jobs.JobLeases.TryAcquireAsync(db, "reminders", "b", TimeSpan.FromMinutes(15), now.AddMinutes(21), Ct)); // expired
        await Jobs.JobLeases.ReleaseAsync(db, "reminders", "b", now.AddMinutes(22), Ct);
        Assert.True(await Jobs.JobLeases.TryAcquireAsync(db, "reminders", "a", TimeSpan.FromMinutes(15), now.AddMinutes(23), Ct));
    }
}
