using SalesFlow.Core.Data;

namespace SalesFlow.Core.Demo;

/// <summary>
/// Gives demo records a past: a creation time before the seeding, which the audit interceptor keeps (and dates
/// the Created entry of the trail with), so lists, ages and reports look like a company that has been working.
/// Its own random source, so the records' contents do not change when dates do.
/// </summary>
internal sealed class DemoHistory(int seed, DateTime nowUtc)
{
    private readonly Random _random = new(seed);

    public DateTime NowUtc => nowUtc;

    /// <summary>A time between <paramref name="maxDaysAgo"/> and <paramref name="minDaysAgo"/> days ago, in working hours (China).</summary>
    public DateTime DaysAgo(int minDaysAgo, int maxDaysAgo)
    {
        var day = nowUtc.Date.AddDays(-_random.Next(minDaysAgo, maxDaysAgo + 1));
        var at = day.AddHours(1 + _random.Next(0, 9)).AddMinutes(_random.Next(60)); // 09:00–17:59 Beijing time
        return at < nowUtc ? at : nowUtc.AddMinutes(-_random.Next(5, 120));
    }

    public DateTime After(DateTime fromUtc, int minHours, int maxHours)
    {
        var at = fromUtc.AddHours(_random.Next(minHours, maxHours + 1)).AddMinutes(_random.Next(60));
        return at < nowUtc ? at : nowUtc;
    }

    public static void Created<T>(SalesFlowDbContext db, T record, DateTime createdUtc)
        where T : class, IAudited =>
        db.Entry(record).Property(nameof(IAudited.CreatedAtUtc)).CurrentValue = createdUtc;
}
