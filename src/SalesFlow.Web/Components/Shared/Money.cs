using System.Globalization;

namespace SalesFlow.Web.Components.Shared;

/// <summary>Amounts in the base currency as every page shows them: ¥ with thousands separators; whole yuan where cents are noise.</summary>
public static class Money
{
    /// <summary>¥1,234.50; a negative amount (a gap that was exceeded, a credit) as -¥1,234.50.</summary>
    public static string Format(decimal amount) => (amount < 0 ? "-¥" : "¥") + Math.Abs(amount).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>An amount that may be missing (no cost, no floor): a dash then.</summary>
    public static string Format(decimal? amount) => amount is { } value ? Format(value) : "—";

    public static string Whole(decimal amount) => (amount < 0 ? "-¥" : "¥") + Math.Abs(amount).ToString("#,0", CultureInfo.InvariantCulture);
}
