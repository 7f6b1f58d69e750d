using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Demo;

/// <summary>
/// About 40 products over four lines (equipment by the 台, consumables by the 个 with 箱 conversions, fuels by the L with
/// a t conversion, bulk building materials by t and m³ with decimals) and the price lists of every kind, all active from
/// two years ago: the national base list, regional lists, dealer-tier lists, an enterprise list with quantity breaks,
/// plus one draft and one list waiting for approval. Deterministic: the same seed gives the same catalog.
/// </summary>
internal sealed class DemoCatalog(int seed)
{
    public const string BaseListCode = "PL-CN-BASE";

    private const string Equipment = "工业设备";
    private const string Consumables = "配件耗材";
    private const string Fuels = "成品油";
    private const string Bulk = "建材散货";

    // SKU, 中文名, English name, line, category, base unit, decimals, tax, base price (per base unit), kg per unit, m³ per unit, conversions.
    private static readonly (string Sku, string Zh, string En, string Line, string Category, string Unit, int Decimals, decimal Tax, decimal Price, decimal? Kg, decimal? M3, (string Unit, decimal Factor)[] Conversions)[] Items =
    [
        ("EQ-CNC-0850", "立式加工中心 VMC850", "Vertical machining center VMC850", Equipment, "数控机床", "台", 0, 0.13m, 268_000m, 5_200m, 9.8m, []),
        ("EQ-CNC-1160", "立式加工中心 VMC1160", "Vertical machining center VMC1160", Equipment, "数控机床", "台", 0, 0.13m, 365_000m, 7_600m, 13.5m, []),
        ("EQ-LTH-0460", "数控车床 CK6146", "CNC lathe CK6146", Equipment, "数控机床", "台", 0, 0.13m, 128_000m, 2_800m, 6.2m, []),
        ("EQ-AC-0037", "螺杆空压机 37kW", "Screw air compressor 37 kW", Equipment, "空压设备", "台", 0, 0.13m, 82_000m, 880m, 2.1m, []),
        ("EQ-AC-0075", "螺杆空压机 75kW", "Screw air compressor 75 kW", Equipment, "空压设备", "台", 0, 0.13m, 146_000m, 1_650m, 3.4m, []),
        ("EQ-AD-0010", "冷冻式干燥机 10m³/min", "Refrigerated air dryer 10 m³/min", Equipment, "空压设备", "台", 0, 0.13m, 18_600m, 210m, 0.9m, []),
        ("EQ-VFD-0200", "变频控制柜 200kW", "VFD control cabinet 200 kW", Equipment, "电气控制", "台", 0, 0.13m, 46_000m, 420m, 1.6m, []),
        ("EQ-SRV-0750", "伺服电机 750W", "Servo motor 750 W", Equipment, "电气控制", "台", 0, 0.13m, 4_800m, 3.2m, 0.01m, []),
        ("EQ-PLC-1200", "可编程控制器 S7-1200 兼容型", "PLC, S7-1200 compatible", Equipment, "电气控制", "台", 0, 0.13m, 6_900m, 0.6m, 0.003m, []),
        ("EQ-PMP-0150", "离心泵 150m³/h", "Centrifugal pump 150 m³/h", Equipment, "泵阀", "台", 0, 0.13m, 23_500m, 310m, 0.8m, []),
        ("EQ-FLT-0030", "叉车 3吨 柴油", "Diesel forklift 3 t", Equipment, "物流设备", "台", 0, 0.13m, 98_000m, 4_300m, 8.5m, []),
        ("SV-INS-0001", "安装调试服务", "Installation and commissioning", Equipment, "技术服务", "次", 0, 0.06m, 8_000m, null, null, []),
        ("CS-BRG-6205", "深沟球轴承 6205", "Deep groove ball bearing 6205", Consumables, "轴承", "个", 0, 0.13m, 18.5m, 0.13m, 0.0001m, [("箱", 24m)]),
        ("CS-BRG-6308", "深沟球轴承 6308", "Deep groove ball bearing 6308", Consumables, "轴承", "个", 0, 0.13m, 46m, 0.63m, 0.0004m, [("箱", 12m)]),
        ("CS-FLT-AIR1", "空压机空气滤芯", "Compressor air filter element", Consumables, "滤芯", "个", 0, 0.13m, 260m, 1.8m, 0.012m, [("箱", 12m)]),
        ("CS-FLT-OIL1", "空压机油滤", "Compressor oil filter", Consumables, "滤芯", "个", 0, 0.13m, 185m, 1.1m, 0.004m, [("箱", 24m)]),
        ("CS-SEP-0037", "油气分离器 37kW", "Oil separator 37 kW", Consumables, "滤芯", "个", 0, 0.13m, 980m, 6.5m, 0.03m, [("箱", 12m)]),
        ("CS-BLT-B1500", "三角带 B-1500", "V-belt B-1500", Consumables, "传动件", "个", 0, 0.13m, 32m, 0.35m, 0.001m, [("箱", 24m)]),
        ("CS-TL-EM10", "硬质合金立铣刀 Φ10", "Carbide end mill Φ10", Consumables, "刀具", "个", 0, 0.13m, 128m, 0.05m, 0.0001m, [("箱", 12m)]),
        ("CS-TL-INS1", "数控刀片 CNMG120408", "CNC insert CNMG120408", Consumables, "刀具", "个", 0, 0.13m, 24m, 0.01m, 0.00001m, [("盒", 10m), ("箱", 120m)]),
        ("CS-GLV-0001", "劳保手套 丁腈涂层", "Nitrile-coated work gloves", Consumables, "劳保用品", "双", 0, 0.13m, 4.8m, 0.05m, 0.0002m, [("包", 12m), ("箱", 240m)]),
        ("CS-FLG-DN100", "法兰垫片 DN100", "Flange gasket DN100", Consumables, "密封件", "个", 0, 0.13m, 12m, 0.08m, 0.0001m, [("箱", 24m)]),
        ("FU-DSL-0000", "0号柴油（国VI）", "Diesel No. 0 (China VI)", Fuels, "柴油", "L", 0, 0.13m, 7.62m, 0.84m, 0.001m, [("t", 1_190m)]),
        ("FU-DSL-M10", "-10号柴油（国VI）", "Diesel −10 (China VI)", Fuels, "柴油", "L", 0, 0.13m, 7.95m, 0.83m, 0.001m, [("t", 1_205m)]),
        ("FU-GSL-0092", "92号汽油", "Gasoline 92", Fuels, "汽油", "L", 0, 0.13m, 7.85m, 0.74m, 0.001m, [("t", 1_351m)]),
        ("FU-LUB-HM46", "抗磨液压油 HM46", "Anti-wear hydraulic oil HM46", Fuels, "润滑油", "L", 0, 0.13m, 16.8m, 0.87m, 0.001m, [("桶", 200m), ("t", 1_149m)]),
        ("FU-LUB-CK220", "工业齿轮油 CKD220", "Industrial gear oil CKD220", Fuels, "润滑油", "L", 0, 0.13m, 19.5m, 0.89m, 0.001m, [("桶", 200m)]),
        ("FU-LUB-AIR46", "空压机专用油 46", "Compressor oil 46", Fuels, "润滑油", "L", 0, 0.13m, 38m, 0.86m, 0.001m, [("桶", 18m), ("t", 1_163m)]),
        ("BM-CEM-P425", "普通硅酸盐水泥 P.O 42.5 散装", "Portland cement P.O 42.5, bulk", Bulk, "水泥", "t", 3, 0.13m, 420m, 1_000m, 0.77m, [("kg", 0.001m)]),
        ("BM-CEM-P525", "普通硅酸盐水泥 P.O 52.5 散装", "Portland cement P.O 52.5, bulk", Bulk, "水泥", "t", 3, 0.13m, 495m, 1_000m, 0.77m, [("kg", 0.001m)]),
        ("BM-SND-MED", "中砂（河砂）", "Medium river sand", Bulk, "砂石", "t", 2, 0.03m, 128m, 1_000m, 0.67m, [("m³", 1.5m)]),
        ("BM-AGG-0525", "碎石 5-25mm", "Crushed stone 5–25 mm", Bulk, "砂石", "t", 2, 0.03m, 96m, 1_000m, 0.69m, [("m³", 1.45m)]),
        ("BM-CON-C30", "商品混凝土 C30", "Ready-mix concrete C30", Bulk, "混凝土", "m³", 1, 0.03m, 455m, 2_400m, 1m, []),
        ("BM-CON-C40", "商品混凝土 C40", "Ready-mix concrete C40", Bulk, "混凝土", "m³", 1, 0.03m, 510m, 2_450m, 1m, []),
        ("BM-RBR-HRB400", "螺纹钢 HRB400 Φ16", "Rebar HRB400 Φ16", Bulk, "钢材", "t", 3, 0.13m, 3_980m, 1_000m, 0.13m, [("kg", 0.001m)]),
        ("BM-STL-CR12", "冷轧钢板 1.2mm", "Cold-rolled steel sheet 1.2 mm", Bulk, "钢材", "t", 3, 0.13m, 5_150m, 1_000m, 0.13m, [("kg", 0.001m)]),
        ("BM-FLY-II", "粉煤灰 Ⅱ级", "Fly ash, grade II", Bulk, "掺合料", "t", 2, 0.09m, 165m, 1_000m, 1.1m, []),
        ("BM-SLG-S95", "矿粉 S95", "Slag powder S95", Bulk, "掺合料", "t", 2, 0.09m, 310m, 1_000m, 0.9m, []),
        ("BM-ASP-AC13", "沥青混合料 AC-13", "Asphalt mix AC-13", Bulk, "沥青", "t", 2, 0.09m, 560m, 1_000m, 0.42m, []),
        ("BM-BRK-STD", "蒸压灰砂砖（旧款）", "Autoclaved sand-lime brick (old)", Bulk, "墙材", "m³", 1, 0.09m, 270m, 1_800m, 1m, []),
    ];

    public const string PendingListCode = "PL-CN-2027";

    private readonly Random _random = new(seed);

    public IReadOnlyList<Product> Products { get; private set; } = [];

    /// <summary>Adds the products and price lists; <paramref name="regions"/> are the region units by code (HD, HB, HN ...), already added.</summary>
    public void AddTo(SalesFlowDbContext db, IReadOnlyDictionary<string, OrgUnit> regions, DateOnly today)
    {
        var products = new List<Product>();
        foreach (var item in Items)
        {
            var product = new Product(item.Sku, item.Zh, item.En, item.Line, item.Category, item.Unit, item.Decimals, item.Tax);
            product.SetCost(decimal.Round(item.Price * (0.62m + ((decimal)_random.NextDouble() * 0.16m)), 2));
            product.SetShipping(item.Kg, item.M3);
            product.SetConversions(item.Conversions.Select(c => (c.Unit, c.Factor)));
            if (item.Sku == "BM-BRK-STD")
            {
                product.Deactivate();
            }

            products.Add(product);
            db.Products.Add(product);
        }

        Products = products;
        var active = products.Where(p => p.IsActive).ToList();
        var price = Items.ToDictionary(i => i.Sku, i => i.Price);
        var from = today.AddYears(-2);

        PriceList List(string code, string name, PriceListStatus status, DateOnly validFrom)
        {
            var list = new PriceList(code, name, "CNY", validFrom, null);
            list.SetStatus(status);
            db.PriceLists.Add(list);
            return list;
        }

        // Floors: most items may go 8–12 % below list without approval; services have none.
        void Put(PriceList list, Product product, decimal unitPrice, decimal minQuantity = 0)
        {
            var floor = product.Category == "技术服务" ? (decimal?)null : decimal.Round(unitPrice * (0.88m + ((decimal)_random.Next(0, 5) / 100m)), 2);
            list.SetPrice(product.Id, minQuantity, Round(unitPrice), floor is { } f ? Round(f) : null);
        }

        var national = List(BaseListCode, "全国标准价", PriceListStatus.Active, from);
        foreach (var product in active)
        {
            Put(national, product, price[product.Sku]);
        }

        // Regional lists: a few lines priced differently where freight or competition differ.
        foreach (var (code, factor, lines) in new[] { ("HD", 0.97m, new[] { Bulk, Fuels }), ("HB", 1.02m, new[] { Bulk }), ("XN", 1.05m, new[] { Bulk, Equipment }) })
        {
            var region = regions[code];
            var list = List($"PL-{code}-STD", $"{region.Name}区域价", PriceListStatus.Active, from);
            list.AppliesTo(region.Id, null, null, null);
            foreach (var product in active.Where(p => lines.Contains(p.ProductLine)))
            {
                Put(list, product, price[product.Sku] * factor);
            }
        }

        // Dealer lists (channel Dealer) by tier.
        foreach (var (tier, name, factor) in new[] { (DealerTier.Gold, "金牌", 0.82m), (DealerTier.Silver, "银牌", 0.86m), (DealerTier.Bronze, "铜牌", 0.90m) })
        {
            var list = List($"PL-DLR-{tier.ToString().ToUpperInvariant()}", $"经销商{name}价", PriceListStatus.Active, from);
            list.AppliesTo(null, SalesChannel.Dealer, null, tier);
            foreach (var product in active.Where(p => p.Category != "技术服务"))
            {
                Put(list, product, price[product.Sku] * factor);
            }
        }

        // Enterprise customers: quantity breaks on consumables, fuels and bulk goods.
        var enterprise = List("PL-ENT-KA", "大客户价（企业客户）", PriceListStatus.Active, from);
        enterprise.AppliesTo(null, null, CustomerType.Enterprise, null);
        foreach (var product in active.Where(p => p.ProductLine != Equipment))
        {
            var basePrice = price[product.Sku];
            var (mid, high) = product.ProductLine switch
            {
                Consumables => (100m, 1_000m),
                Fuels => (5_000m, 20_000m),
                _ => (50m, 500m),
            };
            Put(enterprise, product, basePrice * 0.96m);
            Put(enterprise, product, basePrice * 0.93m, mid);
            Put(enterprise, product, basePrice * 0.90m, high);
        }

        // The next price change: one list for the director to approve (drafted here, submitted through the approvals engine by
        // SubmitForApprovalAsync once the org tree is saved), one still being drafted.
        var pending = List(PendingListCode, "全国标准价（2027 调价）", PriceListStatus.Draft, new DateOnly(today.Year + 1, 1, 1));
        foreach (var product in active)
        {
            Put(pending, product, price[product.Sku] * 1.03m);
        }

        var draft = List("PL-HN-PROMO", "华南大区 促销价（草稿）", PriceListStatus.Draft, today.AddDays(14));
        draft.AppliesTo(regions["HN"].Id, null, null, null);
        foreach (var product in active.Where(p => p.ProductLine == Consumables).Take(5))
        {
            Put(draft, product, price[product.Sku] * 0.92m);
        }
    }

    /// <summary>
    /// Sales operations (<c>ops</c>) submits the 2027 list: a real approval request in the director's inbox, with the
    /// summary the engine stores. Runs on the saved database (the chain is read from the org tree).
    /// </summary>
    public static async Task SubmitForApprovalAsync(SalesFlowDbContext db, CancellationToken ct)
    {
        var list = await db.PriceLists.SingleOrDefaultAsync(p => p.Code == PendingListCode && p.Status == PriceListStatus.Draft, ct);
        if (list is null)
        {
            return;
        }

        var ops = await DemoQuotes.ActorAsync(db, "ops", Roles.SalesOps, ct);
        var submitted = await PriceListApproval.SubmitAsync(db, ops, list, ct);
        if (!submitted.IsSuccess)
        {
            throw new InvalidOperationException("Demo price list could not be submitted: " + submitted.Error!.Message);
        }

        await db.SaveChangesAsync(ct);
    }

    private static decimal Round(decimal value) => decimal.Round(value, 2, MidpointRounding.AwayFromZero);
}
