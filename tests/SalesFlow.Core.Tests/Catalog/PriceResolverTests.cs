using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Catalog;

/// <summary>ADR-006 on a real database: specificity, validity, status, quantity breaks, fall-through and many lines at once.</summary>
public class PriceResolverTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly DateOnly Day = new(2026, 3, 31);

    private sealed record Setup(TestDatabase Database, TestOrg Org, Product Cnc, Product Cement, Product Gloves);

    private static async Task<Setup> SetupAsync(DatabaseProvider provider, Action<SalesFlowDbContext, TestOrg, Product, Product> lists)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        await using var db = await database.Factory.OpenAsync(Actor.System, Ct);
        var cnc = new Product("EQ-CNC-0850", "立式加工中心", "VMC", "工业设备", "数控机床", "台", 0, 0.13m);
        var cement = new Product("BM-CEM-P425", "水泥", "Cement", "建材散货", "水泥", "t", 3, 0.13m);
        var gloves = new Product("CS-GLV-0001", "手套", "Gloves", "配件耗材", "劳保用品", "双", 0, 0.13m);
        db.Products.AddRange(cnc, cement, gloves);
        lists(db, org, cnc, cement);
        await db.SaveChangesAsync(Ct);
        return new Setup(database, org, cnc, cement, gloves);
    }

    private static PriceList List(
        SalesFlowDbContext db, string code, DateOnly from, PriceListStatus status = PriceListStatus.Active, Guid? region = null, SalesChannel? channel = null,
        CustomerType? group = null, DealerTier? tier = null, DateOnly? to = null)
    {
        var list = new PriceList(code, code, "CNY", from, to);
        list.AppliesTo(region, channel, group, tier);
        list.SetStatus(status);
        db.PriceLists.Add(list);
        return list;
    }

    private static async Task<ResolvedPrice?> PriceAsync(Setup setup, PriceContext context, Product product, decimal quantity = 1m)
    {
        await using var db = await setup.Database.Factory.CreateDbContextAsync(Ct);
        return await PriceResolver.ResolveAsync(db, context, product.Id, quantity, Ct);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_most_specific_list_wins_tier_over_group_over_region_over_channel(DatabaseProvider provider)
    {
        var from = new DateOnly(2025, 1, 1);
        var setup = await SetupAsync(provider, (db, org, cnc, _) =>
        {
            List(db, "BASE", from).SetPrice(cnc.Id, 0, 100m, 90m);
            List(db, "DIRECT", from, channel: SalesChannel.Direct).SetPrice(cnc.Id, 0, 99m, null);
            List(db, "EAST", from, region: org.East.Id).SetPrice(cnc.Id, 0, 98m, null);
            List(db, "EAST-DIRECT", from, region: org.East.Id, channel: SalesChannel.Direct).SetPrice(cnc.Id, 0, 97.5m, null);
            List(db, "ENT", from, group: CustomerType.Enterprise).SetPrice(cnc.Id, 0, 97m, null);
            List(db, "GOLD", from, channel: SalesChannel.Dealer, tier: DealerTier.Gold).SetPrice(cnc.Id, 0, 96m, null);
        });
        await using var database = setup.Database;
        var east = setup.Org.East.Id;
        var north = setup.Org.North.Id;

        Assert.Equal("GOLD", (await PriceAsync(setup, new PriceContext(Day, east, SalesChannel.Dealer, CustomerType.Enterprise, DealerTier.Gold), setup.Cnc))?.PriceListCode);
        // A group list (weight 4) beats region + channel together (2 + 1).
        Assert.Equal("ENT", (await PriceAsync(setup, new PriceContext(Day, east, SalesChannel.Direct, CustomerType.Enterprise, null), setup.Cnc))?.PriceListCode);
        Assert.Equal("EAST-DIRECT", (await PriceAsync(setup, new PriceContext(Day, east, SalesChannel.Direct, CustomerType.Smb, null), setup.Cnc))?.PriceListCode);
        Assert.Equal("EAST", (await PriceAsync(setup, new PriceContext(Day, east, SalesChannel.ECommerce, CustomerType.Smb, null), setup.Cnc))?.PriceListCode);
        Assert.Equal("DIRECT", (await PriceAsync(setup, new PriceContext(Day, north, SalesChannel.Direct, CustomerType.Smb, null), setup.Cnc))?.PriceListCode);
        var fallback = await PriceAsync(setup, new PriceContext(Day, north, SalesChannel.Dealer, CustomerType.Dealer, DealerTier.Silver), setup.Cnc);
        Assert.Equal(("BASE", 100m, 90m, 0m), (fallback?.PriceListCode, fallback?.UnitPrice, fallback?.FloorPrice, fallback?.MinQuantity));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Only_lists_valid_on_the_day_count_and_the_later_start_then_the_code_break_ties(DatabaseProvider provider)
    {
        var setup = await SetupAsync(provider, (db, _, cnc, cement) =>
        {
            List(db, "B-2025", new DateOnly(2025, 1, 1)).SetPrice(cnc.Id, 0, 100m, null);
            List(db, "B-2026", new DateOnly(2026, 3, 1), to: new DateOnly(2026, 12, 31)).SetPrice(cnc.Id, 0, 110m, null);
            List(db, "EXPIRED", new DateOnly(2025, 6, 1), region: null, channel: SalesChannel.Direct, to: new DateOnly(2026, 1, 31)).SetPrice(cnc.Id, 0, 80m, null);
            List(db, "Z-TIE", new DateOnly(2025, 1, 1)).SetPrice(cement.Id, 0, 400m, null);
            List(db, "A-TIE", new DateOnly(2025, 1, 1)).SetPrice(cement.Id, 0, 410m, null);
        });
        await using var database = setup.Database;
        PriceContext On(DateOnly day) => new(day, setup.Org.East.Id, SalesChannel.Direct, CustomerType.Smb, null);

        Assert.Equal("EXPIRED", (await PriceAsync(setup, On(new DateOnly(2026, 1, 31)), setup.Cnc))?.PriceListCode);
        Assert.Equal("B-2025", (await PriceAsync(setup, On(new DateOnly(2026, 2, 1)), setup.Cnc))?.PriceListCode);
        Assert.Equal(110m, (await PriceAsync(setup, On(new DateOnly(2026, 3, 1)), setup.Cnc))?.UnitPrice);
        Assert.Equal("B-2025", (await PriceAsync(setup, On(new DateOnly(2027, 1, 1)), setup.Cnc))?.PriceListCode);
        Assert.Null(await PriceAsync(setup, On(new DateOnly(2024, 12, 31)), setup.Cnc));
        Assert.Equal(("A-TIE", 410m), ((await PriceAsync(setup, On(Day), setup.Cement))?.PriceListCode, (await PriceAsync(setup, On(Day), setup.Cement))?.UnitPrice));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Draft_pending_and_retired_lists_never_price(DatabaseProvider provider)
    {
        var from = new DateOnly(2025, 1, 1);
        var setup = await SetupAsync(provider, (db, org, cnc, _) =>
        {
            List(db, "BASE", from).SetPrice(cnc.Id, 0, 100m, null);
            List(db, "DRAFT", from, PriceListStatus.Draft, region: org.East.Id).SetPrice(cnc.Id, 0, 50m, null);
            List(db, "PENDING", from, PriceListStatus.PendingApproval, group: CustomerType.Enterprise).SetPrice(cnc.Id, 0, 60m, null);
            List(db, "RETIRED", from, PriceListStatus.Retired, channel: SalesChannel.Direct).SetPrice(cnc.Id, 0, 70m, null);
        });
        await using var database = setup.Database;

        var price = await PriceAsync(setup, new PriceContext(Day, setup.Org.East.Id, SalesChannel.Direct, CustomerType.Enterprise, null), setup.Cnc);
        Assert.Equal(("BASE", 100m), (price?.PriceListCode, price?.UnitPrice));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_quantity_break_is_the_highest_minimum_not_above_the_quantity(DatabaseProvider provider)
    {
        var setup = await SetupAsync(provider, (db, _, _, cement) =>
        {
            var list = List(db, "ENT", new DateOnly(2025, 1, 1), group: CustomerType.Enterprise);
            list.SetPrice(cement.Id, 0, 420m, 380m);
            list.SetPrice(cement.Id, 10m, 405m, 370m);
            list.SetPrice(cement.Id, 50.5m, 390m, 360m);
        });
        await using var database = setup.Database;
        var context = new PriceContext(Day, setup.Org.East.Id, SalesChannel.Direct, CustomerType.Enterprise, null);

        Assert.Equal((0m, 420m), await BreakAsync(9.999m));
        Assert.Equal((10m, 405m), await BreakAsync(10m));
        Assert.Equal((10m, 405m), await BreakAsync(50.499m));
        Assert.Equal((50.5m, 390m), await BreakAsync(50.5m));
        Assert.Equal((50.5m, 390m), await BreakAsync(1200.125m));
        Assert.Equal(360m, (await PriceAsync(setup, context, setup.Cement, 60m))?.FloorPrice);

        async Task<(decimal?, decimal?)> BreakAsync(decimal quantity)
        {
            var price = await PriceAsync(setup, context, setup.Cement, quantity);
            return (price?.MinQuantity, price?.UnitPrice);
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_specific_list_without_the_product_falls_through_and_many_lines_resolve_in_one_call(DatabaseProvider provider)
    {
        var from = new DateOnly(2025, 1, 1);
        var setup = await SetupAsync(provider, (db, org, cnc, cement) =>
        {
            var national = List(db, "BASE", from);
            national.SetPrice(cnc.Id, 0, 268_000m, 240_000m);
            national.SetPrice(cement.Id, 0, 420m, 380m);
            var east = List(db, "EAST", from, region: org.East.Id);
            east.SetPrice(cement.Id, 0, 407.4m, 370m);
            east.SetPrice(cement.Id, 100m, 399m, 365m);
        });
        await using var database = setup.Database;
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        var context = new PriceContext(Day, setup.Org.East.Id, SalesChannel.Direct, CustomerType.Smb, null);

        var prices = await PriceResolver.ResolveAsync(
            db, context, [(setup.Cnc.Id, 2m), (setup.Cement.Id, 12.5m), (setup.Gloves.Id, 100m), (setup.Cement.Id, 150m)], Ct);

        Assert.Equal(4, prices.Count);
        Assert.Equal(("BASE", 268_000m), (prices[0]?.PriceListCode, prices[0]?.UnitPrice));
        Assert.Equal(("EAST", 407.4m, 0m), (prices[1]?.PriceListCode, prices[1]?.UnitPrice, prices[1]?.MinQuantity));
        Assert.Null(prices[2]);
        Assert.Equal(("EAST", 399m, 100m), (prices[3]?.PriceListCode, prices[3]?.UnitPrice, prices[3]?.MinQuantity));
        Assert.All(prices.Where(p => p is not null), p => Assert.Equal("CNY", p!.Currency));

        // Outside the region the regional list does not apply at all.
        var north = await PriceResolver.ResolveAsync(db, context with { RegionId = setup.Org.North.Id }, setup.Cement.Id, 150m, Ct);
        Assert.Equal(("BASE", 420m), (north?.PriceListCode, north?.UnitPrice));
    }
}
