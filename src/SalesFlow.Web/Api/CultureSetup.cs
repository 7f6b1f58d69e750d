using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Localization;
using SalesFlow.Core.Identity;

namespace SalesFlow.Web.Api;

/// <summary>
/// Which language a request gets: an explicit <c>?culture=</c>, then the UI's culture cookie (set at sign-in
/// from the user's setting and by the language switch), then <c>Accept-Language</c>, then the signed-in
/// user's own setting, then zh-CN.
/// </summary>
internal static class CultureSetup
{
    public static readonly CultureInfo[] Supported = AppUser.SupportedCultures.Select(CultureInfo.GetCultureInfo).ToArray();

    public static IApplicationBuilder UseSalesFlowCultures(this IApplicationBuilder app) =>
        app.UseRequestLocalization(options =>
        {
            options.DefaultRequestCulture = new Microsoft.AspNetCore.Localization.RequestCulture("zh-CN");
            options.SupportedCultures = Supported;
            options.SupportedUICultures = Supported;
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new QueryStringRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
                new CustomRequestCultureProvider(context =>
                    Task.FromResult(context.User.FindFirstValue(SalesFlowClaims.Culture) is { } culture
                        ? new ProviderCultureResult(culture)
                        : null)),
            ];
        });

    public static string CookieValue(string culture) =>
        CookieRequestCultureProvider.MakeCookieValue(new Microsoft.AspNetCore.Localization.RequestCulture(culture));
}
