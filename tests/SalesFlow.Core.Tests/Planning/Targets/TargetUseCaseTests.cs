using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Targets;
using SalesFlow.Core.Tests.Opportunities;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Planning.Targets;

/// <summary>Splits and phasing on a real database: weights from last year's booked orders, ids kept on re-split, shares in use protected.</summary>
public class TargetUseCaseTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private sealed record World(TestDatabase Database, TestOrg Org, Actor Director, Actor EastManager);

    /// <summary>
    /// Booked orders of 2025 (the clock says 2026): 上海团队's rep sells 3 units in March, 杭州团队's rep 1 unit in July.
    /// A draft order of 2025 and a booked one of 2026 must not count.
    /// </summary>
    private static async Task<World> WorldAsync(TestDatabase database)
    {
        var org = await TestOrg.CreateAsync(database);
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, await org.ActorAsync(database, "rep.east1.a"), "上海恒达机电有限公司");
        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            var product = new Product("KY-1", "空压机", "Compressor", "设备", "空压机", "台", 0, 0.13m);
            db.Products.Add(product);
            var list = new PriceList("STD", "标准价", "CNY", new DateOnly(2025, 1, 1), null);
            list.SetStatus(PriceListStatus.Active);
            list.SetPrice(product.Id, 0m, 1_000m, 800m);
            db.PriceLists.Add(list);
            var number = 0;
            void Add(string rep, DateOnly date, decimal quantity, bool book)
            {
                var owner = org[rep];
                var order = new Order($"SO-{date.Year}-{++number:D6}", customer, null, OrderChannel.Rep, owner.Id, owner.OrgUnitId, "CNY", date, 30);
                order.Edit(null, [new OrderLine(1, product.Id, "KY-1", "空压机", quantity, "台", quantity, "台", list.Id, 1_000m, null, 0m, 0.13m)]);
                if (book)
                {
                    order.Submit(OrderStatus.Confirmed, null, DateTime.UtcNow);
                }

                db.Orders.Add(order);
            }

            Add("rep.east1.a", new DateOnly(2025, 3, 10), 3m, book: true);
            Add("rep.east2.a", new DateOnly(2025, 7, 20), 1m, book: true);
            Add("rep.east2.a", new DateOnly(2025, 8, 1), 50m, book: false);
            Add("rep.east2.a", new DateOnly(2026, 2, 1), 50m, book: true);
            await db.SaveChangesAsync(Ct);
        }

        return new World(database, org, await org.ActorAsync(database, "director"), await org.ActorAsync(database, "manager.east"));
    }

    private static async Task<TargetDetails> CreateAsync(World world, TargetOwnerType type, Guid owner, decimal amount, string period = "2026")
    {
        var created = await world.Database.Get<CreateTargetHandler>().HandleAsync(new CreateTarget(period, TargetMeasure.Revenue, type, owner, amount), world.Director, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value!;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_split_by_last_years_share_weighs_each_child_by_its_booked_sales_of_last_year(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(database);
        var east = await CreateAsync(world, TargetOwnerType.OrgUnit, world.Org.East.Id, 8_000m);

        var proposal = await database.Get<SplitTargetHandler>().ProposeAsync(east.Id, SplitMethod.LastYearShare, world.EastManager, Ct);
        Assert.True(proposal.IsSuccess, proposal.Error?.Message);
        Assert.Equal([world.Org.EastTeam1.Id, world.Org.EastTeam2.Id], proposal.Value!.Children.Select(c => c.OwnerId));
        Assert.Equal(3m, proposal.Value.Children[0].Weight / proposal.Value.Children[1].Weight);

        var split = await database.Get<SplitTargetHandler>().HandleAsync(new SplitTarget(east.Id, SplitMethod.LastYearShare, Reason: "按去年占比"), world.EastManager, Ct);
        Assert.True(split.IsSuccess, split.Error?.Message);
        Assert.Equal([6_000m, 2_000m], split.Value!.Children.Select(c => c.Amount));

        // The people of a team: the supervisor sold nothing, so only the rep gets a share.
        var team = split.Value.Children[0].Id;
        var people = await database.Get<SplitTargetHandler>().HandleAsync(new SplitTarget(team, SplitMethod.LastYearShare), world.EastManager, Ct);
        Assert.True(people.IsSuccess, people.Error?.Message);
        Assert.Equal(6_000m, people.Value!.Children.Single(c => c.OwnerId == world.Org["rep.east1.a"].Id).Amount);
        Assert.Equal(6_000m, people.Value.Children.Sum(c => c.Amount));

        // Nobody in 北京团队 sold anything last year: nothing to weigh by.
        var north = await CreateAsync(world, TargetOwnerType.OrgUnit, world.Org.NorthTeam1.Id, 1_000m);
        var none = await database.Get<SplitTargetHandler>().HandleAsync(new SplitTarget(north.Id, SplitMethod.LastYearShare), world.Director, Ct);
        Assert.Equal("target.noWeights", none.Error?.Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_re_split_keeps_the_ids_of_the_same_owners_and_refuses_to_change_shares_that_are_split_or_locked(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(database);
        var handler = database.Get<SplitTargetHandler>();
        var east = await CreateAsync(world, TargetOwnerType.OrgUnit, world.Org.East.Id, 8_000m);
        var first = (await handler.HandleAsync(new SplitTarget(east.Id, SplitMethod.LastYearShare), world.EastManager, Ct)).Value!;
        var again = await handler.HandleAsync(new SplitTarget(east.Id, SplitMethod.Equal), world.EastManager, Ct);
        Assert.True(again.IsSuccess, again.Error?.Message);
        Assert.Equal(first.Children.Select(c => c.Id), again.Value!.Children.Select(c => c.Id));
        Assert.Equal([4_000m, 4_000m], again.Value.Children.Select(c => c.Amount));

        var team1 = again.Value.Children[0];
        var team2 = again.Value.Children[1];
        Assert.True((await handler.HandleAsync(new SplitTarget(team1.Id, SplitMethod.Equal), world.EastManager, Ct)).IsSuccess);

        SplitChildInput Share(Guid owner, decimal amount) => new(TargetOwnerType.OrgUnit, owner, amount);
        SplitChildInput Manager(decimal amount) => new(TargetOwnerType.Employee, world.Org["manager.east"].Id, amount);
        var changeSplitShare = await handler.HandleAsync(
            new SplitTarget(east.Id, SplitMethod.Manual, [Share(team1.OwnerId, 5_000m), Share(team2.OwnerId, 3_000m)]), world.EastManager, Ct);
        Assert.Equal("target.childInUse", changeSplitShare.Error?.Code);
        var dropSplitShare = await handler.HandleAsync(new SplitTarget(east.Id, SplitMethod.Manual, [Share(team2.OwnerId, 8_000m)]), world.EastManager, Ct);
        Assert.Equal("target.childInUse", dropSplitShare.Error?.Code);

        // An unchanged share may be split itself; a locked one may not change.
        var locked = await database.Get<ChangeTargetLockHandler>().HandleAsync(new ChangeTargetLock(team2.Id, true, "确认"), world.EastManager, Ct);
        Assert.True(locked.IsSuccess, locked.Error?.Message);
        var unchanged = await handler.HandleAsync(
            new SplitTarget(east.Id, SplitMethod.Manual, [Share(team1.OwnerId, 4_000m), Share(team2.OwnerId, 4_000m)]), world.EastManager, Ct);
        Assert.True(unchanged.IsSuccess, unchanged.Error?.Message);
        var addShare = await handler.HandleAsync(
            new SplitTarget(east.Id, SplitMethod.Manual, [Share(team1.OwnerId, 4_000m), Share(team2.OwnerId, 4_000m), Manager(0m)]), world.EastManager, Ct);
        Assert.True(addShare.IsSuccess, addShare.Error?.Message);
        var moveLocked = await handler.HandleAsync(
            new SplitTarget(east.Id, SplitMethod.Manual, [Share(team1.OwnerId, 4_000m), Share(team2.OwnerId, 3_500m), Manager(500m)]), world.EastManager, Ct);
        Assert.Equal("target.childInUse", moveLocked.Error?.Code);

        // Three shares now; the lock is in the team share's trail with who and why.
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(3, await db.Targets.CountAsync(t => t.ParentId == east.Id, Ct));
        var trail = await db.AuditEntries.Where(a => a.EntityType == nameof(Target) && a.EntityId == team2.Id.ToString() && a.Action == Auditing.AuditAction.Updated)
            .Select(a => new { a.Field, a.NewValue, a.UserName }).ToListAsync(Ct);
        Assert.Contains(trail, a => a.Field == nameof(Target.ChangeReason) && a.NewValue == "确认" && a.UserName == "manager.east");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_reps_year_phases_into_months_by_their_own_seasonality_and_sums_exactly(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await WorldAsync(database);
        var rep = await CreateAsync(world, TargetOwnerType.Employee, world.Org["rep.east1.a"].Id, 10_000.01m);

        var phased = await database.Get<PhaseTargetHandler>().HandleAsync(new PhaseTarget(rep.Id, PeriodKind.Month, PhasingMethod.LastYearSeasonality), world.EastManager, Ct);
        Assert.True(phased.IsSuccess, phased.Error?.Message);
        Assert.Equal(12, phased.Value!.Periods.Count);
        Assert.Equal(10_000.01m, phased.Value.Periods.Sum(p => p.Amount));
        Assert.Equal(10_000.01m, phased.Value.Periods.Single(p => p.Period == "2026-03").Amount);

        var quarters = await database.Get<PhaseTargetHandler>().HandleAsync(new PhaseTarget(rep.Id, PeriodKind.Quarter, PhasingMethod.Equal), world.EastManager, Ct);
        Assert.True(quarters.IsSuccess, quarters.Error?.Message);
        Assert.Equal([2_500.01m, 2_500m, 2_500m, 2_500m], quarters.Value!.Periods.Select(p => p.Amount));
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(4, await db.Targets.CountAsync(t => t.ParentId == rep.Id, Ct));

        var repActor = await world.Org.ActorAsync(database, "rep.east1.a");
        Assert.Equal(ErrorKind.Forbidden, (await database.Get<PhaseTargetHandler>().HandleAsync(new PhaseTarget(rep.Id, PeriodKind.Month, PhasingMethod.Equal), repActor, Ct)).Error?.Kind);
        var own = await database.Get<TargetQueries>().ListAsync(repActor, new TargetFilter(), new PageRequest(), Ct);
        Assert.All(own.Value!.Items, t => Assert.Equal(world.Org["rep.east1.a"].Id, t.OwnerId));
        Assert.Equal(5, own.Value.Items.Count);
    }
}
