using System.Globalization;

namespace SalesFlow.Bench.Data;

/// <summary>
/// Chinese company names, mobiles and e-mails that are unique by construction: index i always gives the same value and
/// no two indexes give the same one. Customers, generated leads and the lead-import file take disjoint index ranges,
/// so nothing collides with the duplicate rules except where a workload plants a duplicate on purpose.
/// </summary>
internal static class BenchNames
{
    public static readonly string[] Cities =
    [
        "上海", "北京", "广州", "深圳", "杭州", "南京", "苏州", "宁波", "天津", "青岛", "济南", "郑州", "武汉", "长沙", "成都", "重庆",
        "西安", "兰州", "沈阳", "大连", "哈尔滨", "长春", "福州", "厦门", "合肥", "南昌", "昆明", "贵阳", "南宁", "海口", "石家庄", "太原",
        "呼和浩特", "乌鲁木齐", "银川", "西宁", "无锡", "常州", "佛山", "东莞",
    ];

    private static readonly string[] Brands =
    [
        "恒达", "华盛", "鑫源", "宏图", "金桥", "瑞丰", "东方", "安泰", "利华", "中联", "永盛", "天成", "新锐", "博远", "远大", "佳和",
        "盛世", "富通", "广源", "海联", "同创", "卓越", "嘉禾", "万通", "德信", "隆基", "兴业", "长城", "明珠", "正泰", "华信", "汇通",
        "锦程", "凯达", "宝丰", "恒通", "联创", "众诚", "鼎盛", "启明", "润华", "信达", "鸿达", "昌隆", "腾飞", "万达", "祥和", "旭日",
        "金鼎", "华瑞", "晨光", "鸿运", "泰和", "新华", "国泰", "宇通", "星辰", "海川", "天翼", "蓝海",
    ];

    private static readonly string[] Marks =
    [
        "精工", "宏业", "创新", "兴旺", "顺达", "腾达", "伟业", "丰泽", "新元", "远景", "尚品", "优创", "智达", "瑞通", "恒信", "华腾",
        "鼎泰", "安达", "德润", "金泰", "盈科", "普惠", "益民", "泰丰", "长青", "立信", "欣荣", "宏达", "中盛", "天润", "华泰", "永安",
        "启航", "致远", "博达", "诚信", "嘉盛", "康泰", "隆盛", "美达", "通达", "万盛", "新宇", "兴达", "鑫盛", "旭升", "亚泰", "裕丰",
        "振兴", "正源", "志成", "中天", "卓能", "宝盛", "昌盛", "大成", "东升", "福瑞", "广泰", "海盛",
    ];

    private static readonly string[] Trades =
        ["机电", "化工", "建材", "电子", "物流", "医药", "汽车配件", "食品", "能源", "贸易", "科技", "钢铁"];

    private static readonly string[] Suffixes = ["有限公司", "股份有限公司", "集团有限公司", "实业有限公司", "贸易有限公司"];

    private static readonly long NameSpace = (long)Cities.Length * Brands.Length * Marks.Length * Trades.Length * Suffixes.Length;

    // Coprime with every size above (none is a multiple of 1,000,003), so the walk over the space visits each name once.
    private const long Stride = 1_000_003;

    public static string Company(long index)
    {
        if (index >= NameSpace)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Only {NameSpace:N0} distinct company names.");
        }

        var n = index * Stride % NameSpace;
        var suffix = Suffixes[n % Suffixes.Length];
        n /= Suffixes.Length;
        var trade = Trades[n % Trades.Length];
        n /= Trades.Length;
        var mark = Marks[n % Marks.Length];
        n /= Marks.Length;
        var brand = Brands[n % Brands.Length];
        n /= Brands.Length;
        return Cities[n % Cities.Length] + brand + mark + trade + suffix;
    }

    public static string CityOf(string company) => Cities.First(c => company.StartsWith(c, StringComparison.Ordinal));

    /// <summary>A mobile number in one of the prefixes 13x (contacts), 15x (leads), 18x (lead-import files), unique per index.</summary>
    public static string Mobile(char series, long index) =>
        "1" + series.ToString() + (index * 7_919 % 1_000_000_000).ToString("D9", CultureInfo.InvariantCulture);

    public static string Email(string kind, long index) => $"{kind}{index.ToString(CultureInfo.InvariantCulture)}@bench.example.cn";
}
