namespace SalesFlow.Core.Demo;

/// <summary>Deterministic, believable Chinese personal names; unique ones (2,000 at most) for employees.</summary>
internal sealed class DemoNames(int seed, bool unique = true)
{
    private static readonly string[] Surnames =
    [
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗",
        "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹", "彭", "曾", "肖", "田", "董", "袁", "潘", "于", "蒋", "蔡",
    ];

    private static readonly string[] GivenNames =
    [
        "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "霞", "平",
        "刚", "桂英", "建华", "文", "华", "红", "玉兰", "鑫", "鹏", "宇", "浩然", "子轩", "思远", "晓东", "海峰", "雪梅", "志强",
        "丹", "婷", "俊杰", "欣怡", "佳琪", "一鸣", "嘉怡", "天宇", "晨曦", "国栋", "春燕", "立新", "振华",
    ];

    private readonly Random _random = new(seed);
    private readonly HashSet<string> _used = [];

    public string Next()
    {
        while (true)
        {
            var name = Surnames[_random.Next(Surnames.Length)] + GivenNames[_random.Next(GivenNames.Length)];
            if (!unique || _used.Add(name))
            {
                return name;
            }
        }
    }

    public DateOnly HireDate(int fromYear, int toYear) =>
        new DateOnly(fromYear, 1, 1).AddDays(_random.Next((toYear - fromYear) * 365));

    public string Mobile() => "13" + _random.Next(0, 10) + _random.Next(10_000_000, 99_999_999);
}
