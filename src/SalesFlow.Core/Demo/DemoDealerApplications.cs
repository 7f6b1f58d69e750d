using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Dealers.Applications;

namespace SalesFlow.Core.Demo;

/// <summary>
/// Recruitment in progress: applications in every review state (new, scored and waiting — one below the pass mark —,
/// rejected, and the approved application behind 西南's newly approved dealer), and one tier change waiting for the director.
/// </summary>
internal sealed class DemoDealerApplications(int seed)
{
    private readonly Random _random = new(seed);

    public void AddTo(SalesFlowDbContext db, IReadOnlyList<Dealer> dealers, DateTime nowUtc, DateOnly today)
    {
        var options = new DealerApplicationOptions();
        var codes = db.OrgUnits.Local.ToDictionary(u => u.Id, u => u.Code);
        string[] order = ["HD", "HB", "HN", "XN"];
        var byRegion = order.Select(code => dealers.Where(d => codes[d.RegionId] == code).ToList()).ToList();
        var number = 0;

        // (region index, company, province, city, capital in 万元, channels, customers, team, scores or null, rejection reason)
        var plans = new (int Region, string Company, string Province, string City, int Capital, string Channels, string Customers, int Team, int[]? Scores, string? Rejected)[]
        {
            (0, "金华鼎盛机电设备有限公司", "浙江", "金华", 800, "五金机电市场批发、工矿企业直供", "合作五金店 86 家，工矿客户 23 家", 18, null, null),
            (0, "芜湖江城工业物资有限公司", "安徽", "芜湖", 1500, "工业品超市、汽配连锁、线上店铺", "覆盖门店 140 家，年销售额约 6000 万元", 32, [4, 4, 4, 3, 4], null),
            (1, "秦皇岛海港商贸有限公司", "河北", "秦皇岛", 300, "批发市场档口", "老客户 30 余家，以散客为主", 8, [2, 2, 3, 2, 3], null),
            (2, "江门五邑机电贸易有限公司", "广东", "江门", 200, "夫妻店批发", "门店 25 家", 6, [1, 2, 2, 2, 1], "资金实力和团队规模不足，且有两起未结清的供应商欠款纠纷"),
            (3, "泸州川南物资有限公司", "四川", "泸州", 1000, "建材市场、工程渠道", "合作施工单位 15 家，建材门店 60 家", 20, null, null),
        };

        foreach (var plan in plans)
        {
            var anchor = byRegion[plan.Region][_random.Next(4)];
            var application = new DealerApplication($"{DealerApplication.NumberSeries}-{++number:D6}", anchor.ManagerId, anchor.OrgUnitId, anchor.RegionId);
            application.SetDetails(
                plan.Company, Licence(), plan.Capital * 10_000m, plan.Province, plan.City, plan.Channels, plan.Customers, plan.Team,
                DemoNamesFallback[_random.Next(DemoNamesFallback.Length)], "139" + _random.Next(10_000_000, 99_999_999));
            if (plan.Scores is { } s)
            {
                var scores = options.Checklist.Select((c, i) => (c.Code, s[i])).ToDictionary(x => x.Code, x => x.Item2);
                application.Score(scores, Checklist.Total(options, scores).Value, s.Sum() >= 15 ? "渠道和客户资源扎实，建议批准" : "规模偏小，待补充材料");
            }

            if (plan.Rejected is { } reason)
            {
                application.Reject(reason, "manager." + RegionKey(plan.Region), nowUtc.AddDays(-3));
            }

            db.DealerApplications.Add(application);
            DemoHistory.Created(db, application, nowUtc.AddDays(-(5 + _random.Next(25))).AddHours(_random.Next(1, 9)));
        }

        // 西南's tenth dealer was approved from an application last month.
        var approvedDealer = dealers.Where(d => d.Status == DealerStatus.Approved).OrderBy(d => d.Code, StringComparer.Ordinal).FirstOrDefault();
        if (approvedDealer is not null)
        {
            var application = new DealerApplication($"{DealerApplication.NumberSeries}-{++number:D6}", approvedDealer.ManagerId, approvedDealer.OrgUnitId, approvedDealer.RegionId);
            application.SetDetails(
                approvedDealer.Name, approvedDealer.LicenceNumber ?? Licence(), approvedDealer.RegisteredCapital, approvedDealer.Province, approvedDealer.City,
                "建材市场、工程渠道、五金店", "合作门店 90 家", 22, approvedDealer.ContactName, approvedDealer.ContactMobile);
            var scores = options.Checklist.ToDictionary(c => c.Code, _ => 4);
            application.Score(scores, Checklist.Total(options, scores).Value, "各项资质达标");
            application.Approve(approvedDealer.Id, options.PassMark, "manager.xinan", nowUtc.AddDays(-21));
            approvedDealer.FromApplication(application.Id, approvedDealer.LicenceNumber, approvedDealer.RegisteredCapital, approvedDealer.ContactName, approvedDealer.ContactMobile);
            db.DealerApplications.Add(application);
            DemoHistory.Created(db, application, nowUtc.AddDays(-35));
        }

        db.Counters.Add(new Counter(DealerApplication.NumberSeries, SequenceNumbers.NoYear, number));

        // A silver dealer of 华东 that beat its target asks to move up from next month; the director has not decided yet.
        var silver = byRegion[0].Where(d => d.Tier == DealerTier.Silver && d.Status == DealerStatus.Active).OrderBy(d => d.Code, StringComparer.Ordinal).First();
        var change = new DealerTierChange(silver.Id, DealerTier.Silver, DealerTier.Gold, new DateOnly(today.Year, today.Month, 1).AddMonths(1), "年度进货额完成 126%，回款及时，申请升级为金牌经销商");
        db.DealerTierChanges.Add(change);
        DemoHistory.Created(db, change, nowUtc.AddDays(-2));
    }

    private static readonly string[] DemoNamesFallback = ["王建国", "李海峰", "陈志强", "刘晓东", "张立新", "杨国平"];

    private static string RegionKey(int region) => region switch { 0 => "huadong", 1 => "huabei", 2 => "huanan", _ => "xinan" };

    private string Licence()
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return "91" + _random.Next(110000, 660000).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + new string([.. Enumerable.Range(0, 10).Select(_ => chars[_random.Next(chars.Length)])]);
    }
}
