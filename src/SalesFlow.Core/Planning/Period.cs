using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace SalesFlow.Core.Planning;

public enum PeriodKind
{
    Year,
    Quarter,
    Month,
}

/// <summary>
/// A planning period as API.md writes it: <c>2027</c>, <c>2027-Q3</c>, <c>2027-07</c>. Dates are company dates
/// (<see cref="Common.CompanyClock"/>), so a period's first and last day are the same for every reader.
/// </summary>
public readonly record struct Period
{
    private Period(PeriodKind kind, int year, int number)
    {
        Kind = kind;
        Year = year;
        Number = number;
    }

    public PeriodKind Kind { get; }

    public int Year { get; }

    /// <summary>The quarter (1–4) or month (1–12); 0 for a year.</summary>
    public int Number { get; }

    public DateOnly Start => Kind switch
    {
        PeriodKind.Year => new DateOnly(Year, 1, 1),
        PeriodKind.Quarter => new DateOnly(Year, ((Number - 1) * 3) + 1, 1),
        _ => new DateOnly(Year, Number, 1),
    };

    public DateOnly End => Kind switch
    {
        PeriodKind.Year => new DateOnly(Year, 12, 31),
        PeriodKind.Quarter => new DateOnly(Year, Number * 3, 1).AddMonths(1).AddDays(-1),
        _ => new DateOnly(Year, Number, 1).AddMonths(1).AddDays(-1),
    };

    public int Days => End.DayNumber - Start.DayNumber + 1;

    public static Period OfYear(int year) => new(PeriodKind.Year, CheckYear(year), 0);

    public static Period OfQuarter(int year, int quarter) =>
        quarter is >= 1 and <= 4 ? new(PeriodKind.Quarter, CheckYear(year), quarter) : throw new ArgumentOutOfRangeException(nameof(quarter));

    public static Period OfMonth(int year, int month) =>
        month is >= 1 and <= 12 ? new(PeriodKind.Month, CheckYear(year), month) : throw new ArgumentOutOfRangeException(nameof(month));

    public static Period MonthOf(DateOnly date) => OfMonth(date.Year, date.Month);

    /// <summary>The periods one level down: a year's quarters or months (<paramref name="into"/>), a quarter's months.</summary>
    public IReadOnlyList<Period> Children(PeriodKind into)
    {
        var year = Year;
        return (Kind, into) switch
        {
            (PeriodKind.Year, PeriodKind.Quarter) => [.. Enumerable.Range(1, 4).Select(q => OfQuarter(year, q))],
            (PeriodKind.Year, PeriodKind.Month) => [.. Enumerable.Range(1, 12).Select(m => OfMonth(year, m))],
            (PeriodKind.Quarter, PeriodKind.Month) => [.. Enumerable.Range(((Number - 1) * 3) + 1, 3).Select(m => OfMonth(year, m))],
            _ => throw new ArgumentException($"A {Kind} does not divide into {into}s.", nameof(into)),
        };
    }

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public bool Contains(Period other) => other.Start >= Start && other.End <= End;

    public Period NextMonth() => Kind == PeriodKind.Month ? MonthOf(Start.AddMonths(1)) : throw new InvalidOperationException("Only a month has a next month.");

    public Period SameLastYear() => Kind switch
    {
        PeriodKind.Year => OfYear(Year - 1),
        PeriodKind.Quarter => OfQuarter(Year - 1, Number),
        _ => OfMonth(Year - 1, Number),
    };

    public override string ToString() => Kind switch
    {
        PeriodKind.Year => Year.ToString("D4", CultureInfo.InvariantCulture),
        PeriodKind.Quarter => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-Q{Number}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Number:D2}"),
    };

    public static bool TryParse([NotNullWhen(true)] string? text, out Period period)
    {
        period = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Length < 4 || !int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 2000 or > 2100)
        {
            return false;
        }

        if (text.Length == 4)
        {
            period = OfYear(year);
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && text[5] is 'Q' or 'q' && text[6] is >= '1' and <= '4')
        {
            period = OfQuarter(year, text[6] - '0');
            return true;
        }

        if (text.Length == 7 && text[4] == '-' && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month) && month is >= 1 and <= 12)
        {
            period = OfMonth(year, month);
            return true;
        }

        return false;
    }

    public static Period Parse(string text) =>
        TryParse(text, out var period) ? period : throw new FormatException($"'{text}' is not a period (2027, 2027-Q3 or 2027-07).");

    private static int CheckYear(int year) => year is >= 2000 and <= 2100 ? year : throw new ArgumentOutOfRangeException(nameof(year));
}
