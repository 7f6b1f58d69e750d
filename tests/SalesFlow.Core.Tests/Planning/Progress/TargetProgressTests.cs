using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Progress;
using SalesFlow.Core.Planning.Targets;
using SalesFlow.Core.Tests.Data;

namespace SalesFlow.Core.Tests.Planning.Progress;

/// <summary>Plan vs. actual roll-ups on a real database. The clock is 2026-03-31 09:00 in Shanghai: 90 of 2026's 365 days have passed.</summary>
public class TargetProgressTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private static readonly Period Year = Period.OfYear(2026);
    private static readonly Actor Director = new(Guid.NewGuid(), "director", new HashSet<string> { Roles.Director }, null, null, DataScope.All, null, [], null);

    private static decimal Net(decimal quantity, decimal price, decimal discount = 0m) => LineAmounts.Of(quantity, price, discount, 0.13m).NetAmount;

    /// <summary>
    /// Company → East (team 1, team 2) and North; team 1 → its two reps. rep.east1.b moved: one of their orders was
    /// booked in team 2. Orders in every status, before and after the year.
    /// </summary>
    private static async Task<(ProgressWorld World, Target Company, Target East, Target North, Target Team1, Target Team2, Target RepA, Target RepB)> RevenueTreeAsync(TestDatabase database)
    {
        var w = await ProgressWorld.CreateAsync(database);
        var org = w.Org;
        await w.OrderAsync("rep.east1.a", org.EastTeam1, new DateOnly(2026, 2, 10), OrderStatus.Confirmed, (w.Equipment, 2m, 1_000m, 0m), (w.Rebar, 1.5m, 100.10m, 0m));
        await w.OrderAsync("rep.east1.b", org.EastTeam1, new DateOnly(2026, 3, 5), OrderStatus.Fulfilled, (w.Equipment, 1m, 999.99m, 0m));
        foreach (var status in new[] { OrderStatus.Draft, OrderStatus.PendingApproval, OrderStatus.OnCreditHold, OrderStatus.Cancelled })
        {
            await w.OrderAsync("rep.east1.a", org.EastTeam1, new DateOnly(2026, 3, 10), status, (w.Equipment, 1m, 50_000m, 0m));
        }

        await w.OrderAsync("rep.east1.a", org.EastTeam1, new DateOnly(2025, 12, 31), OrderStatus.Confirmed, (w.Equipment, 1m, 7_777m, 0m));
        await w.OrderAsync("rep.east1.a", org.EastTeam1, new DateOnly(2027, 1, 1), OrderStatus.Confirmed, (w.Equipment, 1m, 8_888m, 0m));
        await w.OrderAsync("rep.east1.b", org.EastTeam2, new DateOnly(2026, 1, 20), OrderStatus.PartiallyFulfilled, (w.Equipment, 3m, 500m, 0m));
        await w.OrderAsync("rep.north1.a", org.NorthTeam1, new DateOnly(2026, 3, 15), OrderStatus.Confirmed, (w.Rebar, 10.125m, 123.45m, 3m));

        await w.PlanAsync("rep.east1.a", org.EastTeam1, Period.OfMonth(2026, 2), PlanStatus.Approved, (w.Equipment, 3m, 3_000m), (w.Rebar, 5m, 500m));
        await w.PlanAsync("rep.east1.a", org.EastTeam1, Period.OfMonth(2026, 3), PlanStatus.Submitted, (w.Equipment, 9m, 9_999m));
        await w.PlanAsync("rep.east1.a", org.EastTeam1, Period.OfMonth(2025, 12), PlanStatus.Approved, (w.Equipment, 8m, 8_888m));
        await w.PlanAsync("rep.east1.b", org.EastTeam1, Period.OfMonth(2026, 1), PlanStatus.Approved, (w.Equipment, 2m, 1_200m));
        await w.PlanAsync("rep.north1.a", org.NorthTeam1, Period.OfMonth(2026, 3), PlanStatus.Returned, (w.Rebar, 7m, 7_777m));

        var company = await w.UnitTargetAsync(Year, TargetMeasure.Revenue, org.Company, 1_000_000m);
        var east = await w.UnitTargetAsync(Year, TargetMeasure.Revenue, org.East, 600_000m, company);
        var north = await w.UnitTargetAsync(Year, TargetMeasure.Revenue, org.North, 400_000m, company);
        var team1 = await w.UnitTargetAsync(Year, TargetMeasure.Revenue, org.EastTeam1, 300_000m, east);
        var team2 = await w.UnitTargetAsync(Year, TargetMeasure.Revenue, org.EastTeam2, 300_000m, east);
        var repA = await w.RepTargetAsync(Year, TargetMeasure.Revenue, "rep.east1.a", 150_000m, team1);
        var repB = await w.RepTargetAsync(Year, TargetMeasure.Revenue, "rep.east1.b", 150_000m, team1);
        return (w, company, east, north, team1, team2, repA, repB);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Revenue_rolls_up_booked_lines_of_the_period_by_unit_for_units_and_by_owner_for_reps(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (_, company, east, _, team1, _, _, _) = await RevenueTreeAsync(database);
        var queries = database.Get<TargetProgressQueries>();

        var repA = Net(2m, 1_000m) + Net(1.5m, 100.10m);
        var repBInTeam1 = Net(1m, 999.99m);
        var repBInTeam2 = Net(3m, 500m);
        var north = Net(10.125m, 123.45m, 3m);

        var top = (await queries.GetAsync(Director, company.Id, Ct)).Value!;
        Assert.Equal(repA + repBInTeam1 + repBInTeam2 + north, top.Actual);
        Assert.Equal(["华东大区", "华北大区"], top.Children.Select(c => c.OwnerName));
        Assert.Equal([repA + repBInTeam1 + repBInTeam2, north], top.Children.Select(c => c.Actual));
        Assert.Equal([4_700m, 0m], top.Children.Select(c => c.Planned));
        Assert.Equal(4_700m, top.Planned);
        Assert.True(top.HasChildren);
        Assert.All(top.Children, c => Assert.True(c.HasChildren || c.OwnerName == "华北大区"));

        // The unit an order was booked in counts for the unit; its owner counts for the rep, wherever they are now.
        var eastNode = (await queries.GetAsync(Director, east.Id, Ct)).Value!;
        Assert.Equal([repA + repBInTeam1, repBInTeam2], eastNode.Children.OrderBy(c => c.OwnerName, StringComparer.Ordinal).Select(c => c.Actual));
        var teamNode = (await queries.GetAsync(Director, team1.Id, Ct)).Value!;
        Assert.Equal(repA + repBInTeam1, teamNode.Actual);
        Assert.Equal(
            [("rep.east1.a", repA, 3_500m), ("rep.east1.b", repBInTeam1 + repBInTeam2, 1_200m)],
            teamNode.Children.OrderBy(c => c.OwnerName, StringComparer.Ordinal).Select(c => (c.OwnerName, c.Actual!.Value, c.Planned!.Value)));

        // gap = target − actual, planGap = target − planned, attainment = actual / target, run rate over 90 of 365 days.
        var actual = top.Actual!.Value;
        Assert.Equal(1_000_000m - actual, top.Gap);
        Assert.Equal(1_000_000m - 4_700m, top.PlanGap);
        Assert.Equal(Math.Round(actual / 1_000_000m, 4, MidpointRounding.AwayFromZero), top.Attainment);
        Assert.Equal(Math.Round(actual * 365 / 90, 2, MidpointRounding.AwayFromZero), top.Forecast);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Quantity_counts_the_product_line_or_product_collections_count_receipts_and_new_customers_are_counted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (w, _, _, _, _, _, _, _) = await RevenueTreeAsync(database);
        var org = w.Org;
        var queries = database.Get<TargetProgressQueries>();

        var rebarOfRepA = await w.RepTargetAsync(Year, TargetMeasure.Quantity, "rep.east1.a", 10m, productLine: "建材");
        var node = (await queries.GetAsync(Director, rebarOfRepA.Id, Ct)).Value!;
        Assert.Equal((1.5m, 5m, 8.5m, 5m), (node.Actual, node.Planned, node.Gap, node.PlanGap));

        var equipmentOfTeam1 = await w.TargetAsync(Year, TargetMeasure.Quantity, TargetOwnerType.OrgUnit, org.EastTeam1.Id, org.EastTeam1.Id, 20m, productId: w.Equipment.Id);
        node = (await queries.GetAsync(Director, equipmentOfTeam1.Id, Ct)).Value!;
        Assert.Equal((3m, 5m), (node.Actual, node.Planned));

        await w.ReceiptAsync("rep.east1.a", org.EastTeam1, new DateOnly(2026, 2, 1), 1_000m);
        await w.ReceiptAsync("rep.east1.a", org.EastTeam1, new DateOnly(2025, 12, 30), 500m);
        await w.ReceiptAsync("rep.north1.a", org.NorthTeam1, new DateOnly(2026, 3, 31), 250.25m);
        var collections = await w.UnitTargetAsync(Year, TargetMeasure.Collections, org.Company, 100_000m);
        await w.UnitTargetAsync(Year, TargetMeasure.Collections, org.East, 60_000m, collections);
        await w.UnitTargetAsync(Year, TargetMeasure.Collections, org.North, 40_000m, collections);
        node = (await queries.GetAsync(Director, collections.Id, Ct)).Value!;
        Assert.Equal((1_250.25m, (decimal?)null, (decimal?)null), (node.Actual, node.Planned, node.PlanGap));
        Assert.Equal([1_000m, 250.25m], node.Children.Select(c => c.Actual));

        // The world's customer was created "now" (2026); one created last year does not count.
        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            var old = new Customer("C-000002", "杭州老客户有限公司", CustomerType.Enterprise, org.East.Id, org["rep.east1.a"].Id, org.EastTeam1.Id);
            db.Customers.Add(old);
            db.Entry(old).Property(nameof(Customer.CreatedAtUtc)).CurrentValue = new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc);
            await db.SaveChangesAsync(Ct);
        }

        var newCustomers = await w.UnitTargetAsync(Year, TargetMeasure.NewCustomers, org.EastTeam1, 10m);
        node = (await queries.GetAsync(Director, newCustomers.Id, Ct)).Value!;
        Assert.Equal((1m, (decimal?)null, 9m, 4m), (node.Actual, node.Planned, node.Gap, node.Forecast));

        var share = await w.UnitTargetAsync(Year, TargetMeasure.MarketShare, org.East, 12.5m);
        node = (await queries.GetAsync(Director, share.Id, Ct)).Value!;
        Assert.Equal(((decimal?)null, (decimal?)null, (decimal?)null, (decimal?)null), (node.Actual, node.Gap, node.Attainment, node.Forecast));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Scope_months_product_lines_and_the_orders_behind_the_actual(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (w, company, east, _, team1, _, repA, repB) = await RevenueTreeAsync(database);
        var queries = database.Get<TargetProgressQueries>();

        // A rep sees their own node only; a manager their region and below, not the company.
        var rep = await w.Org.ActorAsync(database, "rep.east1.a");
        Assert.True((await queries.GetAsync(rep, repA.Id, Ct)).IsSuccess);
        Assert.Equal(ErrorKind.NotFound, (await queries.GetAsync(rep, team1.Id, Ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await queries.GetAsync(rep, repB.Id, Ct)).Error?.Kind);
        var manager = await w.Org.ActorAsync(database, "manager.east");
        Assert.Equal(ErrorKind.NotFound, (await queries.GetAsync(manager, company.Id, Ct)).Error?.Kind);
        Assert.Equal(2, (await queries.GetAsync(manager, east.Id, Ct)).Value!.Children.Count);
        Assert.Equal(east.Id, (await queries.TopAsync(manager, Year, TargetMeasure.Revenue, Ct)).Value);
        Assert.Equal(company.Id, (await queries.TopAsync(Director, Year, TargetMeasure.Revenue, Ct)).Value);
        Assert.Equal(repA.Id, (await queries.TopAsync(rep, Year, TargetMeasure.Revenue, Ct)).Value);
        Assert.Equal([company.Id, east.Id], (await queries.AncestorsAsync(Director, team1.Id, Ct)).Value!.Select(c => c.Id));
        Assert.Empty((await queries.AncestorsAsync(rep, repA.Id, Ct)).Value!);

        // Months of the company (no phasing: the target prorated by days).
        var months = (await queries.MonthsAsync(Director, company.Id, Ct)).Value!;
        Assert.False(months.TargetFromPhasing);
        Assert.Equal(12, months.Months.Count);
        Assert.Equal(1_000_000m, months.Months.Sum(m => m.Target));
        Assert.Equal([Net(3m, 500m), Net(2m, 1_000m) + Net(1.5m, 100.10m), Net(1m, 999.99m) + Net(10.125m, 123.45m, 3m), 0m], months.Months.Take(4).Select(m => m.Actual!.Value));
        Assert.Equal([1_200m, 3_500m, 0m], months.Months.Take(3).Select(m => m.Planned!.Value));

        // East phased into quarters, Q1 further into months: months from the phasing, the other quarters prorated.
        var q1 = await w.TargetAsync(Period.OfQuarter(2026, 1), TargetMeasure.Revenue, TargetOwnerType.OrgUnit, w.Org.East.Id, w.Org.East.Id, 150_000m, east, TargetOrigin.Phased);
        foreach (var (month, amount) in new[] { (1, 40_000m), (2, 50_000m), (3, 60_000m) })
        {
            await w.TargetAsync(Period.OfMonth(2026, month), TargetMeasure.Revenue, TargetOwnerType.OrgUnit, w.Org.East.Id, w.Org.East.Id, amount, q1, TargetOrigin.Phased);
        }

        foreach (var quarter in new[] { 2, 3, 4 })
        {
            await w.TargetAsync(Period.OfQuarter(2026, quarter), TargetMeasure.Revenue, TargetOwnerType.OrgUnit, w.Org.East.Id, w.Org.East.Id, 150_000m, east, TargetOrigin.Phased);
        }

        months = (await queries.MonthsAsync(Director, east.Id, Ct)).Value!;
        Assert.True(months.TargetFromPhasing);
        Assert.Equal([40_000m, 50_000m, 60_000m, .. ProgressMath.ProrateByDays(150_000m, Period.OfQuarter(2026, 2).Children(PeriodKind.Month), 2)], months.Months.Take(6).Select(m => m.Target));
        Assert.Equal(600_000m, months.Months.Sum(m => m.Target));
        Assert.Equal(2, (await queries.GetAsync(Director, east.Id, Ct)).Value!.Children.Count); // phased children are not split children

        // Product lines of the company with its own line target.
        await w.TargetAsync(Year, TargetMeasure.Revenue, TargetOwnerType.OrgUnit, w.Org.Company.Id, w.Org.Company.Id, 600_000m, productLine: "设备");
        var lines = (await queries.ProductLinesAsync(Director, company.Id, Ct)).Value!.Lines;
        Assert.Equal(["建材", "设备"], lines.Select(l => l.ProductLine));
        var equipment = lines.Single(l => l.ProductLine == "设备");
        var equipmentActual = Net(2m, 1_000m) + Net(1m, 999.99m) + Net(3m, 500m);
        Assert.Equal((600_000m, 4_200m, equipmentActual, 5m, 6m, 600_000m - 4_200m, 600_000m - equipmentActual),
            (equipment.Target, equipment.PlannedAmount, equipment.ActualAmount, equipment.PlannedQuantity, equipment.ActualQuantity, equipment.PlanGap, equipment.Gap));
        var rebar = lines.Single(l => l.ProductLine == "建材");
        Assert.Equal(((decimal?)null, 500m, Net(1.5m, 100.10m) + Net(10.125m, 123.45m, 3m), (decimal?)null), (rebar.Target, rebar.PlannedAmount, rebar.ActualAmount, rebar.PlanGap));

        // Orders behind team 1's actual: booked, in the period, in its units, newest first, keyset paged.
        var first = (await queries.OrdersAsync(Director, team1.Id, new PageRequest(PageSize: 1), Ct)).Value!;
        Assert.Equal((2, new DateOnly(2026, 3, 5), Net(1m, 999.99m)), (first.TotalCount!.Value, first.Items.Single().OrderDate, first.Items.Single().NetAmount));
        var second = (await queries.OrdersAsync(Director, team1.Id, new PageRequest(Cursor: first.NextCursor, PageSize: 1), Ct)).Value!;
        Assert.Equal((new DateOnly(2026, 2, 10), Net(2m, 1_000m) + Net(1.5m, 100.10m), "上海恒达机电有限公司", "rep.east1.a"),
            (second.Items.Single().OrderDate, second.Items.Single().NetAmount, second.Items.Single().CustomerName, second.Items.Single().OwnerName));
        Assert.Null(second.NextCursor);

        // A rep's node: their own orders wherever booked; a line target counts only its lines.
        var repBUser = await w.Org.ActorAsync(database, "rep.east1.b");
        var ofRepB = (await queries.OrdersAsync(repBUser, repB.Id, new PageRequest(), Ct)).Value!;
        Assert.Equal([new DateOnly(2026, 3, 5), new DateOnly(2026, 1, 20)], ofRepB.Items.Select(o => o.OrderDate));
        var rebarOfRepA = await w.RepTargetAsync(Year, TargetMeasure.Quantity, "rep.east1.a", 10m, productLine: "建材");
        var rebarOrders = (await queries.OrdersAsync(rep, rebarOfRepA.Id, new PageRequest(), Ct)).Value!;
        Assert.Equal((1.5m, Net(1.5m, 100.10m)), (rebarOrders.Items.Single().Quantity, rebarOrders.Items.Single().NetAmount));

        var collections = await w.UnitTargetAsync(Year, TargetMeasure.Collections, w.Org.Company, 1m);
        Assert.Equal("progress.noOrders", (await queries.OrdersAsync(Director, collections.Id, new PageRequest(), Ct)).Error?.Code);

        var export = (await queries.ExportAsync(Director, team1.Id, Ct)).Value!;
        var rows = await export.Rows.ToListAsync(Ct);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["0", "上海团队", "OrgUnit", "2026", "Revenue", "", "300000.00"], rows[0].Take(7));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_number_of_sql_commands_does_not_grow_with_the_number_of_children(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var (w, _, _, _, team1, _, _, _) = await RevenueTreeAsync(database);
        var queries = database.Get<TargetProgressQueries>();

        // A second team with 20 reps, each with an order, and a region-like node with 20 unit children.
        var reps = new List<string>();
        OrgUnit big;
        var units = new List<OrgUnit>();
        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            big = OrgUnit.CreateUnder(w.Org.North, "N-9", "大团队", null, OrgUnitKind.Team).Value!;
            db.OrgUnits.Add(big);
            for (var i = 0; i < 20; i++)
            {
                var unit = OrgUnit.CreateUnder(big, $"N-9-{i:D2}", $"小组{i:D2}", null, OrgUnitKind.Team).Value!;
                units.Add(unit);
                db.OrgUnits.Add(unit);
                var employee = new Employee($"B-{i:D4}", $"rep.big.{i:D2}", null, Position.SalesRep, unit.Id, null, new DateOnly(2020, 1, 1));
                db.Employees.Add(employee);
                w.Org.People[employee.Name] = employee;
                reps.Add(employee.Name);
            }

            await db.SaveChangesAsync(Ct);
        }

        var bigTarget = await w.UnitTargetAsync(Year, TargetMeasure.Revenue, big, 2_000_000m);

        for (var i = 0; i < 20; i++)
        {
            await w.UnitTargetAsync(Year, TargetMeasure.Revenue, units[i], 100_000m, bigTarget);
            await w.OrderAsync(reps[i], units[i], new DateOnly(2026, 1, 1 + i), OrderStatus.Confirmed, (w.Equipment, 1m, 100m + i, 0m));
        }

        var team = await w.UnitTargetAsync(Period.OfQuarter(2026, 1), TargetMeasure.Revenue, big, 1_000m);
        foreach (var rep in reps)
        {
            await w.RepTargetAsync(Period.OfQuarter(2026, 1), TargetMeasure.Revenue, rep, 50m, team);
        }

        _ = await queries.GetAsync(Director, team1.Id, Ct); // settles the sales summaries the inserts above marked
        using var counter = new CommandCounter();
        var small = (await queries.GetAsync(Director, team1.Id, Ct)).Value!;
        var forTwo = counter.Count;
        counter.Reset();
        var units20 = (await queries.GetAsync(Director, bigTarget.Id, Ct)).Value!;
        var forTwentyUnits = counter.Count;
        counter.Reset();
        var reps20 = (await queries.GetAsync(Director, team.Id, Ct)).Value!;
        var forTwentyReps = counter.Count;

        Assert.Equal(2, small.Children.Count);
        Assert.Equal(20, units20.Children.Count);
        Assert.Equal(20, reps20.Children.Count);
        Assert.Equal(Enumerable.Range(0, 20).Sum(i => 100m + i), units20.Actual);
        Assert.All(units20.Children, c => Assert.Equal(100m + int.Parse(c.OwnerName[2..], System.Globalization.CultureInfo.InvariantCulture), c.Actual));
        Assert.All(reps20.Children, c => Assert.Equal(100m + int.Parse(c.OwnerName[8..], System.Globalization.CultureInfo.InvariantCulture), c.Actual));
        // pending summary changes (none), the node with its children and their unit paths, actual by unit, planned by unit
        // (+ actual and planned by owner for rep children).
        Assert.Equal(4, forTwentyUnits);
        Assert.Equal(6, forTwentyReps);
        Assert.Equal(forTwo, forTwentyReps); // 2 or 20 rep children: the same commands
    }
}
