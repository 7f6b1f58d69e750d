using SalesFlow.Core.Data;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Demo;

/// <summary>Prospects for each demo rep in every status and from every source; names never clash with customers.</summary>
internal sealed class DemoLeads(int seed)
{
    private static readonly string[] Brands =
    [
        "启航", "联创", "恒信", "汇通", "凯盛", "宏远", "华泰", "瑞达", "金鼎", "新世纪", "和泰", "鼎盛", "久安", "信达", "天润", "鸿运",
    ];

    private static readonly string[] Trades = ["精密制造", "新材料", "环保科技", "智能装备", "包装", "冷链物流", "工程建设", "农业科技"];

    private static readonly string[] Needs =
    [
        "需要年度采购报价", "计划更换现有供应商", "新厂房设备选型", "咨询代理合作", "试用样品后再定", "关注售后服务和账期", "预算审批中，下月决策",
    ];

    private static readonly string[] DisqualifyReasons = ["预算不足", "已选择竞争对手", "需求不匹配", "联系不上"];

    private static readonly LeadSource[] Sources =
    [
        LeadSource.Exhibition, LeadSource.Exhibition, LeadSource.Referral, LeadSource.Website, LeadSource.Website, LeadSource.ColdVisit,
        LeadSource.PhoneIn, LeadSource.Campaign, LeadSource.YellowPages, LeadSource.Dealer,
    ];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _companies = [];
    private int _mobile;

    public void AddFor(SalesFlowDbContext db, DemoNames people, Employee rep, OrgUnit team, OrgUnit region, string city, int count, DemoHistory history)
    {
        for (var i = 0; i < count; i++)
        {
            var company = UniqueCompany(city);
            var mobile = "15" + (++_mobile).ToString("D9", System.Globalization.CultureInfo.InvariantCulture);
            var lead = new Lead(people.Next(), company, mobile, null, Sources[_random.Next(Sources.Length)], region.Id, Needs[_random.Next(Needs.Length)]);
            var created = history.DaysAgo(0, 60);
            lead.AssignTo(rep.Id, team.Id, created);
            var roll = _random.Next(100);
            if (roll >= 40)
            {
                lead.MarkContacted(history.After(created, 1, 20));
            }

            if (roll >= 65)
            {
                lead.Qualify(history.After(created, 24, 24 * 10));
            }

            if (roll >= 85)
            {
                lead.Disqualify(DisqualifyReasons[_random.Next(DisqualifyReasons.Length)]);
            }

            db.Leads.Add(lead);
            DemoHistory.Created(db, lead, created);
        }
    }

    private string UniqueCompany(string city)
    {
        while (true)
        {
            var name = $"{city}{Brands[_random.Next(Brands.Length)]}{Trades[_random.Next(Trades.Length)]}有限公司";
            if (_companies.Add(name))
            {
                return name;
            }

            // Past the plain combinations, number the branch offices.
            var numbered = $"{name[..^4]}{_random.Next(2, 99)}分公司";
            if (_companies.Add(numbered))
            {
                return numbered;
            }
        }
    }
}
