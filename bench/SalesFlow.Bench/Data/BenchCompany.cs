using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Organization;

namespace SalesFlow.Bench.Data;

/// <summary>A rep as the generator hands out customers and orders: the rep, the team it books into, the team's region.</summary>
internal sealed record BenchRep(Guid Id, Guid TeamId, Guid RegionId, string RegionCode);

/// <summary>The organisation of a generated company, added through EF Core like any other (it is small even at L).</summary>
internal sealed record BenchOrganization(Guid CompanyId, IReadOnlyList<(Guid Id, string Code)> Regions, IReadOnlyList<(Guid Id, Guid RegionId)> Teams, IReadOnlyList<BenchRep> Reps);

/// <summary>
/// The company tree of a generated dataset: the demo's six regions, teams of ten reps under a supervisor, a regional
/// manager per region and a director. Five people can sign in (<see cref="Users"/>, password <see cref="Password"/>):
/// the workloads act as them.
/// </summary>
internal static class BenchCompany
{
    public const string Password = "SalesFlow#2026";

    /// <summary>User name and role of the accounts the workloads sign in as.</summary>
    public static readonly (string UserName, string Role)[] Users =
    [
        ("admin", Roles.Admin), ("director", Roles.Director), ("manager.huadong", Roles.RegionalManager), ("supervisor.1", Roles.Supervisor), ("rep.1", Roles.SalesRep),
    ];

    public static async Task<BenchOrganization> AddAsync(IServiceProvider services, Scale scale, CancellationToken ct)
    {
        var names = new DemoNames(seed: 7001, unique: false);
        var hasher = services.GetRequiredService<IPasswordHasher<AppUser>>();
        await using var db = await BenchContexts.OpenAsync(services, ct);
        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var employeeNo = 0;
        string? hash = null;

        Employee Person(Position position, OrgUnit unit, Employee? manager)
        {
            var employee = new Employee($"{Employee.NumberSeries}-{++employeeNo:D6}", names.Next(), null, position, unit.Id, manager?.Id, names.HireDate(2012, 2023), names.Mobile());
            db.Employees.Add(employee);
            db.EmployeeAssignments.Add(new EmployeeAssignment(employee.Id, unit.Id, manager?.Id, position, employee.HireDate));
            return employee;
        }

        void Account(string userName, Employee employee)
        {
            var role = Users.Single(u => u.UserName == userName).Role;
            var user = AppUser.Create(userName, employee.Name, employee.Id);
            user.PasswordHash = hash ??= hasher.HashPassword(user, Password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
        }

        var company = OrgUnit.CreateRoot("HQ", "远航工业集团销售公司（压测）", "Yuanhang Industrial Sales Co. (bench)");
        db.OrgUnits.Add(company);
        var director = Person(Position.Director, company, null);
        Account("director", director);
        var it = OrgUnit.CreateUnder(company, "IT", "信息部", "IT Department", OrgUnitKind.Branch).Value!;
        db.OrgUnits.Add(it);
        Account("admin", Person(Position.Support, it, director));

        var regions = new List<(OrgUnit Unit, Employee Manager, string Code)>();
        foreach (var region in DemoCompanySeeder.Regions)
        {
            var unit = OrgUnit.CreateUnder(company, region.Code, region.Name, region.NameEn, OrgUnitKind.Region).Value!;
            db.OrgUnits.Add(unit);
            var manager = Person(Position.RegionalManager, unit, director);
            if (region.Key == "huadong")
            {
                Account("manager.huadong", manager);
            }

            regions.Add((unit, manager, region.Code));
        }

        var teams = new List<(OrgUnit Unit, Employee Supervisor, int Region)>();
        for (var t = 0; t < scale.Teams; t++)
        {
            var (region, manager, code) = regions[t % regions.Count];
            var number = (t / regions.Count) + 1;
            var city = DemoDealers.Cities[code][(number - 1) % DemoDealers.Cities[code].Length].City;
            var unit = OrgUnit.CreateUnder(region, $"{code}-{number:D3}", $"{city}{number}组", $"{code} team {number}", OrgUnitKind.Team).Value!;
            db.OrgUnits.Add(unit);
            var supervisor = Person(Position.Supervisor, unit, manager);
            if (t == 0)
            {
                Account("supervisor.1", supervisor);
            }

            teams.Add((unit, supervisor, t % regions.Count));
        }

        var reps = new List<BenchRep>();
        for (var r = 0; r < scale.Reps; r++)
        {
            var (team, supervisor, region) = teams[r % teams.Count];
            var rep = Person(Position.SalesRep, team, supervisor);
            if (r == 0)
            {
                Account("rep.1", rep);
            }

            reps.Add(new BenchRep(rep.Id, team.Id, regions[region].Unit.Id, regions[region].Code));
        }

        db.Counters.Add(new Core.Data.Counter(Employee.NumberSeries, Core.Data.SequenceNumbers.NoYear, employeeNo));
        await db.SaveChangesAsync(ct);
        return new BenchOrganization(company.Id, [.. regions.Select(r => (r.Unit.Id, r.Code))], [.. teams.Select(t => (t.Unit.Id, regions[t.Region].Unit.Id))], reps);
    }
}
