using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.FieldWork.Activities;
using SalesFlow.Core.FieldWork.Travel;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Demo;

/// <summary>
/// Field work for every demo rep, from the customers and people already added to the context: a route plan, its
/// visits over the last eight weeks (most done with a checklist, some missed, so compliance lands around 70–95 %),
/// the next week's planned visits, activities, a few work logs, and travel requests in every status — including one
/// refused by the no-breakthrough rule and one a manager overrode. The demo company sits in Shanghai (UTC+8).
/// </summary>
internal sealed class DemoFieldWork(int seed)
{
    public const int WeeksOfHistory = 8;

    private static readonly TimeSpan CompanyOffset = TimeSpan.FromHours(8);

    private static readonly string[] VisitOutcomes =
    [
        "了解本月采购计划，客户计划下周下单", "陈列位置调整到入口堆头", "补货建议已提交采购", "客户反馈价格偏高，需申请支持", "新店长到任，已介绍产品线",
        "竞品在做促销，客户观望", "完成库存盘点，安全库存充足", "培训店员两名，主推意愿提升",
    ];

    private static readonly string[] ChecklistNotes = ["货架整洁", "缺少价签两处", "库存偏低", "堆头效果好", "店员主推积极", "竞品陈列占优"];

    private static readonly (ActivityType Type, string Subject, string Outcome, string NextStep)[] ActivityTemplates =
    [
        (ActivityType.Call, "电话回访采购负责人", "确认季度需求量", "下周发送报价单"),
        (ActivityType.Call, "催收上月货款", "客户承诺本周内付款", "周五再次确认到账"),
        (ActivityType.Meeting, "年度合作洽谈会", "双方就返利政策达成初步一致", "起草年度合作协议"),
        (ActivityType.Email, "发送新品资料", "客户已回复感兴趣", "安排样品试用"),
        (ActivityType.Task, "整理客户档案", "补全联系人与开票信息", "提交主管审核"),
        (ActivityType.Visit, "上门拜访技术负责人", "演示新型号产品", "跟进试用反馈"),
        (ActivityType.Meeting, "参加客户招标答疑会", "获取技术参数要求", "准备投标文件"),
        (ActivityType.Call, "跟进样品试用情况", "试用效果良好", "推动小批量订单"),
    ];

    private readonly Random _random = new(seed);

    public void AddAll(SalesFlowDbContext db, DateTime nowUtc)
    {
        var today = DateOnly.FromDateTime(nowUtc + CompanyOffset);
        var thisMonday = RouteSchedule.MondayOf(today);
        var start = thisMonday.AddDays(-7 * WeeksOfHistory);
        var reps = db.Employees.Local.Where(e => e.Position == Position.SalesRep).OrderBy(e => e.EmployeeNo, StringComparer.Ordinal).ToList();
        var customersByOwner = db.Customers.Local.GroupBy(c => c.OwnerId).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Number, StringComparer.Ordinal).ToList());
        var index = 0;
        foreach (var rep in reps)
        {
            var customers = customersByOwner.GetValueOrDefault(rep.Id) ?? [];
            if (customers.Count < 12)
            {
                continue;
            }

            var visits = AddRoute(db, rep, customers, start, today, thisMonday.AddDays(13), index);
            AddActivities(db, rep, customers, start, today);
            if (index % 10 == 0)
            {
                AddWorkLogs(db, rep, visits, today, nowUtc);
                AddTravel(db, rep, customers, visits, today, nowUtc);
            }

            index++;
        }
    }

    private List<Visit> AddRoute(SalesFlowDbContext db, Employee rep, List<Customer> customers, DateOnly start, DateOnly today, DateOnly until, int index)
    {
        // Class A and B customers first: they need the most frequent visits.
        var onRoute = customers.OrderBy(c => c.Class).ThenBy(c => c.Number, StringComparer.Ordinal).Take(10).ToList();
        var cycle = index % 3 == 2 ? 2 : 1;
        var plan = new RoutePlan(rep.Id, rep.OrgUnitId);
        plan.Describe(cycle == 1 ? "每周拜访线路" : "双周拜访线路", cycle, start, true);
        var stops = new List<(int, DayOfWeek, Guid)>();
        for (var i = 0; i < onRoute.Count; i++)
        {
            var day = (DayOfWeek)((i % 5) + 1);
            stops.Add((1, day, onRoute[i].Id));
            if (cycle == 2 && i < 5)
            {
                stops.Add((2, day, onRoute[i + 5].Id));
            }
        }

        plan.ReplaceStops(stops);
        db.RoutePlans.Add(plan);

        var missRate = 5 + (index * 7 % 25); // 5–29 % of planned visits missed, depending on the rep
        var visits = new List<Visit>();
        foreach (var (date, customer) in RouteSchedule.Visits(plan.StartsOn, cycle, stops, start, until))
        {
            var visit = new Visit(rep.Id, rep.OrgUnitId, customer, date, VisitSource.RoutePlan, plan.Id);
            if (date < today && _random.Next(100) >= missRate)
            {
                Complete(visit, date, breakthrough: _random.Next(100) < 10);
            }

            visits.Add(visit);
        }

        // An ad hoc visit now and then, on top of the plan.
        for (var week = 1; week < DemoFieldWork.WeeksOfHistory; week += 3)
        {
            var date = start.AddDays((7 * week) + 2);
            var visit = new Visit(rep.Id, rep.OrgUnitId, customers[10 + (week % 2)].Id, date, VisitSource.AdHoc, purpose: "临时拜访");
            Complete(visit, date, breakthrough: false);
            visits.Add(visit);
        }

        db.Visits.AddRange(visits);
        return visits;
    }

    private void Complete(Visit visit, DateOnly date, bool breakthrough)
    {
        var checkIn = Utc(date, 9 + _random.Next(7), _random.Next(60));
        var lat = 31.2 + (_random.NextDouble() / 10);
        var lng = 121.4 + (_random.NextDouble() / 10);
        visit.CheckIn(checkIn, date, lat, lng);
        visit.CheckOut(
            checkIn.AddMinutes(30 + _random.Next(60)), lat, lng, VisitOutcomes[_random.Next(VisitOutcomes.Length)],
            new VisitChecklist(_random.Next(10) < 8, _random.Next(10) < 7, _random.Next(10) < 9, _random.Next(10) < 6, ChecklistNotes[_random.Next(ChecklistNotes.Length)]),
            breakthrough);
    }

    private void AddActivities(SalesFlowDbContext db, Employee rep, List<Customer> customers, DateOnly start, DateOnly today)
    {
        var count = (today.DayNumber - start.DayNumber) / 3;
        for (var i = 0; i < count; i++)
        {
            var template = ActivityTemplates[_random.Next(ActivityTemplates.Length)];
            var date = start.AddDays(i * 3);
            var activity = new Activity(rep.Id, rep.OrgUnitId);
            activity.Describe(
                template.Type, customers[_random.Next(customers.Count)].Id, null, null, template.Subject, Utc(date, 10 + _random.Next(7), 0),
                template.Outcome, template.NextStep, date.AddDays(7));
            db.Activities.Add(activity);
        }
    }

    private static void AddWorkLogs(SalesFlowDbContext db, Employee rep, List<Visit> visits, DateOnly today, DateTime nowUtc)
    {
        for (var back = 1; back <= 5; back++)
        {
            var date = today.AddDays(-back);
            if (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            var done = visits.Count(v => v.Date == date && v.Status == VisitStatus.Done);
            var log = new WorkLog(rep.Id, rep.OrgUnitId, date);
            log.Write($"今日完成拜访 {done} 家，重点跟进价格支持申请。", "继续按线路拜访，准备周报。");
            log.Submit(Utc(date, 18, 30));
            if (back == 1 && rep.ManagerId is { } supervisor)
            {
                log.Comment("价格支持申请请附上竞品报价。", supervisor, nowUtc);
            }

            db.WorkLogs.Add(log);
        }
    }

    private static void AddTravel(SalesFlowDbContext db, Employee rep, List<Customer> customers, List<Visit> visits, DateOnly today, DateTime nowUtc)
    {
        // A customer the rep visited three times or more with no breakthrough since: the rule refuses travel to it.
        var stalled = visits.Where(v => v.Status == VisitStatus.Done).GroupBy(v => v.CustomerId)
            .Where(g => g.OrderByDescending(v => v.CheckOutAtUtc).TakeWhile(v => !v.Breakthrough).Count() >= 3)
            .Select(g => (Id: g.Key, Count: g.OrderByDescending(v => v.CheckOutAtUtc).TakeWhile(v => !v.Breakthrough).Count()))
            .FirstOrDefault();
        var unvisited = customers.Where(c => visits.All(v => v.CustomerId != c.Id)).Select(c => c.Id).ToList();
        var manager = rep.ManagerId ?? rep.Id;
        var city = customers[0].Name[..2];

        TravelRequest Request(string destination, string purpose, int inDays, decimal cost, params Guid[] customerIds)
        {
            var travel = new TravelRequest(rep.Id, rep.OrgUnitId, destination, purpose, today.AddDays(inDays), today.AddDays(inDays + 2), cost, customerIds);
            db.TravelRequests.Add(travel);
            return travel;
        }

        Request($"{city}周边", "拜访新客户，介绍年度政策", 7, 3200.00m, unvisited[0]);
        Request($"{city}及周边县市", "重点客户年度合同洽谈", -10, 5600.50m, unvisited[1]).Approve(manager, nowUtc);
        Request($"{city}开发区", "参加客户技术交流会", -20, 2800.00m, unvisited[2]).Reject("本月差旅预算已用完，请改为电话沟通", manager, nowUtc);
        if (stalled.Id != Guid.Empty)
        {
            Request($"{city}周边", "再次拜访推动下单", 5, 2100.00m, stalled.Id).RefuseByRule(stalled.Id, stalled.Count);
            var overridden = Request($"{city}周边", "客户高层到访，需当面沟通", -3, 1800.00m, stalled.Id);
            overridden.RefuseByRule(stalled.Id, stalled.Count);
            overridden.Override("客户新任总经理到任，有望重启合作，特批此次出差", manager, nowUtc);
        }
    }

    private static DateTime Utc(DateOnly date, int hour, int minute) =>
        DateTime.SpecifyKind(date.ToDateTime(new TimeOnly(hour, minute)) - CompanyOffset, DateTimeKind.Utc);
}
