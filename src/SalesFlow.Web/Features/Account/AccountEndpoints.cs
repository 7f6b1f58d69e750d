using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Localization;
using SalesFlow.Core.Common;
using SalesFlow.Core.Identity;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Account;

/// <summary>The cookie side of the UI: log out and switch language (both plain HTTP, so they can set cookies).</summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.LocalRedirect("/account/login");
        }).ExcludeFromDescription();

        app.MapGet("/account/culture", async (string culture, string? returnUrl, HttpContext http, CurrentActor current, UserAdministration users, CancellationToken ct) =>
        {
            var supported = AppUser.SupportedCultures.FirstOrDefault(c => string.Equals(c, culture, StringComparison.OrdinalIgnoreCase)) ?? AppUser.DefaultCulture;
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CultureSetup.CookieValue(supported),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = false, SameSite = SameSiteMode.Lax });
            if (current.Value is { } actor)
            {
                await users.SetCultureAsync(new SetCulture(supported), actor, ct);
            }

            return Results.LocalRedirect(IsLocal(returnUrl) ? returnUrl! : "/");
        }).ExcludeFromDescription();

        return app;
    }

    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    /// <summary>Signs the user in with a cookie carrying their id, security stamp and language.</summary>
    public static async Task SignInAsync(HttpContext http, Actor actor, string securityStamp, string culture)
    {
        var principal = SalesFlowClaims.Principal(actor, CookieAuthenticationDefaults.AuthenticationScheme, securityStamp, culture);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, principal);
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CultureSetup.CookieValue(culture),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
    }
}
