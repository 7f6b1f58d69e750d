using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Demo;

namespace SalesFlow.Core.Tests.Dealers;

/// <summary>The demo company's dealer network: 60 dealers in every state that matters, 600 stores, exclusive territories and sell-in.</summary>
public class DemoDealersTests(ITestOutputHelper output)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_demo_has_sixty_dealers_six_hundred_stores_exclusive_territories_and_two_years_of_sell_in(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.True(await database.Get<DemoCompanySeeder>().SeedIfEmptyAsync("SalesFlow#2026", Ct));
        await using var db = await database.Factory.CreateDbContextAsync();

        var dealers = await db.Dealers.AsNoTracking().OrderBy(d => d.Code).ToListAsync();
        Assert.Equal(60, dealers.Count);
        Assert.Equal(6, dealers.Select(d => d.RegionId).Distinct().Count());
        Assert.All(Enum.GetValues<DealerTier>(), t => Assert.Contains(dealers, d => d.Tier == t));
        Assert.Single(dealers, d => d.Status == DealerStatus.Suspended);
        Assert.Contains(dealers, d => d.Status is DealerStatus.Approved or DealerStatus.Contracted or DealerStatus.DepositReceived or DealerStatus.Trained);
        Assert.True(dealers.Count(d => d.Status == DealerStatus.Active) >= 50);

        // Each dealer buys through its own dealer account, owned by its area manager in its unit.
        var accounts = await db.Customers.AsNoTracking().Where(c => c.Type == CustomerType.Dealer).ToDictionaryAsync(c => c.Id);
        Assert.All(dealers, d => Assert.True(accounts.TryGetValue(d.CustomerId, out var a) && a.OwnerId == d.ManagerId && a.OrgUnitId == d.OrgUnitId, d.Code));

        // dealer.1 is the first dealer's user.
        var first = dealers[0];
        Assert.Equal("DLR-000001", first.Code);
        var dealerUser = await db.Users.AsNoTracking().SingleAsync(u => u.UserName == "dealer.1");
        Assert.Equal(first.Id, dealerUser.DealerId);
        Assert.Null(dealerUser.EmployeeId);

        // 600 stores; a dealer's store is in its unit and visited by its area manager.
        var stores = await db.Stores.AsNoTracking().ToListAsync();
        Assert.Equal(600, stores.Count);
        var byId = dealers.ToDictionary(d => d.Id);
        Assert.All(stores.Where(s => s.DealerId != null), s => Assert.True(byId[s.DealerId!.Value].OrgUnitId == s.OrgUnitId && byId[s.DealerId!.Value].ManagerId == s.OwnerId));
        Assert.Contains(stores, s => s.DealerId == null);

        // Exclusive territories never overlap: one open claim per city.
        var claims = await db.DealerTerritories.AsNoTracking().Where(t => t.Exclusive && t.ValidTo == null).ToListAsync();
        Assert.True(claims.Count >= 60);
        Assert.Equal(claims.Count, claims.Select(t => (t.Province, t.City)).Distinct().Count());

        // Sell-in: the orders of a dealer's account carry the dealer; no other order does; every trading dealer bought for months.
        var dealerByAccount = dealers.ToDictionary(d => d.CustomerId, d => d.Id);
        var dealerOrders = await db.Orders.AsNoTracking().Where(o => o.DealerId != null).Select(o => new { o.CustomerId, o.DealerId, o.OrderDate }).ToListAsync();
        output.WriteLine($"{dealerOrders.Count} sell-in orders of {await db.Orders.CountAsync()}");
        Assert.All(dealerOrders, o => Assert.Equal(dealerByAccount[o.CustomerId], o.DealerId));
        Assert.False(await db.Orders.AnyAsync(o => o.DealerId == null && accounts.Keys.Contains(o.CustomerId)));
        var today = database.Get<CompanyClock>().Today;
        Assert.All(dealers.Where(d => d.Status == DealerStatus.Active), d =>
            Assert.True(dealerOrders.Count(o => o.DealerId == d.Id && o.OrderDate > today.AddMonths(-6)) >= 5, d.Code));
        Assert.DoesNotContain(dealerOrders, o => dealers.Any(d => d.Id == o.DealerId && d.Status is not (DealerStatus.Active or DealerStatus.Suspended)));

        // Sell-in is priced from the tier's dealer list.
        var goldList = await db.PriceLists.AsNoTracking().SingleAsync(l => l.Channel == SalesChannel.Dealer && l.DealerTier == DealerTier.Gold);
        Assert.True(await db.OrderLines.AnyAsync(l => l.PriceListId == goldList.Id && db.Orders.Any(o => o.Id == l.OrderId && o.DealerId == first.Id)));
    }
}
