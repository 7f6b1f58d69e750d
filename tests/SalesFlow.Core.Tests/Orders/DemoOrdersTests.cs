using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Tests.Orders;

/// <summary>The demo company's order history: big enough, consistent, and with every receivables situation the pages show.</summary>
public class DemoOrdersTests(ITestOutputHelper output)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_demo_has_two_years_of_orders_invoices_receipts_overdue_buckets_and_credit_holds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var watch = Stopwatch.StartNew();
        Assert.True(await database.Get<DemoCompanySeeder>().SeedIfEmptyAsync("SalesFlow#2026", Ct));
        output.WriteLine($"Demo company seeded on {provider} in {watch.Elapsed.TotalSeconds:F1} s");

        await using var db = await database.Factory.CreateDbContextAsync();
        var lines = await db.OrderLines.CountAsync();
        var orders = await db.Orders.CountAsync();
        output.WriteLine($"{orders} orders, {lines} lines, {await db.Invoices.CountAsync()} invoices, {await db.Receipts.CountAsync()} receipts");
        Assert.True(lines >= 20_000, $"{lines} order lines");
        Assert.True(await db.Orders.MinAsync(o => o.OrderDate) <= database.Get<CompanyClock>().Today.AddDays(-700));

        // Totals are sums of lines, invoices never exceed orders, payments never exceed invoices.
        Assert.False(await db.Orders.AnyAsync(o => o.Total != db.OrderLines.Where(l => l.OrderId == o.Id).Sum(l => l.GrossAmount)));
        Assert.False(await db.Orders.AnyAsync(o => o.InvoicedAmount > o.Total));
        Assert.False(await db.Invoices.AnyAsync(i => i.PaidAmount > i.Total));
        Assert.False(await db.Receipts.AnyAsync(r => r.AllocatedAmount > r.Amount));
        Assert.True(await db.Receipts.AnyAsync(r => r.AllocatedAmount < r.Amount), "some receipts leave credit");

        var fulfilled = await db.Orders.CountAsync(o => o.Status == OrderStatus.Fulfilled);
        Assert.True(fulfilled > orders / 2, $"{fulfilled} of {orders} fulfilled");
        Assert.True(await db.Orders.CountAsync(o => o.Status == OrderStatus.OnCreditHold) >= 5);
        Assert.True(await db.Orders.AnyAsync(o => o.Status == OrderStatus.PartiallyFulfilled));

        var aging = (await database.Get<BillingReports>().AgingAsync(Actor.System, null, ReportGrouping.Region, Ct)).Value!;
        output.WriteLine($"aging: not due {aging.Totals.NotDue}, 0-30 {aging.Totals.Days0To30}, 31-60 {aging.Totals.Days31To60}, 61-90 {aging.Totals.Days61To90}, >90 {aging.Totals.Over90}");
        Assert.All(new[] { aging.Totals.NotDue, aging.Totals.Days0To30, aging.Totals.Days31To60, aging.Totals.Days61To90, aging.Totals.Over90 }, b => Assert.True(b > 0));

        var today = database.Get<CompanyClock>().Today;
        var customers = await db.Orders.Select(o => o.CustomerId).Distinct().ToListAsync();
        var overLimit = 0;
        foreach (var customer in customers.Take(600))
        {
            var usage = await CreditExposure.OfCustomerAsync(db, customer, today, 30, null, Ct);
            overLimit += usage.Exposure > usage.Limit ? 1 : 0;
        }

        output.WriteLine($"{overLimit} of the first 600 customers are over their credit limit");
        Assert.InRange(overLimit, 3, 300);
    }
}
