namespace SalesFlow.Core.Common;

/// <summary>Company settings that shape dates and numbers (configuration section <c>Company</c>).</summary>
public sealed class CompanyOptions
{
    public string Name { get; set; } = "SalesFlow";

    public string TimeZone { get; set; } = "Asia/Shanghai";

    public string Currency { get; set; } = "CNY";
}

/// <summary>
/// Business dates are <see cref="DateOnly"/> in the company's time zone; timestamps are UTC.
/// Everything that asks "what day is it" asks this, so a 23:30 UTC event counts for the next day in Shanghai.
/// </summary>
public sealed class CompanyClock(TimeProvider time, CompanyOptions options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);

    public TimeZoneInfo Zone => _zone;

    public DateTime UtcNow => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(ToCompanyTime(UtcNow));

    public DateTime ToCompanyTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), _zone);

    public DateTimeOffset ToCompanyOffset(DateTime utc)
    {
        var local = ToCompanyTime(utc);
        return new DateTimeOffset(local, _zone.GetUtcOffset(utc));
    }

    /// <summary>The UTC instant a company date begins (its 00:00 in the company zone).</summary>
    public DateTime StartOfDayUtc(DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), _zone);

    /// <summary>The company date of a UTC instant.</summary>
    public DateOnly DateOf(DateTime utc) => DateOnly.FromDateTime(ToCompanyTime(utc));
}
