using System.Globalization;

namespace SalesFlow.Web.Features.Contracts;

/// <summary>The contract forms use the browser's date input (yyyy-MM-dd), which works the same on phones.</summary>
internal static class ContractDates
{
    public static DateOnly? Parse(string? value) =>
        DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    public static string Format(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
