using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Auditing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Tests.Organization;

public class OrgMoveTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Moving_a_team_to_another_region_moves_its_people_into_that_regions_scope_and_keeps_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        await using (var sub = await database.Factory.OpenAsync(director, CancellationToken.None))
        {
            sub.OrgUnits.Add(OrgUnit.CreateUnder(org.EastTeam2, "E-2-1", "杭州一组", null, OrgUnitKind.Team).Value!);
            await sub.SaveChangesAsync();
        }

        var result = await database.Get<MoveOrgUnitHandler>().HandleAsync(new MoveOrgUnit(org.EastTeam2.Id, org.North.Id, 0), director, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error?.Code);
        await using var db = await database.Factory.CreateDbContextAsync();
        var units = await db.OrgUnits.ToDictionaryAsync(u => u.Code);
        Assert.Equal(org.North.Id, units["E-2"].ParentId);
        Assert.Equal(units["E-2"].Path + units["E-2-1"].Id.ToString("N") + "/", units["E-2-1"].Path);
        Assert.Equal(3, units["E-2-1"].Depth);
        Assert.Equal(1, units["E-2"].Version);
        var move = await db.OrgUnitMoves.SingleAsync();
        Assert.Equal((org.East.Id, org.North.Id, "director"), (move.FromParentId!.Value, move.ToParentId, move.MovedBy));

        var northManager = await org.ActorAsync(database, "manager.north");
        var eastManager = await org.ActorAsync(database, "manager.east");
        var movedRep = org["rep.east2.a"].Id;
        Assert.True(await db.Employees.VisibleTo(northManager).AnyAsync(e => e.Id == movedRep));
        Assert.False(await db.Employees.VisibleTo(eastManager).AnyAsync(e => e.Id == movedRep));
    }

    [Fact]
    public async Task Moving_an_employee_closes_the_old_assignment_and_audits_the_change()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        var rep = org["rep.east1.a"];
        var newManager = org["supervisor.north1"];

        var result = await database.Get<MoveEmployeeHandler>().HandleAsync(
            new MoveEmployee(rep.Id, org.NorthTeam1.Id, newManager.Id, Position.SalesRep, new DateOnly(2026, 4, 1), 0), director, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error?.Code);
        Assert.Equal(1, result.Value!.Version);
        await using var db = await database.Factory.CreateDbContextAsync();
        var assignments = await db.EmployeeAssignments.Where(a => a.EmployeeId == rep.Id).OrderBy(a => a.From).ToListAsync();
        Assert.Equal(2, assignments.Count);
        Assert.Equal((org.EastTeam1.Id, (DateOnly?)new DateOnly(2026, 4, 1)), (assignments[0].OrgUnitId, assignments[0].Until));
        Assert.Equal((org.NorthTeam1.Id, (DateOnly?)null), (assignments[1].OrgUnitId, assignments[1].Until));
        var audit = await db.AuditEntries.SingleAsync(a => a.EntityType == "Employee" && a.EntityId == rep.Id.ToString() && a.Field == "OrgUnitId");
        Assert.Equal((org.EastTeam1.Id.ToString(), org.NorthTeam1.Id.ToString(), "director", AuditAction.Updated), (audit.OldValue, audit.NewValue, audit.UserName, audit.Action));
    }

    [Fact]
    public async Task A_manager_chain_that_leads_back_to_the_employee_is_refused()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        var manager = org["manager.east"];

        var result = await database.Get<MoveEmployeeHandler>().HandleAsync(
            new MoveEmployee(manager.Id, org.East.Id, org["rep.east1.a"].Id, Position.RegionalManager, null, 0), director, CancellationToken.None);

        Assert.Equal("org.managerCycle", result.Error?.Code);
    }

    [Fact]
    public async Task Only_those_who_manage_the_org_may_move_people()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var eastManager = await org.ActorAsync(database, "manager.east");

        var result = await database.Get<MoveEmployeeHandler>().HandleAsync(
            new MoveEmployee(org["rep.east1.a"].Id, org.EastTeam2.Id, null, Position.SalesRep, null, 0), eastManager, CancellationToken.None);

        Assert.Equal(ErrorKind.Forbidden, result.Error?.Kind);
    }
}
