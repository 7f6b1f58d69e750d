using Microsoft.Extensions.Localization;
using SalesFlow.Core.Notifications;
using SalesFlow.Web.Resources;

namespace SalesFlow.Web.Features.Notifications;

/// <summary>A notification in the reader's language: the template <c>Notification.{kind}</c> filled with its arguments.</summary>
public static class NotificationText
{
    public static string For(IStringLocalizer<SharedResource> l, NotificationRow row)
    {
        var text = l["Notification." + row.Kind, [.. row.Args]];
        return text.ResourceNotFound ? $"{row.Kind}: {string.Join(" · ", row.Args)}" : text.Value;
    }
}
