using System.Globalization;

namespace SalesFlow.Web.Features.Opportunities;

/// <summary>Amounts in the base currency as the pipeline shows them: ¥ with thousands separators, no cents on the board.</summary>
public static class Money
{
    public static string Format(decimal amount) => "¥" + amount.ToString("#,0.00", CultureInfo.InvariantCulture);

    public static string Whole(decimal amount) => "¥" + amount.ToString("#,0", CultureInfo.InvariantCulture);
}
