using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Deliveries;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Tests.Deliveries;

/// <summary>The demo deliveries match the demo orders' delivered quantities exactly, and the rate table and exception cases are there.</summary>
public class DemoDeliveriesTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Every_delivered_order_has_deliveries_carrying_exactly_its_delivered_quantities(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var seeder = database.Get<DemoCompanySeeder>();
        var watch = Stopwatch.StartNew();
        Assert.True(await seeder.SeedIfEmptyAsync("SalesFlow#2026", CancellationToken.None));
        var counts = seeder.Deliveries!;
        output.WriteLine($"Demo company seeded on {provider} in {watch.Elapsed.TotalSeconds:F1} s; deliveries part {counts.Elapsed.TotalSeconds:F1} s: {counts}");

        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(ShippingZones.Zones.Count * 6, await db.FreightRates.CountAsync());
        Assert.True(counts.Deliveries > 4_000, $"{counts.Deliveries} deliveries");
        Assert.Equal(counts.Deliveries, await db.Deliveries.CountAsync());

        // Shipped quantities per order line equal what the order records as delivered; planned ones never exceed what is open.
        var shipped = await db.DeliveryLines
            .Where(l => db.Deliveries.Any(d => d.Id == l.DeliveryId && (d.Status == DeliveryStatus.Shipped || d.Status == DeliveryStatus.Delivered)))
            .GroupBy(l => l.OrderLineId).Select(g => new { g.Key, Quantity = g.Sum(l => l.Quantity) }).ToDictionaryAsync(x => x.Key, x => x.Quantity);
        var delivered = await db.OrderLines.Where(l => l.DeliveredQuantity > 0).ToDictionaryAsync(l => l.Id, l => l.DeliveredQuantity);
        Assert.Equal(delivered.Count, shipped.Count);
        Assert.All(delivered, d => Assert.Equal(d.Value, shipped.GetValueOrDefault(d.Key)));
        Assert.False(await db.Orders.AnyAsync(o => (o.Status == OrderStatus.Fulfilled || o.Status == OrderStatus.PartiallyFulfilled) && !db.Deliveries.Any(d => d.OrderId == o.Id)));
        Assert.False(await db.DeliveryLines.AnyAsync(l => l.InvoicedQuantity > l.Quantity));

        // Delivered ones have their timeline, a few are still on their way, a few are planned; the numbers continue after the demo's.
        Assert.True(await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Shipped) > 0);
        Assert.True(await db.Deliveries.CountAsync(d => d.Status == DeliveryStatus.Planned) > 0);
        Assert.False(await db.Deliveries.AnyAsync(d => d.Status == DeliveryStatus.Delivered &&
            (d.ActualDeliveryDate == null || !db.DeliveryEvents.Any(e => e.DeliveryId == d.Id && e.Status == DeliveryStatus.Delivered))));
        Assert.True(await db.Deliveries.AnyAsync(d => d.Method != DeliveryMethod.CustomerPickup && d.Freight > 0));
        var carriers = await db.Deliveries.Where(d => d.Carrier != null).Select(d => d.Carrier!).Distinct().ToListAsync();
        Assert.Superset(new HashSet<string> { "顺丰", "德邦", "中通", "安能", "自有车辆" }, carriers.ToHashSet());
        Assert.True(await db.Counters.AnyAsync(c => c.Name == Delivery.NumberSeries));

        // About 30 exception cases; the open ones belong to the logistics user.
        var logistics = await db.Users.Where(u => u.UserName == "logistics").Select(u => u.EmployeeId).SingleAsync();
        Assert.Equal(DemoDeliveries.Exceptions, await db.DeliveryExceptions.CountAsync());
        Assert.True(await db.DeliveryExceptions.CountAsync(e => e.Status == DeliveryExceptionStatus.Open) >= 5);
        Assert.False(await db.DeliveryExceptions.AnyAsync(e => e.Status == DeliveryExceptionStatus.Open && e.OwnerId != logistics));
        Assert.False(await db.DeliveryExceptions.AnyAsync(e => e.Status == DeliveryExceptionStatus.Resolved && (e.Resolution == null || e.ResolvedOn < e.OpenedOn)));
    }
}
