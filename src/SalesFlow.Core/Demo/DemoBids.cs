using SalesFlow.Core.Bids;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Demo;

/// <summary>
/// About 40 tenders of enterprise customers, registered over the past seven months: the older ones won, lost (with a
/// reason and the winning competitor) or not bid, the recent ones at every step, a few of them late. Big ones (at or
/// above the default escalation amount) are decided and priced by the director.
/// </summary>
internal sealed class DemoBids(int seed)
{
    public const int Count = 40;

    private static readonly string[] Subjects =
        ["年度设备集中采购招标", "产线自动化改造项目", "配电系统升级改造", "空压站节能改造 EPC", "备品备件框架协议招标", "新厂区公用工程设备", "环保设备更新项目", "仓储物流系统招标"];

    private static readonly string[] LossReasons = ["价格高于中标价", "技术评分落后", "交期无法满足", "业绩资质不足"];

    private static readonly string[] Competitors = ["西门子", "施耐德", "ABB", "三菱电机", "正泰电器"];

    private readonly Random _random = new(seed);

    public void AddTo(SalesFlowDbContext db, DateTime nowUtc, DateOnly today)
    {
        var options = new BidOptions();
        var employees = db.Employees.Local.ToList();
        var director = employees.Where(e => e.Position == Position.Director).OrderBy(e => e.EmployeeNo, StringComparer.Ordinal).First();
        var managers = employees.Where(e => e.Position == Position.RegionalManager).ToDictionary(e => e.OrgUnitId, e => e);
        var customers = db.Customers.Local.Where(c => c.Type == CustomerType.Enterprise && managers.ContainsKey(c.RegionId))
            .OrderBy(c => c.Number, StringComparer.Ordinal).ToList();
        if (customers.Count == 0)
        {
            return;
        }

        var plans = Enumerable.Range(0, Count)
            .Select(i => (Customer: customers[_random.Next(customers.Count)], Registered: today.AddDays(i < Count * 2 / 5 ? -_random.Next(0, 30) : -_random.Next(45, 210))))
            .OrderBy(p => p.Registered)
            .ToList();
        var numbers = new Dictionary<int, int>();
        foreach (var (customer, registered) in plans)
        {
            var year = registered.Year;
            numbers[year] = numbers.GetValueOrDefault(year) + 1;
            var amount = _random.Next(3, 90) * 100_000m;
            var escalated = amount >= options.EscalationAmount;
            var approver = escalated ? director : managers[customer.RegionId];
            var deadline = registered.AddDays(_random.Next(20, 46));
            var bid = new Bid(
                $"{Bid.NumberSeries}-{year}-{numbers[year]:D6}", customer.Name.Replace("有限公司", "", StringComparison.Ordinal) + Subjects[_random.Next(Subjects.Length)],
                customer.Id, null, customer.OwnerId, customer.OrgUnitId, amount, deadline, escalated);
            var decisionDue = registered.AddDays(options.DecisionDays);
            DateOnly Before(int days) => deadline.AddDays(-days) > decisionDue ? deadline.AddDays(-days) : decisionDue;
            bid.PlanStep(BidStep.Decision, approver.Id, decisionDue);
            bid.PlanStep(BidStep.TechnicalSpecs, customer.OwnerId, Before(10));
            bid.PlanStep(BidStep.Purchasing, customer.OwnerId, Before(7));
            bid.PlanStep(BidStep.PriceApproval, approver.Id, Before(4));
            bid.PlanStep(BidStep.Document, customer.OwnerId, Before(2));
            bid.PlanStep(BidStep.Result, customer.OwnerId, deadline.AddDays(30));
            Walk(bid, approver.Id, customer.OwnerId, deadline, today);
            db.Bids.Add(bid);
            DemoHistory.Created(db, bid, At(registered));
        }

        foreach (var (year, last) in numbers)
        {
            db.Counters.Add(new Counter(Bid.NumberSeries, year, last));
        }
    }

    // Each step is done on its due date (some a few days late) as long as that date has passed; a tenth are not bid,
    // and of those that reach the result about half are won.
    private void Walk(Bid bid, Guid approver, Guid owner, DateOnly deadline, DateOnly today)
    {
        var lateBy = _random.Next(10) < 2 ? _random.Next(1, 4) : 0;

        // A stalled bid stops at its first step that is due: that step stays open and shows as overdue.
        var stalled = deadline >= today && _random.Next(100) < 30;
        bool Due(BidStep step, out DateTime at)
        {
            var due = bid.Steps.Single(s => s.Step == step).DueDate.AddDays(step == BidStep.Result ? -_random.Next(5, 25) : lateBy);
            at = At(due);
            return due < today && !stalled;
        }

        if (!Due(BidStep.Decision, out var decidedAt))
        {
            return;
        }

        if (_random.Next(10) == 0)
        {
            bid.Decide(false, "资质或交期不满足，放弃投标", approver, decidedAt);
            return;
        }

        bid.Decide(true, "参与投标", approver, decidedAt);
        if (!Due(BidStep.TechnicalSpecs, out var specsAt))
        {
            return;
        }

        bid.RecordSpecs("按招标文件技术规范书响应，关键设备选用自有品牌，配套安装调试与两年质保。", owner, specsAt);
        if (!Due(BidStep.Purchasing, out var costAt))
        {
            return;
        }

        var cost = decimal.Round(bid.EstimatedAmount * (0.62m + (_random.Next(0, 15) / 100m)), 0);
        bid.RecordCosting(cost, _random.Next(20, 90), owner, costAt);
        if (!Due(BidStep.PriceApproval, out var priceAt))
        {
            bid.ProposePrice(decimal.Round(bid.EstimatedAmount * 0.97m, 0));
            return;
        }

        bid.ProposePrice(decimal.Round(bid.EstimatedAmount * (0.9m + (_random.Next(0, 10) / 100m)), 0));
        bid.ApprovePrice("同意按此价格投标", approver, priceAt);
        if (!Due(BidStep.Document, out var issuedAt))
        {
            return;
        }

        bid.IssueDocument($"TB-{deadline:yyyyMMdd}-{_random.Next(10, 99)}", DateOnly.FromDateTime(issuedAt), owner, issuedAt);
        if (!Due(BidStep.Result, out var resultAt) || deadline >= today)
        {
            return;
        }

        var won = _random.Next(100) < 45;
        bid.RecordResult(
            won, won ? "技术与价格综合评分第一" : LossReasons[_random.Next(LossReasons.Length)],
            won ? null : Competitors[_random.Next(Competitors.Length)], owner, resultAt);
    }

    // 10:00 Beijing time on the day.
    private static DateTime At(DateOnly day) => DateTime.SpecifyKind(day.ToDateTime(new TimeOnly(2, 0)), DateTimeKind.Utc);
}
