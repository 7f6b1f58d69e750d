using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Reviews;

namespace SalesFlow.Core.Demo;

/// <summary>
/// This year's monthly plans and reviews of every rep, made from the saved demo orders (<see cref="SalesActuals"/>): each
/// month's plan plans the rep's real customers and products at roughly their actual quantities (±20 %) and prices, and is
/// approved by the rep's supervisor — a few submitted late, a couple returned once with a comment first. Next month's plans
/// are mostly submitted and waiting, a few still drafts, one or two missing; every past month is reviewed and signed off
/// (some late), last month's reviews are partly submitted, partly not started. <c>rep.huadong.1</c> has neither next
/// month's plan nor last month's review, so a journey can create them. Read through fresh contexts, saved in batches.
/// </summary>
internal sealed class DemoPlans(int seed)
{
    public const int RepsPerBatch = 20;
    public const string JourneyRep = "rep.huadong.1";

    /// <summary>Always has next month's plan submitted, so <c>manager.huadong</c> has one waiting.</summary>
    public const string WaitingRep = "rep.huadong.2";

    private static readonly string[] Promotions = ["买十送一", "季度返利 2%", "新品试用装", "年终冲量价"];

    private static readonly string[] ReturnComments = ["重点客户的数量偏保守，请结合上月实际再调整。", "请补充新产品的推广计划。"];

    private static readonly string[] Variances = ["主要客户项目延期，订单推迟到下月。", "竞品降价抢单，部分订单流失。", "新客户首单超预期。", "季节性需求回落。"];

    private static readonly string[] Competitors = ["竞品在华东推出低价型号。", "竞争对手加大经销商返利。", "暂无明显变化。"];

    private static readonly string[] NextSteps = ["跟进延期项目，争取下月落单。", "拜访重点客户，推进年度框架协议。", "加强新品试用推广。"];

    private readonly Random _random = new(seed);

    public async Task AddAsync(IDbContextFactory<SalesFlowDbContext> dbFactory, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        List<Rep> reps;
        Dictionary<(int Month, Guid Owner), List<Actual>> actuals = [];
        Dictionary<Guid, ProductInfo> products;
        await using (var db = await dbFactory.OpenAsync(Actor.System, ct))
        {
            reps = await (
                    from e in db.Employees
                    join u in db.Users on e.Id equals u.EmployeeId
                    where e.IsActive && e.Position == Position.SalesRep
                    orderby u.UserName
                    select new Rep(e.Id, e.OrgUnitId, u.UserName!, db.Users.Where(m => m.EmployeeId == e.ManagerId).Select(m => m.UserName).FirstOrDefault() ?? "director"))
                .ToListAsync(ct);
            for (var month = 1; month <= today.Month; month++)
            {
                var period = Period.OfMonth(today.Year, month);
                var rows = await SalesActuals.Sales(db, period.Start, period.End)
                    .GroupBy(f => new { f.OwnerId, f.CustomerId, f.ProductId })
                    .Select(g => new { g.Key.OwnerId, g.Key.CustomerId, g.Key.ProductId, Quantity = g.Sum(f => f.Quantity), Amount = g.Sum(f => f.Amount) })
                    .ToListAsync(ct);
                foreach (var owner in rows.GroupBy(r => r.OwnerId))
                {
                    actuals[(month, owner.Key)] = [.. owner.Select(r => new Actual(r.CustomerId, r.ProductId, r.Quantity, r.Amount)).OrderByDescending(a => a.Amount).ThenBy(a => a.ProductId)];
                }
            }

            products = await db.Products.ToDictionaryAsync(p => p.Id, p => new ProductInfo(p.Unit, p.QuantityDecimals, p.ProductLine), ct);
        }

        var thisMonth = Period.MonthOf(today);
        var nextMonth = thisMonth.NextMonth();
        var lastMonth = Period.MonthOf(today.AddMonths(-1));
        foreach (var batch in reps.Chunk(RepsPerBatch))
        {
            await using var db = await dbFactory.OpenAsync(Actor.System, ct);
            foreach (var rep in batch)
            {
                var plans = new Dictionary<int, MonthlyPlan>();
                for (var month = 1; month <= today.Month; month++)
                {
                    var period = Period.OfMonth(today.Year, month);
                    var plan = Plan(db, rep, period, Source(actuals, rep.Id, month, today.Month), products, nowUtc);
                    if (plan is null)
                    {
                        continue;
                    }

                    Decide(plan, rep, nowUtc, today, returnFirst: _random.Next(150) == 0);
                    plans[month] = plan;
                }

                // Next month: most reps submitted (waiting for the supervisor), a few drafts, one or two none.
                var roll = _random.Next(100);
                if (rep.UserName != JourneyRep && (roll >= 5 || rep.UserName == WaitingRep))
                {
                    var plan = Plan(db, rep, nextMonth, Source(actuals, rep.Id, Math.Max(1, today.Month - 1), today.Month), products, nowUtc);
                    if (plan is not null && (roll >= 20 || rep.UserName == WaitingRep))
                    {
                        plan.Submit(Min(today, PlanningDeadlines.PlanDue(nextMonth).AddDays(-_random.Next(0, 3))));
                    }
                }

                // Reviews of the past months: signed off, some late; last month's: partly submitted, partly not started.
                for (var month = 1; month < today.Month; month++)
                {
                    var period = Period.OfMonth(today.Year, month);
                    var isLast = period == lastMonth;
                    var reviewRoll = _random.Next(100);
                    if (isLast && (rep.UserName == JourneyRep || reviewRoll < 35))
                    {
                        continue;
                    }

                    var review = new MonthlyReview(period, PlanOwnerType.Employee, rep.Id, rep.UnitId, null);
                    var plan = plans.GetValueOrDefault(month);
                    review.Fill(plan?.Id, ReviewLinesOf(plan, actuals.GetValueOrDefault((month, rep.Id)) ?? []));
                    review.Write(Pick(Variances), Pick(Competitors), Pick(NextSteps), new Dictionary<Guid, string?>());
                    db.MonthlyReviews.Add(review);
                    var due = PlanningDeadlines.ReviewDue(period);
                    DemoHistory.Created(db, review, Utc(due.AddDays(-_random.Next(2, 5)), nowUtc));
                    if (isLast && reviewRoll < 50)
                    {
                        continue; // a draft
                    }

                    var submitted = _random.Next(10) == 0 ? due.AddDays(_random.Next(1, 4)) : due.AddDays(-_random.Next(0, 3));
                    review.Submit(Min(today, submitted), 10m);
                    if (!isLast)
                    {
                        review.SignOff(rep.ManagerUserName, Utc(Min(today, submitted.AddDays(_random.Next(1, 3))), nowUtc), null);
                    }
                }
            }

            await db.SaveChangesAsync(ct);
        }
    }

    private static List<Actual> Source(Dictionary<(int Month, Guid Owner), List<Actual>> actuals, Guid rep, int month, int lastMonth)
    {
        if (actuals.TryGetValue((month, rep), out var lines) && lines.Count > 0)
        {
            return lines;
        }

        // No sales that month: plan what the rep sold in the nearest month that had sales.
        for (var d = 1; d <= 12; d++)
        {
            foreach (var m in new[] { month - d, month + d })
            {
                if (m >= 1 && m <= lastMonth && actuals.TryGetValue((m, rep), out var other) && other.Count > 0)
                {
                    return other;
                }
            }
        }

        return [];
    }

    private MonthlyPlan? Plan(
        SalesFlowDbContext db, Rep rep, Period month, List<Actual> source, Dictionary<Guid, ProductInfo> products, DateTime nowUtc)
    {
        if (source.Count == 0)
        {
            return null;
        }

        var lines = new List<MonthlyPlanLine>();
        foreach (var actual in source.Take(8))
        {
            if (actual.Quantity <= 0)
            {
                continue;
            }

            var product = products[actual.ProductId];
            var unitPrice = LineAmounts.Round(actual.Amount / actual.Quantity);
            var factor = 0.8m + ((decimal)_random.Next(0, 41) / 100m);
            var quantity = Math.Max(decimal.Round(actual.Quantity * factor, product.Decimals, MidpointRounding.AwayFromZero), 1m);
            var promotion = _random.Next(6) == 0 ? Pick(Promotions) : null;
            lines.Add(new MonthlyPlanLine(
                0, actual.CustomerId, actual.ProductId, product.ProductLine, quantity, product.Unit, unitPrice,
                LineAmounts.Of(quantity, unitPrice, 0m, 0m).NetAmount, _random.Next(12) == 0, promotion, null));
        }

        if (lines.Count == 0)
        {
            return null;
        }

        var plan = new MonthlyPlan(month, PlanOwnerType.Employee, rep.Id, rep.UnitId);
        plan.Edit(_random.Next(4) == 0 ? "重点跟进年度框架客户，争取新品首单。" : null, lines);
        db.MonthlyPlans.Add(plan);
        DemoHistory.Created(db, plan, Utc(plan.DueDate.AddDays(-_random.Next(3, 8)), nowUtc));
        return plan;
    }

    private void Decide(MonthlyPlan plan, Rep rep, DateTime nowUtc, DateOnly today, bool returnFirst)
    {
        var submitted = _random.Next(12) == 0 ? plan.DueDate.AddDays(_random.Next(1, 4)) : plan.DueDate.AddDays(-_random.Next(0, 4));
        submitted = Min(today, submitted);
        plan.Submit(submitted);
        if (returnFirst)
        {
            plan.Return(rep.ManagerUserName, Utc(submitted, nowUtc), Pick(ReturnComments));
            plan.Submit(Min(today, submitted.AddDays(1)));
        }

        plan.Approve(rep.ManagerUserName, Utc(Min(today, submitted.AddDays(returnFirst ? 2 : 1)), nowUtc), returnFirst ? "调整后同意。" : null);
    }

    private static List<MonthlyReviewLine> ReviewLinesOf(MonthlyPlan? plan, List<Actual> actual)
    {
        var rows = new Dictionary<(Guid? Customer, Guid Product), (decimal PQ, decimal PA, decimal AQ, decimal AA)>();
        foreach (var g in (plan?.Lines ?? []).GroupBy(l => (l.CustomerId, l.ProductId)))
        {
            rows[g.Key] = (g.Sum(l => l.Quantity), g.Sum(l => l.Amount), 0m, 0m);
        }

        foreach (var a in actual)
        {
            var key = ((Guid?)a.CustomerId, a.ProductId);
            var row = rows.GetValueOrDefault(key);
            rows[key] = (row.PQ, row.PA, a.Quantity, a.Amount);
        }

        return rows.Select(r => new MonthlyReviewLine(r.Key.Customer, r.Key.Product, r.Value.PQ, r.Value.PA, r.Value.AQ, r.Value.AA)).ToList();
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    // 10:00 Beijing time on the day, never after now.
    private static DateTime Utc(DateOnly day, DateTime nowUtc)
    {
        var at = day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);
        return at < nowUtc ? at : nowUtc;
    }

    private sealed record Rep(Guid Id, Guid UnitId, string UserName, string ManagerUserName);

    private sealed record ProductInfo(string Unit, int Decimals, string ProductLine);

    private sealed record Actual(Guid CustomerId, Guid ProductId, decimal Quantity, decimal Amount);
}
