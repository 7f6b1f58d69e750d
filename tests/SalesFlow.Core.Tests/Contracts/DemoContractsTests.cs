using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Contracts;
using SalesFlow.Core.Data;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Tests.Contracts;

/// <summary>The demo's contracts are consistent, and the fulfilment figures summed in SQL match the same sums done by hand.</summary>
public class DemoContractsTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Demo_contracts_have_full_schedules_same_customer_orders_renewals_due_and_fulfilment_sums_match(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True(await database.Get<DemoCompanySeeder>().SeedIfEmptyAsync("SalesFlow#2026", Ct));
        await using var db = await database.Factory.CreateDbContextAsync();
        var today = database.Get<CompanyClock>().Today;

        var contracts = await db.Contracts.Include(c => c.Installments).AsNoTracking().ToListAsync(Ct);
        Assert.InRange(contracts.Count, 140, 170);
        Assert.All(contracts, c => Assert.Equal(c.Amount, c.Installments.Sum(i => i.Amount)));
        Assert.All(contracts, c => Assert.Matches(@"^CT-\d{4}-\d{6}$", c.Number));
        Assert.Single(contracts, c => c.Status == ContractStatus.Terminated);
        Assert.True(contracts.Count(c => c.Status == ContractStatus.Completed) >= 20);
        Assert.True(contracts.Count(c => c.RenewedFromId != null) >= 3);
        Assert.True(contracts.Min(c => c.StartDate) <= today.AddDays(-600));

        var links = await db.ContractOrders.Join(db.Orders, l => l.OrderId, o => o.Id, (l, o) => new { l.ContractId, o.CustomerId }).ToListAsync(Ct);
        Assert.True(links.Count >= 150, $"{links.Count} linked orders");
        var byId = contracts.ToDictionary(c => c.Id);
        Assert.All(links, l => Assert.Equal(byId[l.ContractId].CustomerId, l.CustomerId));

        var due = await database.Get<ContractQueries>().DueForRenewalAsync(today, Ct);
        Assert.True(due.Count >= DemoContracts.RenewalDue, $"{due.Count} due for renewal");
        Assert.All(due, d => Assert.True(d.EndDate <= today.AddDays(60) && d.OwnerUserId is not null));
        Assert.DoesNotContain(due, d => contracts.Any(c => c.RenewedFromId == d.ContractId));

        // The counter continues after the demo's numbers.
        var year = contracts.Max(c => int.Parse(c.Number[3..7]));
        Assert.Equal(contracts.Count(c => c.Number.StartsWith($"CT-{year}-", StringComparison.Ordinal)), await db.Counters.Where(k => k.Name == Contract.NumberSeries && k.Year == year).Select(k => k.Value).SingleAsync(Ct));

        // Fulfilment of the contract with the most linked orders, against the same sums made here from the rows.
        var busiest = links.GroupBy(l => l.ContractId).OrderByDescending(g => g.Count()).First().Key;
        var fulfilment = (await database.Get<ContractQueries>().FulfilmentAsync(Actor.System, busiest, Ct)).Value!;
        var orderIds = await db.ContractOrders.Where(l => l.ContractId == busiest).Select(l => l.OrderId).ToListAsync(Ct);
        var orders = await db.Orders.Include(o => o.Lines).Where(o => orderIds.Contains(o.Id) && o.Status != OrderStatus.Cancelled).ToListAsync(Ct);
        var invoices = await db.Invoices.Where(i => orderIds.Contains(i.OrderId) && i.Status != InvoiceStatus.Cancelled).ToListAsync(Ct);
        var invoiceIds = invoices.Select(i => i.Id).ToList();
        var collected = (await db.ReceiptAllocations.Where(a => invoiceIds.Contains(a.InvoiceId)).Select(a => a.Amount).ToListAsync(Ct)).Sum();
        var delivered = orders.SelectMany(o => o.Lines).Sum(l => decimal.Round(l.DeliveredQuantity * l.NetUnitPrice, 2, MidpointRounding.AwayFromZero));
        Assert.Equal(orders.Sum(o => o.Total), fulfilment.Ordered.Amount);
        Assert.Equal(delivered, fulfilment.Delivered.Amount);
        Assert.True(delivered > 0);
        Assert.Equal(invoices.Sum(i => i.Total), fulfilment.Invoiced.Amount);
        Assert.Equal(collected, fulfilment.Collected.Amount);
        Assert.Equal(decimal.Round(collected * 100m / fulfilment.Contracted, 1, MidpointRounding.AwayFromZero), fulfilment.Collected.Percent);
        Assert.Equal(Math.Min(collected, fulfilment.Contracted), fulfilment.Installments.Sum(i => i.Collected));
    }
}
