using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesFlow.Core.Notifications;
using SalesFlow.Web.Resources;

namespace SalesFlow.Web.Features.Notifications;

/// <summary>The e-mail copy of a notification in the recipient's language, from the same <c>Notification.{kind}</c> templates the bell uses.</summary>
public sealed class LocalizedNotificationFormatter(IStringLocalizerFactory factory) : INotificationFormatter
{
    private readonly IStringLocalizer _l = factory.Create(typeof(SharedResource));

    public string Format(string kind, IReadOnlyList<string> args, string culture)
    {
        var previous = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(string.IsNullOrWhiteSpace(culture) ? "zh-CN" : culture);
            var text = _l["Notification." + kind, [.. args]];
            return text.ResourceNotFound ? $"{kind}: {string.Join(" · ", args)}" : text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
