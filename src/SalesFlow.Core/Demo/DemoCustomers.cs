using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Demo;

/// <summary>Customers and their contacts for each demo rep: believable names in the rep's city, every class and type.</summary>
internal sealed class DemoCustomers(int seed)
{

    private static readonly string[] Brands =
    [
        "恒达", "华盛", "鑫源", "宏图", "金桥", "瑞丰", "东方", "安泰", "利华", "中联", "永盛", "天成", "新锐", "博远", "远大", "佳和",
        "盛世", "富通", "广源", "海联", "同创", "卓越", "嘉禾", "万通", "德信", "隆基", "兴业", "长城", "明珠", "正泰",
    ];

    private static readonly (string Word, string Industry)[] Trades =
    [
        ("机电", "机械设备"), ("化工", "化工"), ("建材", "建筑建材"), ("电子", "电子电器"), ("物流", "交通物流"), ("医药", "医药健康"),
        ("汽车配件", "汽车"), ("食品", "食品饮料"), ("能源", "能源"), ("贸易", "批发零售"), ("科技", "信息技术"), ("钢铁", "冶金"),
    ];

    private static readonly string[] Suffixes = ["有限公司", "有限公司", "股份有限公司", "集团有限公司", "实业有限公司"];

    private static readonly string[] Titles = ["总经理", "采购经理", "采购主管", "技术总监", "财务经理", "设备部经理", "副总经理", "办公室主任"];

    private static readonly int[] PaymentTerms = [0, 30, 30, 45, 60, 90];

    private static readonly int[] ClassWeights = [15, 30, 40, 15];

    private static readonly int[] TierWeights = [20, 55, 25];

    private static readonly string[] TagPool = ["重点跟进", "老客户", "招投标", "转介绍", "展会", "长期合作", "价格敏感", "新开发"];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _names = [];
    private int _number;

    public int Count => _number;

    public void AddFor(SalesFlowDbContext db, DemoNames people, DemoHistory history, Employee rep, OrgUnit team, OrgUnit region, string city, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var (word, industry) = Trades[_random.Next(Trades.Length)];
            var name = UniqueName(city, word);
            var type = _random.Next(10) switch
            {
                < 5 => CustomerType.Enterprise,
                < 8 => CustomerType.Smb,
                8 => CustomerType.RetailStore,
                _ => CustomerType.Consumer,
            };
            var customer = new Customer($"{Customer.NumberSeries}-{++_number:D6}", name, type, region.Id, rep.Id, team.Id);
            var tags = TagPool.Where(_ => _random.Next(6) == 0).ToList();
            customer.UpdateDetails(name, type, industry, region.Id, $"{city}市{Brands[_random.Next(Brands.Length)]}路{_random.Next(1, 999)}号", Phone(city), tags);
            customer.Classify((CustomerClass)Weighted(ClassWeights), (ValueTier)Weighted(TierWeights));
            customer.SetCredit(_random.Next(0, 101) * 10_000m, PaymentTerms[_random.Next(PaymentTerms.Length)]);
            db.Customers.Add(customer);
            var created = history.DaysAgo(30, 900);
            DemoHistory.Created(db, customer, created);

            var contacts = type == CustomerType.Consumer ? 1 : _random.Next(1, 4);
            for (var k = 0; k < contacts; k++)
            {
                var contact = new Contact(customer.Id, people.Next());
                contact.Update(contact.FullName, type == CustomerType.Consumer ? null : Titles[_random.Next(Titles.Length)], Phone(city), people.Mobile(), null, isPrimary: k == 0);
                db.Contacts.Add(contact);
                DemoHistory.Created(db, contact, created);
            }
        }
    }

    private string UniqueName(string city, string word)
    {
        while (true)
        {
            var name = city + Brands[_random.Next(Brands.Length)] + word + Suffixes[_random.Next(Suffixes.Length)];
            if (_names.Add(name))
            {
                return name;
            }
        }
    }

    private static readonly Dictionary<string, string> AreaCodes = new()
    {
        ["上海"] = "021",
        ["杭州"] = "0571",
        ["北京"] = "010",
        ["天津"] = "022",
        ["广州"] = "020",
        ["深圳"] = "0755",
        ["成都"] = "028",
        ["重庆"] = "023",
        ["西安"] = "029",
        ["兰州"] = "0931",
        ["沈阳"] = "024",
        ["哈尔滨"] = "0451",
    };

    private string Phone(string city) => $"{AreaCodes.GetValueOrDefault(city, "010")}-{_random.Next(60_000_000, 89_999_999)}";

    private int Weighted(int[] weights)
    {
        var pick = _random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            pick -= weights[i];
            if (pick < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }
}
