using System.Globalization;
using SalesFlow.Core.Planning.Targets;
using SalesFlow.Web.Components.Shared;

namespace SalesFlow.Web.Features.Planning.Targets;

/// <summary>A target amount as the page shows it: money with ¥, quantities with 3 decimals, counts whole.</summary>
internal static class TargetFormat
{
    public static string Amount(TargetMeasure measure, decimal amount) => measure switch
    {
        TargetMeasure.Revenue or TargetMeasure.Collections => Money.Format(amount),
        TargetMeasure.Quantity => amount.ToString("#,0.###", CultureInfo.InvariantCulture),
        TargetMeasure.NewCustomers => amount.ToString("#,0", CultureInfo.InvariantCulture),
        _ => amount.ToString("0.##", CultureInfo.InvariantCulture) + "%",
    };
}
