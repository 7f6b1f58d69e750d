using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Customers;
using SalesFlow.Web.Resources;

namespace SalesFlow.Web.Features.Catalog;

/// <summary>How a price list's segment and validity read on a page: "华东大区 · 经销商 · 金牌", "全部客户".</summary>
internal static class Segment
{
    public static string Describe(IStringLocalizer<SharedResource> l, string? region, SalesChannel? channel, CustomerType? group, DealerTier? tier)
    {
        var parts = new List<string>();
        if (region is not null)
        {
            parts.Add(region);
        }

        if (channel is { } c)
        {
            parts.Add(l["SalesChannel." + c]);
        }

        if (group is { } g)
        {
            parts.Add(l["CustomerType." + g]);
        }

        if (tier is { } t)
        {
            parts.Add(l["DealerTier." + t]);
        }

        return parts.Count == 0 ? l["EveryCustomer"] : string.Join(" · ", parts);
    }

    public static string Validity(IStringLocalizer<SharedResource> l, DateOnly from, DateOnly? to) =>
        from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " – " + (to?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? l["OpenEnded"]);
}
