using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Demo;
using SalesFlow.Core.Leads;

namespace SalesFlow.Bench.Data;

/// <summary>A product as the order generator prices it.</summary>
internal sealed record BenchProduct(Guid Id, string Sku, string Name, string Line, string Unit, decimal Price, decimal TaxRate);

/// <summary>
/// The master data of a generated company, built with the records' own constructors and methods and streamed to the
/// bulk writer. Each stream is deterministic (its own seed) and remembers only what later streams need: who owns each
/// customer, which customers are dealer accounts, the products and their prices.
/// </summary>
internal sealed class BenchRecords(Scale scale, BenchOrganization organization)
{
    public const int FirstCustomerName = 0;

    /// <summary>Product lines (产品线) and the nouns their products are named with.</summary>
    public static readonly (string Line, string Category, string Unit, string[] Nouns, decimal MinPrice, decimal MaxPrice)[] Lines =
    [
        ("工业设备", "机床", "台", ["数控车床", "加工中心", "立式铣床", "平面磨床", "液压机"], 20_000m, 380_000m),
        ("电气元件", "低压电器", "件", ["断路器", "接触器", "继电器", "变频器", "开关电源"], 30m, 4_800m),
        ("建筑材料", "水泥制品", "吨", ["硅酸盐水泥", "预拌砂浆", "防水涂料", "石膏板", "加气砌块"], 280m, 2_600m),
        ("化工原料", "基础化工", "桶", ["环氧树脂", "工业酒精", "聚氨酯胶", "溶剂油", "固化剂"], 150m, 3_200m),
        ("五金工具", "手动工具", "套", ["扭力扳手", "电动螺丝刀", "角磨机", "台钻", "工具组合"], 40m, 2_400m),
        ("仪器仪表", "检测仪器", "台", ["数字万用表", "红外测温仪", "压力变送器", "流量计", "示波器"], 200m, 26_000m),
        ("安防产品", "监控设备", "套", ["网络摄像机", "硬盘录像机", "门禁一体机", "报警主机", "巡更系统"], 180m, 9_800m),
        ("办公耗材", "打印耗材", "箱", ["复印纸", "硒鼓", "墨盒", "标签纸", "装订耗材"], 60m, 900m),
    ];

    private static readonly string[] Industries = ["机械设备", "化工", "建筑建材", "电子电器", "交通物流", "医药健康", "汽车", "食品饮料", "能源", "批发零售", "信息技术", "冶金"];

    private static readonly int[] PaymentTerms = [0, 30, 30, 45, 60, 90];

    /// <summary>Most leads are new or contacted; some qualified, a few disqualified.</summary>
    private static readonly LeadStatus[] LeadStatuses = [LeadStatus.New, LeadStatus.New, LeadStatus.Contacted, LeadStatus.Contacted, LeadStatus.Contacted, LeadStatus.Qualified, LeadStatus.Disqualified];

    private readonly IdSource _customerIds = new(seed: 7101);

    public Guid[] CustomerIds { get; } = new Guid[scale.Customers];

    /// <summary>The rep (index into the organisation's reps) who owns each customer.</summary>
    public int[] CustomerRep { get; } = new int[scale.Customers];

    public Guid[] DealerIds { get; } = new Guid[scale.Dealers];

    public List<BenchProduct> Products { get; } = [];

    public Guid PriceListId { get; private set; }

    public static DateTime CreatedAt(Random random, DateOnly from, DateOnly to) =>
        from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).AddMinutes(random.NextDouble() * (to.DayNumber - from.DayNumber) * 24 * 60);

    /// <summary>Customers; the first <see cref="Scale.Dealers"/> are the dealers' accounts.</summary>
    public IEnumerable<Customer> Customers()
    {
        var random = new Random(7102);
        var reps = organization.Reps;
        for (var i = 0; i < scale.Customers; i++)
        {
            var rep = random.Next(reps.Count);
            var owner = reps[rep];
            var created = CreatedAt(random, new DateOnly(2019, 1, 1), Scale.LastMonth.AddMonths(1));
            var name = BenchNames.Company(FirstCustomerName + i);
            var type = i < scale.Dealers ? CustomerType.Dealer : (CustomerType)random.Next(0, 4);
            var customer = new Customer($"{Customer.NumberSeries}-{i + 1:D6}", name, type, owner.RegionId, owner.Id, owner.TeamId)
                .Set("Id", _customerIds.At(created)).Stamped(created);
            customer.UpdateDetails(name, type, Industries[random.Next(Industries.Length)], owner.RegionId, BenchNames.CityOf(name) + "市经济开发区" + random.Next(1, 300) + "号",
                "0" + random.Next(10, 999) + "-" + random.Next(20_000_000, 89_999_999), random.Next(5) == 0 ? ["重点跟进"] : []);
            customer.Classify((CustomerClass)random.Next(4), (ValueTier)random.Next(3));
            customer.SetCredit(random.Next(5, 200) * 10_000m, PaymentTerms[random.Next(PaymentTerms.Length)]);
            CustomerIds[i] = customer.Id;
            CustomerRep[i] = rep;
            yield return customer;
        }
    }

    public IEnumerable<Contact> Contacts()
    {
        var random = new Random(7103);
        var names = new DemoNames(seed: 7104, unique: false);
        var ids = new IdSource(7105);
        var titles = new[] { "总经理", "采购经理", "采购主管", "技术总监", "财务经理", "设备部经理", "副总经理", "办公室主任" };
        long k = 0;
        for (var i = 0; i < scale.Customers; i++)
        {
            for (var c = 0; c < scale.ContactsPerCustomer; c++, k++)
            {
                var created = CreatedAt(random, new DateOnly(2019, 1, 1), Scale.LastMonth.AddMonths(1));
                var contact = new Contact(CustomerIds[i], names.Next()).Set("Id", ids.At(created)).Stamped(created);
                contact.Update(contact.FullName, titles[random.Next(titles.Length)], null, BenchNames.Mobile('3', k), BenchNames.Email("c", k), isPrimary: c == 0);
                yield return contact;
            }
        }
    }

    public IEnumerable<Dealer> Dealers()
    {
        var random = new Random(7106);
        var ids = new IdSource(7107);
        for (var i = 0; i < scale.Dealers; i++)
        {
            var rep = organization.Reps[CustomerRep[i]];
            var (province, city) = DemoDealers.Cities[rep.RegionCode][random.Next(DemoDealers.Cities[rep.RegionCode].Length)];
            var created = CreatedAt(random, new DateOnly(2018, 1, 1), new DateOnly(2023, 6, 1));
            var dealer = new Dealer($"{Dealer.NumberSeries}-{i + 1:D6}", BenchNames.Company(FirstCustomerName + i), (DealerTier)random.Next(3), rep.RegionId, rep.TeamId, rep.Id, CustomerIds[i], province, city)
                .Set("Id", ids.At(created)).Stamped(created)
                .Set("Status", DealerStatus.Active)
                .Set("ActivatedOn", (DateOnly?)DateOnly.FromDateTime(created));
            DealerIds[i] = dealer.Id;
            yield return dealer;
        }
    }

    /// <summary>Leads: company names and mobiles from ranges no customer or contact uses.</summary>
    public IEnumerable<Lead> Leads()
    {
        var random = new Random(7108);
        var names = new DemoNames(seed: 7109, unique: false);
        var ids = new IdSource(7110);
        var reps = organization.Reps;
        for (var i = 0; i < scale.Leads; i++)
        {
            var rep = reps[random.Next(reps.Count)];
            var created = CreatedAt(random, new DateOnly(2023, 1, 1), Scale.LastMonth.AddMonths(1));
            var lead = new Lead(names.Next(), BenchNames.Company(LeadNameStart(scale) + i), BenchNames.Mobile('5', i), random.Next(3) == 0 ? BenchNames.Email("l", i) : null,
                (LeadSource)random.Next(0, 8), rep.RegionId, random.Next(4) == 0 ? "询价：需要报价单和样品" : null)
                .Set("Id", ids.At(created)).Stamped(created);
            lead.AssignTo(rep.Id, rep.TeamId, created);
            lead.Set("Status", LeadStatuses[random.Next(LeadStatuses.Length)]);
            yield return lead;
        }
    }

    /// <summary>The first company-name index of generated leads; the lead-import file starts after them.</summary>
    public static long LeadNameStart(Scale scale) => FirstCustomerName + scale.Customers;

    public static long ImportNameStart(Scale scale) => LeadNameStart(scale) + scale.Leads;

    public IEnumerable<Product> ProductRecords()
    {
        var random = new Random(7111);
        var ids = new IdSource(7112);
        for (var i = 0; i < scale.Products; i++)
        {
            var (line, category, unit, nouns, min, max) = Lines[i % Lines.Length];
            var noun = nouns[random.Next(nouns.Length)];
            var model = $"{(char)('A' + random.Next(26))}{random.Next(100, 999)}-{i / Lines.Length + 1}";
            var price = decimal.Round(min + ((max - min) * (decimal)Math.Pow(random.NextDouble(), 2)), 0);
            var created = new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i);
            var product = new Product($"BX-{i % Lines.Length + 1:D2}-{i + 1:D6}", $"{noun} {model}", $"{line} item {model}", line, category, unit, 0, 0.13m)
                .Set("Id", ids.At(created)).Stamped(created);
            product.Set("CostPrice", (decimal?)decimal.Round(price * 0.62m, 2));
            Products.Add(new BenchProduct(product.Id, product.Sku, product.NameZh, line, unit, price, product.TaxRate));
            yield return product;
        }
    }

    /// <summary>One company-wide list, active since the first month, with every product's price and a floor at 85 %.</summary>
    public (PriceList List, IReadOnlyList<PriceListItem> Items) PriceList()
    {
        var created = new DateTime(2022, 6, 1, 0, 0, 0, DateTimeKind.Utc);
        var list = new PriceList("STD-BENCH", "标准价目表（压测）", "CNY", new DateOnly(2022, 6, 1), null).Stamped(created);
        list.SetStatus(PriceListStatus.Active);
        var ids = new IdSource(7113);
        foreach (var product in Products)
        {
            list.SetPrice(product.Id, 1m, product.Price, decimal.Round(product.Price * 0.85m, 2)).Set("Id", ids.At(created));
        }

        PriceListId = list.Id;
        return (list, list.Items);
    }
}
