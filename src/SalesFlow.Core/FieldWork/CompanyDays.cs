using SalesFlow.Core.Common;

namespace SalesFlow.Core.FieldWork;

/// <summary>Company-local dates as UTC ranges, so date filters compare indexed UTC columns.</summary>
public static class CompanyDays
{
    public static DateTime StartOfDayUtc(this CompanyClock clock, DateOnly date) =>
        TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue), clock.Zone);

    public static DateOnly DateOf(this CompanyClock clock, DateTime utc) => DateOnly.FromDateTime(clock.ToCompanyTime(utc));
}
