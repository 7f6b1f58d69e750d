using SalesFlow.Core.Planning;

namespace SalesFlow.Core.Tests.Planning;

public class PeriodTests
{
    [Theory]
    [InlineData("2027", PeriodKind.Year, 0, "2027-01-01", "2027-12-31")]
    [InlineData("2027-Q1", PeriodKind.Quarter, 1, "2027-01-01", "2027-03-31")]
    [InlineData("2027-q3", PeriodKind.Quarter, 3, "2027-07-01", "2027-09-30")]
    [InlineData("2027-Q4", PeriodKind.Quarter, 4, "2027-10-01", "2027-12-31")]
    [InlineData("2028-02", PeriodKind.Month, 2, "2028-02-01", "2028-02-29")]
    [InlineData("2027-02", PeriodKind.Month, 2, "2027-02-01", "2027-02-28")]
    [InlineData(" 2027-11 ", PeriodKind.Month, 11, "2027-11-01", "2027-11-30")]
    public void Periods_parse_with_their_first_and_last_company_day(string text, PeriodKind kind, int number, string start, string end)
    {
        Assert.True(Period.TryParse(text, out var period));
        Assert.Equal((kind, number), (period.Kind, period.Number));
        Assert.Equal((DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)), (period.Start, period.End));
        Assert.Equal(text.Trim().ToUpperInvariant(), period.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("27")]
    [InlineData("2027-Q5")]
    [InlineData("2027-13")]
    [InlineData("2027-00")]
    [InlineData("1999")]
    [InlineData("2027/07")]
    [InlineData("2027-7")]
    public void Anything_else_is_not_a_period(string text) => Assert.False(Period.TryParse(text, out _));

    [Fact]
    public void A_year_divides_into_quarters_and_months_and_a_quarter_into_its_months()
    {
        var year = Period.OfYear(2028);
        Assert.Equal(["2028-Q1", "2028-Q2", "2028-Q3", "2028-Q4"], year.Children(PeriodKind.Quarter).Select(p => p.ToString()));
        var months = year.Children(PeriodKind.Month);
        Assert.Equal(12, months.Count);
        Assert.Equal(366, months.Sum(m => m.Days));
        Assert.Equal(["2028-04", "2028-05", "2028-06"], Period.OfQuarter(2028, 2).Children(PeriodKind.Month).Select(p => p.ToString()));
        Assert.Equal(new DateOnly(2028, 6, 30), Period.OfQuarter(2028, 2).Children(PeriodKind.Month)[^1].End);
        Assert.Throws<ArgumentException>(() => Period.OfMonth(2028, 1).Children(PeriodKind.Month));
        Assert.Throws<ArgumentException>(() => Period.OfQuarter(2028, 1).Children(PeriodKind.Quarter));
    }

    [Fact]
    public void Same_period_last_year_and_next_month_cross_year_ends()
    {
        Assert.Equal("2026-Q3", Period.Parse("2027-Q3").SameLastYear().ToString());
        Assert.Equal("2027-02", Period.Parse("2028-02").SameLastYear().ToString());
        Assert.Equal("2028-01", Period.Parse("2027-12").NextMonth().ToString());
        Assert.True(Period.OfYear(2027).Contains(Period.OfQuarter(2027, 4)));
        Assert.False(Period.OfQuarter(2027, 1).Contains(new DateOnly(2027, 4, 1)));
    }
}
