using System.Text.RegularExpressions;

namespace SalesFlow.Core.Exports;

/// <summary>
/// Formula safety for files people open in Excel: a cell whose first non-blank character is <c>=</c>, <c>+</c>,
/// <c>-</c>, <c>@</c>, a tab or a carriage return could run as a formula (CSV injection), so it gets a leading
/// apostrophe and is read as text — except a plain negative number (<c>-1234.56</c>), which is only a number and stays
/// one. Every exported and error-file cell goes through here.
/// </summary>
public static partial class ExportCells
{
    public static string? Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        var first = value.TrimStart(' ');
        if (first.Length == 0 || first[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r'))
        {
            return value;
        }

        return PlainNegativeNumber().IsMatch(value) ? value : "'" + value;
    }

    [GeneratedRegex(@"^-[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNegativeNumber();
}
