using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Staff;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Stores;
using StoreOptions = SalesFlow.Core.Stores.StoreOptions;

namespace SalesFlow.Core.Demo;

/// <summary>
/// Dealer staff (导购/业务员): two or three per trading dealer, in the dealer's unit under its area manager; the first dealer's
/// staff sign in as <c>staff.1</c>… (role DealerStaff). Each visits the dealer's stores about six times a month for the last
/// three whole months and this month so far, and every done visit carries its store check, written by the same rule as the
/// check-out (<see cref="StoreCheck.Record"/>); each staff member has an own 店员主推率 between 30 and 80 %. Last month about
/// two in three are scored by the area manager. Everything is added in bulk, one save per batch.
/// </summary>
internal static class DemoDealerStaff
{
    public const string FirstDealerCode = "DLR-000001";

    private static readonly string[] Comments =
    [
        "门店检查认真，陈列维护到位", "主推意识强，需加强新品讲解", "拜访频次达标，进销存反馈及时", "终端缺货跟进不够，下月改进",
        "店员关系维护好，主推率稳定", "计划提交及时，执行需更细致",
    ];

    private static readonly string?[] Notes = ["端架陈列到位", "价签已更新", "新品海报张贴", "竞品促销力度大", "店员培训已完成", "库存偏低已提醒补货", null];

    public static async Task<int> AddAsync(
        IDbContextFactory<SalesFlowDbContext> dbFactory, string passwordHash, StoreOptions options, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var random = new Random(2043);
        var names = new DemoNames(seed: 2044, unique: false);
        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        var dealers = await db.Dealers.AsNoTracking().Where(d => d.Status == DealerStatus.Active).OrderBy(d => d.Code).ToListAsync(ct);
        var stores = (await db.Stores.AsNoTracking().Where(s => s.DealerId != null && s.IsActive).OrderBy(s => s.Code).ToListAsync(ct))
            .ToLookup(s => s.DealerId!.Value);
        var roleId = await db.Roles.Where(r => r.Name == Roles.DealerStaff).Select(r => r.Id).SingleAsync(ct);
        var number = await db.Counters.Where(c => c.Name == Employee.NumberSeries && c.Year == SequenceNumbers.NoYear).Select(c => c.Value).SingleAsync(ct);
        var firstNumber = number;
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var from = thisMonth.AddMonths(-3);
        var lastMonth = thisMonth.AddMonths(-1);
        var userNumber = 0;
        var staffCount = 0;
        foreach (var dealer in dealers)
        {
            var dealerStores = stores[dealer.Id].ToList();
            var count = 2 + random.Next(2);
            for (var i = 0; i < count; i++)
            {
                var hired = from.AddDays(-random.Next(60, 900));
                var employee = new Employee(
                    $"{Employee.NumberSeries}-{++number:D6}", names.Next(), null, Position.DealerStaff, dealer.OrgUnitId, dealer.ManagerId, hired, names.Mobile(),
                    dealerId: dealer.Id);
                db.Employees.Add(employee);
                db.EmployeeAssignments.Add(new EmployeeAssignment(employee.Id, dealer.OrgUnitId, dealer.ManagerId, Position.DealerStaff, hired));
                staffCount++;
                if (dealer.Code == FirstDealerCode)
                {
                    var userName = $"staff.{++userNumber}";
                    var user = AppUser.Create(userName, employee.Name, employee.Id);
                    user.Email = userName + "@dealers.yuanhang.example.com";
                    user.NormalizedEmail = user.Email.ToUpperInvariant();
                    user.PasswordHash = passwordHash;
                    db.Users.Add(user);
                    db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = roleId });
                }

                if (dealerStores.Count > 0)
                {
                    AddVisits(db, random, options, employee, dealer.CustomerId, dealerStores, from, today, nowUtc);
                }

                // Last month's score for about two in three, by the area manager, in line with the staff member's checks.
                if (random.Next(3) < 2)
                {
                    var (asked, recommending) = db.StoreChecks.Local.Where(c => c.OwnerId == employee.Id && c.Date >= lastMonth && c.Date < thisMonth)
                        .Aggregate((0, 0), (sum, c) => (sum.Item1 + c.StaffAsked, sum.Item2 + c.StaffRecommending));
                    var rate = asked == 0 ? 0.5 : (double)recommending / asked;
                    var score = Math.Clamp((int)Math.Round(55 + (rate * 40) + random.Next(-6, 7)), 0, 100);
                    db.DealerStaffScores.Add(new DealerStaffScore(employee.Id, dealer.Id, lastMonth, score, Comments[random.Next(Comments.Length)], dealer.ManagerId));
                }
            }

            // One save per few dealers keeps the change tracker small.
            if (db.ChangeTracker.Entries().Count() > 4000)
            {
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await db.SaveChangesAsync(ct);
        await db.Counters.Where(c => c.Name == Employee.NumberSeries && c.Year == SequenceNumbers.NoYear && c.Value == firstNumber)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Value, number), ct);
        return staffCount;
    }

    private static void AddVisits(
        SalesFlowDbContext db, Random random, StoreOptions options, Employee staff, Guid account, List<Store> stores, DateOnly from, DateOnly today, DateTime nowUtc)
    {
        var rate = 0.3 + (random.NextDouble() * 0.5); // this staff member's 店员主推率, 30–80 %
        for (var day = from; day <= today.AddDays(7); day = day.AddDays(5))
        {
            var store = stores[random.Next(stores.Count)];
            var visit = new Visit(staff.Id, staff.OrgUnitId, account, day, VisitSource.Planned, purpose: "门店巡检", storeId: store.Id);
            db.Visits.Add(visit);
            if (day >= today || random.Next(100) < 8)
            {
                continue; // still to come, or missed
            }

            var checkIn = DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(9 + random.Next(8), random.Next(60))).AddHours(-8), DateTimeKind.Utc);
            if (checkIn > nowUtc)
            {
                continue;
            }

            visit.CheckIn(checkIn, day, 31.2 + (random.NextDouble() / 10), 121.4 + (random.NextDouble() / 10));
            var standard = options.LinesOf(store.Class);
            var asked = 2 + random.Next(4);
            var recommending = Enumerable.Range(0, asked).Count(_ => random.NextDouble() < rate);
            var missing = random.Next(100) < 15 && standard.Count > 0 ? new[] { standard[random.Next(standard.Count)] } : [];
            var check = StoreCheck.Record(
                visit.Id, staff.Id, staff.OrgUnitId, day, store, standard,
                new StoreCheckInput(random.Next(10) < 8, random.Next(10) < 8, random.Next(10) < 9, asked, recommending, missing, Notes[random.Next(Notes.Length)])).Value!;
            db.StoreChecks.Add(check);
            visit.CheckOut(checkIn.AddMinutes(25 + random.Next(40)), null, null, "门店检查完成",
                new VisitChecklist(check.ShelfDisplayOk, check.StockOk, check.PriceOk, check.StaffRecommending > 0, check.Notes), breakthrough: false);
        }
    }

}
