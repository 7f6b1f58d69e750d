using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Tests.Organization;

/// <summary>
/// A small org built through the domain's own methods: company → regions East and North → two teams each,
/// a director, a manager per region, a supervisor per team and two reps per team, each with an account.
/// </summary>
public sealed class TestOrg
{
    public required OrgUnit Company { get; init; }

    public required OrgUnit East { get; init; }

    public required OrgUnit North { get; init; }

    public required OrgUnit EastTeam1 { get; init; }

    public required OrgUnit EastTeam2 { get; init; }

    public required OrgUnit NorthTeam1 { get; init; }

    public required Dictionary<string, Employee> People { get; init; }

    public required Dictionary<string, Guid> Users { get; init; }

    public Employee this[string key] => People[key];

    public static async Task<TestOrg> CreateAsync(TestDatabase database)
    {
        await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id);
        var company = OrgUnit.CreateRoot("HQ", "总公司", "Head office");
        var east = OrgUnit.CreateUnder(company, "E", "华东大区", "East", OrgUnitKind.Region).Value!;
        var north = OrgUnit.CreateUnder(company, "N", "华北大区", "North", OrgUnitKind.Region).Value!;
        var east1 = OrgUnit.CreateUnder(east, "E-1", "上海团队", null, OrgUnitKind.Team).Value!;
        var east2 = OrgUnit.CreateUnder(east, "E-2", "杭州团队", null, OrgUnitKind.Team).Value!;
        var north1 = OrgUnit.CreateUnder(north, "N-1", "北京团队", null, OrgUnitKind.Team).Value!;
        var north2 = OrgUnit.CreateUnder(north, "N-2", "天津团队", null, OrgUnitKind.Team).Value!;
        db.OrgUnits.AddRange(company, east, north, east1, east2, north1, north2);

        var people = new Dictionary<string, Employee>();
        var users = new Dictionary<string, Guid>();
        var number = 0;
        Employee Add(string key, Position position, OrgUnit unit, Employee? manager, string role)
        {
            var employee = new Employee($"T-{++number:D4}", key, null, position, unit.Id, manager?.Id, new DateOnly(2020, 1, 1));
            db.Employees.Add(employee);
            db.EmployeeAssignments.Add(new EmployeeAssignment(employee.Id, unit.Id, manager?.Id, position, employee.HireDate));
            var user = AppUser.Create(key, key, employee.Id);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
            people[key] = employee;
            users[key] = user.Id;
            return employee;
        }

        var director = Add("director", Position.Director, company, null, Roles.Director);
        var eastManager = Add("manager.east", Position.RegionalManager, east, director, Roles.RegionalManager);
        var northManager = Add("manager.north", Position.RegionalManager, north, director, Roles.RegionalManager);
        foreach (var (team, manager, key) in new[] { (east1, eastManager, "east1"), (east2, eastManager, "east2"), (north1, northManager, "north1"), (north2, northManager, "north2") })
        {
            var supervisor = Add($"supervisor.{key}", Position.Supervisor, team, manager, Roles.Supervisor);
            Add($"rep.{key}.a", Position.SalesRep, team, supervisor, Roles.SalesRep);
            Add($"rep.{key}.b", Position.SalesRep, team, supervisor, Roles.SalesRep);
        }

        await db.SaveChangesAsync();
        return new TestOrg { Company = company, East = east, North = north, EastTeam1 = east1, EastTeam2 = east2, NorthTeam1 = north1, People = people, Users = users };
    }

    public async Task<Actor> ActorAsync(TestDatabase database, string key) =>
        await database.Get<ActorResolver>().ResolveAsync(Users[key], null, CancellationToken.None)
            ?? throw new InvalidOperationException($"{key} did not resolve");
}
