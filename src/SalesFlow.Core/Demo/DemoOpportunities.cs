using SalesFlow.Core.Data;
using SalesFlow.Core.Opportunities;

namespace SalesFlow.Core.Demo;

/// <summary>
/// About 600 deals over the demo customers (owner = the customer's owner) in every stage, won and lost included,
/// with stage history dated over the past ten months before the seeder's clock, and lines on some (bulk goods in tons).
/// Numbered in the order they were opened, per year, as SequenceNumbers would have.
/// </summary>
internal sealed class DemoOpportunities(int seed)
{
    public const int Count = 600;

    private static readonly string[] Projects =
        ["年度设备采购", "产线自动化改造", "厂房配电升级", "空压站节能改造", "原材料年度框架协议", "备品备件集采", "新厂区建设配套", "仓储物流系统", "环保设备更新", "二期扩产项目"];

    private static readonly (string Name, string? Sku, string Unit, decimal MinPrice, decimal MaxPrice, bool Bulk)[] Products =
    [
        ("螺杆空压机 37kW", "KY-37", "台", 68_000m, 95_000m, false),
        ("变频控制柜", "BP-200", "套", 22_000m, 48_000m, false),
        ("高强度螺纹钢", null, "吨", 3_900m, 4_600m, true),
        ("冷轧钢板", null, "吨", 4_800m, 5_900m, true),
        ("工业润滑油", "RH-46", "吨", 11_000m, 16_000m, true),
        ("商品混凝土 C30", null, "m³", 380m, 520m, true),
        ("伺服电机", "SV-750", "台", 3_200m, 6_800m, false),
        ("安装调试服务", null, "项", 8_000m, 30_000m, false),
    ];

    private static readonly string[] WinReasons = ["技术方案获客户认可", "价格有竞争力", "服务响应快", "老客户续约", "交期有保障"];

    private static readonly string[] LoseReasons = ["竞品价格更低", "客户预算取消", "技术参数不满足", "交期无法满足", "客户选择原供应商"];

    private static readonly string[] Competitors = ["西门子", "施耐德", "ABB", "三菱电机", "正泰电器", "本地小厂"];

    private readonly Random _random = new(seed);

    public void AddTo(SalesFlowDbContext db, DateTime nowUtc, DateOnly today)
    {
        var stages = db.OpportunityStages.OrderBy(s => s.SortOrder).ToList();
        var open = stages.Where(s => s.Kind == StageKind.Open).ToList();
        var won = stages.Single(s => s.Kind == StageKind.Won);
        var lost = stages.Single(s => s.Kind == StageKind.Lost);
        var userOf = db.Users.Local.Where(u => u.EmployeeId != null).ToDictionary(u => u.EmployeeId!.Value, u => u.UserName!);
        var contacts = db.Contacts.Local.Where(k => k.IsPrimary).ToDictionary(k => k.CustomerId, k => k.Id);
        var customers = db.Customers.Local.OrderBy(c => c.Number, StringComparer.Ordinal).ToList();

        var plans = Enumerable.Range(0, Count)
            .Select(_ => (Customer: customers[_random.Next(customers.Count)], OpenedAt: nowUtc.AddDays(-_random.Next(5, 300)).AddMinutes(-_random.Next(0, 600))))
            .OrderBy(p => p.OpenedAt)
            .ToList();
        var numbers = new Dictionary<int, int>();
        foreach (var (customer, openedAt) in plans)
        {
            var year = openedAt.Year;
            numbers[year] = numbers.GetValueOrDefault(year) + 1;
            var by = userOf.GetValueOrDefault(customer.OwnerId, "system");
            var opportunity = new Opportunity(
                $"{Opportunity.NumberSeries}-{year}-{numbers[year]:D6}", customer.Name.Replace("有限公司", "", StringComparison.Ordinal) + Projects[_random.Next(Projects.Length)],
                customer.Id, contacts.TryGetValue(customer.Id, out var contact) ? contact : null, customer.OwnerId, customer.OrgUnitId, "CNY");
            opportunity.Open(open[0], openedAt, by);
            Walk(opportunity, open, won, lost, openedAt, nowUtc, by);
            var closeDate = opportunity.ClosedAtUtc is { } closed ? DateOnly.FromDateTime(closed) : today.AddDays(_random.Next(7, 150));
            opportunity.UpdateDetails(opportunity.Name, opportunity.ContactId, closeDate);
            opportunity.SetLines(Lines(), _random.Next(2, 200) * 10_000m);
            db.Opportunities.Add(opportunity);
        }

        foreach (var (year, last) in numbers)
        {
            db.Counters.Add(new Counter(Opportunity.NumberSeries, year, last));
        }
    }

    // Where the deal ends up: about a fifth in each early stage, a quarter won, a fifth lost.
    private void Walk(Opportunity opportunity, List<OpportunityStage> open, OpportunityStage won, OpportunityStage lost, DateTime openedAt, DateTime nowUtc, string by)
    {
        var roll = _random.Next(100);
        var reach = roll switch
        {
            < 18 => 0,
            < 32 => 1,
            < 45 => 2,
            < 55 => 3,
            _ => _random.Next(open.Count),
        };
        var outcome = roll switch { < 55 => StageKind.Open, < 78 => StageKind.Won, _ => StageKind.Lost };
        var steps = reach + (outcome == StageKind.Open ? 0 : 1);
        var span = nowUtc - openedAt;
        var at = openedAt;
        for (var i = 1; i <= steps; i++)
        {
            // Each step takes a share of the time since opening, so every change lies in the past.
            at += TimeSpan.FromTicks((long)(span.Ticks * (0.1 + (_random.NextDouble() * 0.7)) / (steps + 1)));
            if (i <= reach)
            {
                opportunity.Move(open[i], at, by);
            }
            else if (outcome == StageKind.Won)
            {
                opportunity.Win(won, WinReasons[_random.Next(WinReasons.Length)], at, by);
            }
            else
            {
                opportunity.Lose(lost, LoseReasons[_random.Next(LoseReasons.Length)], _random.Next(4) == 0 ? null : Competitors[_random.Next(Competitors.Length)], at, by);
            }
        }
    }

    private List<OpportunityLine> Lines()
    {
        if (_random.Next(100) >= 40)
        {
            return [];
        }

        var lines = new List<OpportunityLine>();
        var count = _random.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var (name, sku, unit, min, max, bulk) = Products[_random.Next(Products.Length)];
            var quantity = bulk ? _random.Next(5, 5_000) / 10m + 0.5m : _random.Next(1, 12);
            var price = decimal.Round(min + ((max - min) * (decimal)_random.NextDouble()), 0);
            lines.Add(new OpportunityLine(i + 1, name, sku, null, quantity, unit, price));
        }

        return lines;
    }
}
