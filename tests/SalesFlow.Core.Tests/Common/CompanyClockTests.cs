using Microsoft.Extensions.Time.Testing;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Tests.Common;

public class CompanyClockTests
{
    [Fact]
    public void Late_evening_utc_is_already_the_next_business_day_in_shanghai()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero));
        var clock = new CompanyClock(time, new CompanyOptions { TimeZone = "Asia/Shanghai" });

        Assert.Equal(new DateOnly(2026, 4, 1), clock.Today);
        Assert.Equal(TimeSpan.FromHours(8), clock.ToCompanyOffset(clock.UtcNow).Offset);
    }

    [Fact]
    public void Another_company_time_zone_gives_another_day()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 16, 30, 0, TimeSpan.Zero));
        var clock = new CompanyClock(time, new CompanyOptions { TimeZone = "Europe/London" });

        Assert.Equal(new DateOnly(2026, 3, 31), clock.Today);
    }
}
