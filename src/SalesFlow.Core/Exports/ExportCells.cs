using System.Text.RegularExpressions;

namespace SalesFlow.Core.Exports;

/// <summary>
/// Formula safety for files people open in Excel: a cell that starts with a tab or a carriage return, or whose first
/// character after any other blanks (spaces, full-width spaces, line feeds) is <c>=</c>, <c>+</c>, <c>-</c> or
/// <c>@</c>, could run as a formula (CSV injection), so it gets a leading apostrophe and is read as text — except a
/// plain negative number (<c>-1234.56</c>), which is only a number and stays one. Every exported and error-file cell
/// goes through here.
/// </summary>
public static partial class ExportCells
{
    public static string? Neutralize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return value;
        }

        return StartsLikeFormula(value) && !PlainNegativeNumber().IsMatch(value) ? "'" + value : value;
    }

    private static bool StartsLikeFormula(string value)
    {
        foreach (var c in value)
        {
            if (c is '=' or '+' or '-' or '@' or '\t' or '\r')
            {
                return true;
            }

            if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return false;
    }

    [GeneratedRegex(@"^-[0-9]+(\.[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNegativeNumber();
}
