namespace SalesFlow.Core.Deliveries;

/// <summary>
/// The freight zones and which province lies in which: the table the rate table is keyed by. Data, not logic —
/// a province moves zone by editing this list (the carriers' 分区 of mainland China).
/// </summary>
public static class ShippingZones
{
    public static readonly IReadOnlyList<string> Zones = ["华东", "华南", "华北", "华中", "西南", "西北", "东北"];

    public static readonly IReadOnlyList<(string Province, string Zone)> Provinces =
    [
        ("上海", "华东"), ("江苏", "华东"), ("浙江", "华东"), ("安徽", "华东"), ("福建", "华东"), ("江西", "华东"), ("山东", "华东"),
        ("广东", "华南"), ("广西", "华南"), ("海南", "华南"),
        ("北京", "华北"), ("天津", "华北"), ("河北", "华北"), ("山西", "华北"), ("内蒙古", "华北"),
        ("河南", "华中"), ("湖北", "华中"), ("湖南", "华中"),
        ("重庆", "西南"), ("四川", "西南"), ("贵州", "西南"), ("云南", "西南"), ("西藏", "西南"),
        ("陕西", "西北"), ("甘肃", "西北"), ("青海", "西北"), ("宁夏", "西北"), ("新疆", "西北"),
        ("辽宁", "东北"), ("吉林", "东北"), ("黑龙江", "东北"),
    ];

    public static bool IsZone(string? zone) => zone is not null && Zones.Contains(zone);

    public static string? ZoneOf(string? province) =>
        province is null ? null : Provinces.Where(p => p.Province == province.Trim()).Select(p => p.Zone).FirstOrDefault();

    /// <summary>The zone of a sales region by its name (华东大区 → 华东), the default ship-to zone of its customers.</summary>
    public static string? ZoneOfRegion(string? regionName) =>
        regionName is null ? null : Zones.FirstOrDefault(z => regionName.StartsWith(z, StringComparison.Ordinal));
}
