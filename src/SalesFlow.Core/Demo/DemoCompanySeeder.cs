using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Demo;

/// <summary>
/// Loads the demo company into an empty database: the same tree, people and accounts every time
/// (fixed seed), so README, screenshots and tests can name them. Later modules extend this seeder.
/// </summary>
public sealed class DemoCompanySeeder(
    IDbContextFactory<SalesFlowDbContext> dbFactory, IPasswordHasher<AppUser> hasher, TimeProvider time, StockReports.StockReportOptions stockReportOptions,
    Stores.StoreOptions storeOptions, Dealers.Evaluations.DealerEvaluationOptions evaluationOptions, CompanyOptions companyOptions)
{
    public const string CompanyName = "远航工业集团销售公司";

    /// <summary>Region code, user-name part, Chinese name, English name, and its two city teams.</summary>
    public static readonly IReadOnlyList<(string Code, string Key, string Name, string NameEn, (string Name, string NameEn)[] Teams)> Regions =
    [
        ("HD", "huadong", "华东大区", "East China", [("上海团队", "Shanghai Team"), ("杭州团队", "Hangzhou Team")]),
        ("HB", "huabei", "华北大区", "North China", [("北京团队", "Beijing Team"), ("天津团队", "Tianjin Team")]),
        ("HN", "huanan", "华南大区", "South China", [("广州团队", "Guangzhou Team"), ("深圳团队", "Shenzhen Team")]),
        ("XN", "xinan", "西南大区", "Southwest China", [("成都团队", "Chengdu Team"), ("重庆团队", "Chongqing Team")]),
        ("XB", "xibei", "西北大区", "Northwest China", [("西安团队", "Xi'an Team"), ("兰州团队", "Lanzhou Team")]),
        ("DB", "dongbei", "东北大区", "Northeast China", [("沈阳团队", "Shenyang Team"), ("哈尔滨团队", "Harbin Team")]),
    ];

    public const int RepsPerTeam = 5;

    /// <summary>About 2,000 customers in all (PRODUCT issue: customers, leads and field work).</summary>
    public const int CustomersPerRep = 33;

    /// <summary>About 1,000 leads in all.</summary>
    public const int LeadsPerRep = 16;

    /// <summary>What <see cref="DemoDeliveries"/> added and how long it took, after <see cref="SeedIfEmptyAsync"/>.</summary>
    internal DemoDeliveries.Counts? Deliveries { get; private set; }

    public async Task<bool> SeedIfEmptyAsync(string password, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        if (await db.OrgUnits.AnyAsync(ct))
        {
            return false;
        }

        var roles = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var names = new DemoNames(seed: 2026);
        var customers = new DemoCustomers(seed: 2027);
        var contactNames = new DemoNames(seed: 2028, unique: false);
        var leads = new DemoLeads(seed: 2029);
        var now = time.GetUtcNow().UtcDateTime;
        var history = new DemoHistory(seed: 2030, now);
        var employeeNo = 0;
        var hash = (string?)null;

        var company = OrgUnit.CreateRoot("HQ", CompanyName, "Yuanhang Industrial Sales Co.");
        db.OrgUnits.Add(company);

        Employee Person(string name, Position position, OrgUnit unit, Employee? manager, DateOnly hired)
        {
            var employee = new Employee($"{Employee.NumberSeries}-{++employeeNo:D6}", name, null, position, unit.Id, manager?.Id, hired, names.Mobile());
            db.Employees.Add(employee);
            db.EmployeeAssignments.Add(new EmployeeAssignment(employee.Id, unit.Id, manager?.Id, position, hired));
            return employee;
        }

        void Account(string userName, Employee employee, params string[] roleNames)
        {
            var user = AppUser.Create(userName, employee.Name, employee.Id);
            user.Email = userName + "@yuanhang.example.com";
            user.NormalizedEmail = user.Email.ToUpperInvariant();
            hash ??= hasher.HashPassword(user, password);
            user.PasswordHash = hash;
            employee.UpdateDetails(employee.Name, employee.NameEn, employee.Mobile, user.Email, employee.HireDate, null);
            db.Users.Add(user);
            foreach (var role in roleNames)
            {
                db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[role] });
            }
        }

        var director = Person("王建国", Position.Director, company, null, new DateOnly(2015, 3, 1));
        Account("director", director, Roles.Director);

        foreach (var (code, name, nameEn, key, role) in new[]
        {
            ("FIN", "财务部", "Finance Department", "finance", Roles.Finance),
            ("LOG", "物流部", "Logistics Department", "logistics", Roles.Logistics),
            ("SVC", "售后服务部", "After-sales Service", "service", Roles.Service),
            ("OPS", "销售运营部", "Sales Operations", "ops", Roles.SalesOps),
            ("IT", "信息部", "IT Department", "admin", Roles.Admin),
        })
        {
            var unit = OrgUnit.CreateUnder(company, code, name, nameEn, OrgUnitKind.Branch).Value!;
            db.OrgUnits.Add(unit);
            Account(key, Person(names.Next(), Position.Support, unit, director, names.HireDate(2016, 2024)), role);
        }

        foreach (var region in Regions)
        {
            var regionUnit = OrgUnit.CreateUnder(company, region.Code, region.Name, region.NameEn, OrgUnitKind.Region).Value!;
            db.OrgUnits.Add(regionUnit);
            var manager = Person(names.Next(), Position.RegionalManager, regionUnit, director, names.HireDate(2015, 2019));
            Account("manager." + region.Key, manager, Roles.RegionalManager);

            var rep = 0;
            for (var t = 0; t < region.Teams.Length; t++)
            {
                var team = OrgUnit.CreateUnder(regionUnit, $"{region.Code}-{t + 1:D2}", region.Teams[t].Name, region.Teams[t].NameEn, OrgUnitKind.Team).Value!;
                db.OrgUnits.Add(team);
                var supervisor = Person(names.Next(), Position.Supervisor, team, manager, names.HireDate(2017, 2021));
                Account($"supervisor.{region.Key}.{t + 1}", supervisor, Roles.Supervisor);
                for (var r = 0; r < RepsPerTeam; r++)
                {
                    var person = Person(names.Next(), Position.SalesRep, team, supervisor, names.HireDate(2019, 2026));
                    Account($"rep.{region.Key}.{++rep}", person, Roles.SalesRep);
                    var city = region.Teams[t].Name.Replace("团队", "", StringComparison.Ordinal);
                    customers.AddFor(db, contactNames, history, person, team, regionUnit, city, CustomersPerRep);
                    leads.AddFor(db, contactNames, person, team, regionUnit, city, LeadsPerRep, history);
                }
            }
        }

        // Dealers (with their customer accounts, territories and stores) and their portal users.
        var dealers = new DemoDealers(seed: 2034);
        var customerCount = dealers.AddTo(db, contactNames, customers.Count, now, DateOnly.FromDateTime(now.AddHours(8)));
        foreach (var (userName, dealer) in new[] { ("dealer.1", dealers.Dealers[0]), ("dealer.2", dealers.Dealers[1]) })
        {
            var user = AppUser.Create(userName, dealer.ContactName ?? dealer.Name, null);
            user.DealerId = dealer.Id;
            user.Email = userName + "@dealers.yuanhang.example.com";
            user.NormalizedEmail = user.Email.ToUpperInvariant();
            user.PasswordHash = hash ??= hasher.HashPassword(user, password);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roles[Roles.DealerUser] });
        }

        new DemoDealerApplications(seed: 2035).AddTo(db, dealers.Dealers, now, DateOnly.FromDateTime(now.AddHours(8)));

        // Products and prices before anything that sells them (opportunities today, quotes and orders later).
        new DemoCatalog(seed: 2031).AddTo(
            db, db.OrgUnits.Local.Where(u => u.Kind == OrgUnitKind.Region).ToDictionary(u => u.Code), DateOnly.FromDateTime(now.AddHours(8)));

        new DemoFieldWork(seed: 2030).AddAll(db, now);

        // The numbers above were handed out here, not by SequenceNumbers: move the series past them,
        // or the first employee created afterwards would get EMP-000001 again.
        db.Counters.Add(new Counter(Employee.NumberSeries, SequenceNumbers.NoYear, employeeNo));
        db.Counters.Add(new Counter(Customer.NumberSeries, SequenceNumbers.NoYear, customerCount));
        // Demo dates are in Shanghai time (UTC+8, no daylight saving).
        new DemoOpportunities(seed: 2030).AddTo(db, now, DateOnly.FromDateTime(now.AddHours(8)));
        new DemoBids(seed: 2030).AddTo(db, now, DateOnly.FromDateTime(now.AddHours(8)));
        new DemoOrders(seed: 2031).AddTo(db, now, DateOnly.FromDateTime(now.AddHours(8)), dealers.Buyers);
        dealers.SizeCreditLimits(db, DateOnly.FromDateTime(now.AddHours(8)));
        new DemoContracts(seed: 2032).AddTo(db, now, DateOnly.FromDateTime(now.AddHours(8)), new Contracts.ContractOptions().OurEntity);
        await db.SaveChangesAsync(ct);
        await DemoCatalog.SubmitForApprovalAsync(db, ct);

        // Quotes are priced by the PriceResolver and approved through the engine, which read the saved database.
        await new DemoQuotes(seed: 2031, time).AddAsync(db, ct);

        // Deliveries of the delivered orders, in batches on fresh contexts (the counts and the time it took are kept for the tests).
        Deliveries = await new DemoDeliveries(seed: 2032).AddAsync(
            dbFactory, [.. db.Orders.Local], [.. db.Customers.Local], [.. db.OrgUnits.Local], [.. db.Products.Local],
            db.Users.Local.FirstOrDefault(u => u.UserName == "logistics")?.EmployeeId, now, DateOnly.FromDateTime(now.AddHours(8)), ct);

        // The sales summaries the plan-vs-actual views read, computed once from the finished order history.
        await using (var summaries = await dbFactory.OpenAsync(Actor.System, ct))
        {
            await Planning.Summaries.SalesSummaries.RebuildAsync(summaries, ct);
        }

        // Targets of this year (split to the people, phased into months) and next year's draft, from the saved order history.
        await DemoTargets.AddAsync(dbFactory, DateOnly.FromDateTime(now.AddHours(8)), ct);

        // This year's monthly plans and reviews, from the saved orders.
        await new DemoPlans(seed: 2033).AddAsync(dbFactory, now, DateOnly.FromDateTime(now.AddHours(8)), ct);

        // Rebate policies, this year's monthly accruals and last year's settlements (credit notes), from the saved sell-in.
        await DemoRebates.AddAsync(dbFactory, DateOnly.FromDateTime(now.AddHours(8)), ct);

        // Dealers' monthly stock reports for the last twelve months, from the saved sell-in, with a few planted anomalies.
        await DemoStockReports.AddAsync(dbFactory, stockReportOptions, now, DateOnly.FromDateTime(now.AddHours(8)), ct);

        // Dealer staff (staff.1… for the first dealer), their store visits with checks and last month's scores.
        await DemoDealerStaff.AddAsync(dbFactory, hash ?? hasher.HashPassword(AppUser.Create("staff", "staff", null), password), storeOptions, now, DateOnly.FromDateTime(now.AddHours(8)), ct);

        // Last quarter's dealer evaluations, scored from the saved sell-in, targets, stock reports, invoices and stores.
        await DemoDealerEvaluations.AddAsync(dbFactory, new CompanyClock(time, companyOptions), evaluationOptions, ct);

        // Campaigns: this spring's promotion (closed), this month's launch in 华东 (active), next year's draft; tracked from the saved sell-in.
        await DemoPromotions.AddAsync(dbFactory, DateOnly.FromDateTime(now.AddHours(8)), ct);
        return true;
    }
}
