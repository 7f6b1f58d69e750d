using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Stores;

namespace SalesFlow.Core.Demo;

/// <summary>
/// Ten dealers per region (60): each with its customer account (type Dealer, credit by tier), an area manager among
/// the region's reps, exclusive city territories, a yearly contract and deposit. Most trade; a few are still being
/// onboarded (contracted, deposit received, trained, approved) and one is suspended for overdue payments. Trading and
/// suspended dealers have ten stores each, and each region a few stores served directly: 600 stores. The first dealer
/// (DLR-000001, 上海, gold) is the one <c>dealer.1</c> signs in for. Their sell-in history is made by <see cref="DemoOrders"/>
/// from <see cref="Buyers"/>.
/// </summary>
internal sealed class DemoDealers(int seed)
{
    public const int DealersPerRegion = 10;
    public const int StoresPerDealer = 10;
    public const int DirectStores = 40;

    /// <summary>A dealer that buys: its account, tier and the days it bought between (sell-in history).</summary>
    public sealed record Buyer(Customer Account, Guid DealerId, DealerTier Tier, DateOnly Since, DateOnly Until);

    public static readonly IReadOnlyDictionary<string, (string Province, string City)[]> Cities = new Dictionary<string, (string, string)[]>
    {
        ["HD"] = [("上海", "上海"), ("江苏", "南京"), ("江苏", "苏州"), ("浙江", "杭州"), ("浙江", "宁波"), ("江苏", "无锡"), ("浙江", "温州"), ("安徽", "合肥"), ("山东", "济南"), ("山东", "青岛"),
            ("江苏", "常州"), ("浙江", "绍兴"), ("江苏", "南通"), ("浙江", "嘉兴"), ("福建", "福州"), ("福建", "厦门")],
        ["HB"] = [("北京", "北京"), ("天津", "天津"), ("河北", "石家庄"), ("河北", "唐山"), ("山西", "太原"), ("河北", "保定"), ("内蒙古", "呼和浩特"), ("河南", "郑州"), ("河北", "廊坊"), ("内蒙古", "包头"),
            ("河北", "邯郸"), ("山西", "大同"), ("河南", "洛阳"), ("河北", "沧州")],
        ["HN"] = [("广东", "广州"), ("广东", "深圳"), ("广东", "东莞"), ("广东", "佛山"), ("广西", "南宁"), ("广东", "珠海"), ("海南", "海口"), ("广东", "中山"), ("广西", "柳州"), ("湖南", "长沙"),
            ("广东", "惠州"), ("广西", "桂林"), ("海南", "三亚"), ("广东", "汕头")],
        ["XN"] = [("四川", "成都"), ("重庆", "重庆"), ("云南", "昆明"), ("贵州", "贵阳"), ("四川", "绵阳"), ("四川", "德阳"), ("云南", "曲靖"), ("贵州", "遵义"), ("四川", "宜宾"), ("四川", "南充"),
            ("云南", "大理"), ("四川", "乐山"), ("贵州", "六盘水")],
        ["XB"] = [("陕西", "西安"), ("甘肃", "兰州"), ("宁夏", "银川"), ("青海", "西宁"), ("新疆", "乌鲁木齐"), ("陕西", "宝鸡"), ("陕西", "咸阳"), ("陕西", "榆林"), ("甘肃", "天水"), ("新疆", "克拉玛依"),
            ("陕西", "汉中"), ("甘肃", "酒泉"), ("宁夏", "石嘴山")],
        ["DB"] = [("辽宁", "沈阳"), ("辽宁", "大连"), ("吉林", "长春"), ("黑龙江", "哈尔滨"), ("辽宁", "鞍山"), ("吉林", "吉林"), ("黑龙江", "大庆"), ("辽宁", "锦州"), ("黑龙江", "齐齐哈尔"), ("辽宁", "营口"),
            ("黑龙江", "牡丹江"), ("吉林", "四平"), ("辽宁", "抚顺")],
    };

    private static readonly string[] Brands = ["恒达", "鑫源", "华泰", "宏远", "瑞丰", "金桥", "永盛", "联创", "博远", "嘉禾", "天成", "众诚", "信达", "隆兴", "万通", "正和"];
    private static readonly string[] Trades = ["工业设备", "机电", "物资", "商贸", "能源", "建材"];
    private static readonly string[] StoreBrands = ["鑫达", "宏发", "顺通", "永兴", "金利", "德隆", "兴旺", "恒昌", "益民", "万家", "合力", "利源", "诚信", "百汇"];
    private static readonly string[] StoreTypes = ["五金机电", "建材商行", "润滑油专营店", "机电设备门市", "工业品超市", "汽配油品店"];
    private static readonly string[] Roads = ["人民路", "解放路", "中山路", "建设路", "和平路", "新华路", "胜利路", "长江路", "黄河路", "朝阳路", "光明路", "文化路", "工业大道", "迎宾大道", "滨江路"];
    private static readonly int[] StoreClassWeights = [10, 25, 40, 25];

    private readonly Random _random = new(seed);

    public List<Dealer> Dealers { get; } = [];

    public List<Buyer> Buyers { get; } = [];

    /// <summary>
    /// Sizes each trading dealer's credit limit to its sell-in once <see cref="DemoOrders"/> has made it: what it owes and has
    /// on order now plus about two months of its average purchases, rounded up to ¥500,000 and never below the tier's
    /// standard limit. A limit fixed by tier alone put every gold dealer far over it, so each portal order went on credit
    /// hold. The suspended dealer keeps its standard limit: it is over it, which is part of why it was suspended.
    /// </summary>
    public void SizeCreditLimits(SalesFlowDbContext db, DateOnly today)
    {
        var from = today.AddMonths(-12);
        foreach (var buyer in Buyers.Where(b => b.Until >= today))
        {
            var orders = db.Orders.Local.Where(o => o.CustomerId == buyer.Account.Id).ToList();
            var monthly = orders.Where(o => o.OrderDate >= from && Orders.Order.ExposureStatuses.Contains(o.Status)).Sum(o => o.Total) / 12m;
            var onOrder = orders.Where(o => Orders.Order.ExposureStatuses.Contains(o.Status)).Sum(o => o.Total - o.InvoicedAmount);
            var owed = db.Invoices.Local.Where(i => i.CustomerId == buyer.Account.Id).Sum(i => i.Total - i.PaidAmount);
            var needed = onOrder + owed + 2 * monthly;
            var limit = Math.Max(buyer.Account.CreditLimit, Math.Ceiling(needed / 500_000m) * 500_000m);
            buyer.Account.SetCredit(limit, buyer.Account.PaymentTermsDays);
        }
    }

    /// <summary>Adds the dealers, their accounts, territories and stores; customer numbers continue after <paramref name="customerNumber"/>.</summary>
    public int AddTo(SalesFlowDbContext db, DemoNames people, int customerNumber, DateTime nowUtc, DateOnly today)
    {
        var units = db.OrgUnits.Local.ToList();
        var reps = db.Employees.Local.Where(e => e.Position == Position.SalesRep).OrderBy(e => e.EmployeeNo, StringComparer.Ordinal).ToList();
        var dealerNumber = 0;
        var storeNumber = 0;
        var contractStart = new DateOnly(today.Year, 1, 1);
        var regions = units.Where(u => u.Kind == OrgUnitKind.Region).OrderBy(u => u.Path, StringComparer.Ordinal).ToList();
        for (var r = 0; r < regions.Count; r++)
        {
            var region = regions[r];
            var teams = units.Where(u => u.ParentId == region.Id).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();
            var cities = Cities[region.Code];
            for (var k = 0; k < DealersPerRegion; k++)
            {
                var team = teams[k % teams.Count];
                var teamReps = reps.Where(r => r.OrgUnitId == team.Id).ToList();
                var manager = teamReps[(k / teams.Count) % teamReps.Count];
                var (province, city) = cities[k];
                var tier = k < 2 ? DealerTier.Gold : k < 6 ? DealerTier.Silver : DealerTier.Bronze;
                var name = $"{city}{Brands[(dealerNumber * 7) % Brands.Length]}{Trades[_random.Next(Trades.Length)]}有限公司";

                var account = new Customer($"{Customer.NumberSeries}-{++customerNumber:D6}", name, CustomerType.Dealer, region.Id, manager.Id, team.Id);
                account.UpdateDetails(name, CustomerType.Dealer, "经销商", region.Id, $"{city}市{Roads[_random.Next(Roads.Length)]}{_random.Next(1, 500)}号", null, ["经销商"]);
                account.Classify(tier == DealerTier.Bronze ? CustomerClass.B : CustomerClass.A, ValueTier.High);
                account.SetCredit(tier switch { DealerTier.Gold => 3_000_000m, DealerTier.Silver => 1_500_000m, _ => 800_000m }, 30);
                db.Customers.Add(account);

                var dealer = new Dealer($"{Dealer.NumberSeries}-{++dealerNumber:D6}", name, tier, region.Id, team.Id, manager.Id, account.Id, province, city);
                dealer.UpdateDetails(name, account.Address, people.Next(), people.Mobile(), LicenceNumber(), (tier switch { DealerTier.Gold => 2000, DealerTier.Silver => 1000, _ => 500 }) * 10_000m);
                var deposit = tier switch { DealerTier.Gold => 200_000m, DealerTier.Silver => 100_000m, _ => 50_000m };
                var status = StatusOf(region.Code, k);
                var activated = k == 7 ? today.AddDays(-240) : today.AddDays(-(760 + _random.Next(1500)));
                var signed = today.AddDays(-40);
                switch (status)
                {
                    case DealerStatus.Active or DealerStatus.Suspended:
                        dealer.SetHistory(status, contractStart, contractStart.AddYears(1).AddDays(-1), deposit, activated.AddDays(-20), activated.AddDays(-7), activated,
                            status == DealerStatus.Suspended ? "连续两个季度回款逾期，暂停供货，待整改后恢复" : null);
                        break;
                    case DealerStatus.Approved:
                        break;
                    default:
                        dealer.SetHistory(
                            status, signed, signed.AddYears(1).AddDays(-1), deposit, status >= DealerStatus.DepositReceived ? signed.AddDays(10) : null,
                            status >= DealerStatus.Trained ? signed.AddDays(25) : null, null);
                        break;
                }

                if (status != DealerStatus.Approved)
                {
                    dealer.SetTerms("工业设备,配件耗材,成品油,建材散货", tier switch { DealerTier.Gold => 3_000_000m, DealerTier.Silver => 1_500_000m, _ => 800_000m });
                }

                db.Dealers.Add(dealer);
                Dealers.Add(dealer);
                var created = status is DealerStatus.Active or DealerStatus.Suspended ? activated.AddDays(-30) : signed.AddDays(-20);
                DemoHistory.Created(db, account, At(created, nowUtc));
                DemoHistory.Created(db, dealer, At(created, nowUtc));

                var claimFrom = status is DealerStatus.Active or DealerStatus.Suspended ? activated : signed;
                foreach (var (claimProvince, claimCity) in k + DealersPerRegion < cities.Length ? [cities[k], cities[k + DealersPerRegion]] : new[] { cities[k] })
                {
                    var territory = new DealerTerritory(dealer.Id, claimProvince, claimCity, exclusive: true, claimFrom, null);
                    db.DealerTerritories.Add(territory);
                    DemoHistory.Created(db, territory, At(claimFrom, nowUtc));
                }

                if (status is DealerStatus.Active or DealerStatus.Suspended)
                {
                    var until = status == DealerStatus.Suspended ? today.AddDays(-45) : today;
                    Buyers.Add(new Buyer(account, dealer.Id, tier, activated, until));
                    for (var s = 0; s < StoresPerDealer; s++)
                    {
                        AddStore(db, ref storeNumber, dealer.Id, region, team, manager.Id, province, city, At(activated.AddDays(30 + _random.Next(300)), nowUtc));
                    }
                }
            }

            // Stores the company serves itself: a few per region, visited by the teams' reps.
            for (var s = 0; s < (DirectStores / regions.Count) + (r < DirectStores % regions.Count ? 1 : 0); s++)
            {
                var team = teams[s % teams.Count];
                var rep = reps.Where(r => r.OrgUnitId == team.Id).ElementAt(s % 3);
                var (province, city) = cities[s % 2];
                AddStore(db, ref storeNumber, null, region, team, rep.Id, province, city, At(today.AddDays(-_random.Next(60, 700)), nowUtc));
            }
        }

        db.Counters.Add(new Counter(Dealer.NumberSeries, SequenceNumbers.NoYear, dealerNumber));
        db.Counters.Add(new Counter(Store.NumberSeries, SequenceNumbers.NoYear, storeNumber));
        return customerNumber;
    }

    /// <summary>Region by region, the tenth dealers show the states before and after trading.</summary>
    private static DealerStatus StatusOf(string region, int k) => (region, k) switch
    {
        ("HD", 9) => DealerStatus.Contracted,
        ("HB", 9) => DealerStatus.DepositReceived,
        ("HN", 9) => DealerStatus.Trained,
        ("XN", 9) => DealerStatus.Approved,
        ("XB", 9) => DealerStatus.Suspended,
        _ => DealerStatus.Active,
    };

    private void AddStore(SalesFlowDbContext db, ref int number, Guid? dealerId, OrgUnit region, OrgUnit team, Guid ownerId, string province, string city, DateTime createdUtc)
    {
        var road = Roads[_random.Next(Roads.Length)];
        var name = $"{city}{StoreBrands[_random.Next(StoreBrands.Length)]}{StoreTypes[_random.Next(StoreTypes.Length)]}（{road}店）";
        var store = new Store($"{Store.NumberSeries}-{++number:D6}", name, dealerId, (StoreClass)Weighted(StoreClassWeights), region.Id, team.Id, ownerId, province, city);
        store.UpdateDetails(name, store.Class, $"{city}市{road}{_random.Next(1, 800)}号", null, "13" + _random.Next(0, 10) + _random.Next(10_000_000, 99_999_999));
        db.Stores.Add(store);
        DemoHistory.Created(db, store, createdUtc);
    }

    private string LicenceNumber()
    {
        const string chars = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        return "91" + new string([.. Enumerable.Range(0, 16).Select(_ => chars[_random.Next(chars.Length)])]);
    }

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

    private static DateTime At(DateOnly day, DateTime nowUtc)
    {
        var at = day.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddHours(-8);
        return at < nowUtc ? at : nowUtc.AddMinutes(-5);
    }
}
