using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using SalesFlow.Core.Common;

namespace SalesFlow.Web.Api;

/// <summary>
/// Two doors, one set of rules: a cookie for the UI and bearer tokens for the API, chosen per request;
/// one policy per permission, answered from <see cref="RolePermissions"/>. Under <c>/api</c> nothing
/// ever redirects to the login page: 401 and 403 are ProblemDetails.
/// </summary>
internal static class AuthenticationSetup
{
    public const string SmartScheme = "SalesFlow";

    public static IServiceCollection AddSalesFlowAuthentication(this IServiceCollection services)
    {
        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer token", options =>
                options.ForwardDefaultSelector = context => ApiTokenAuthenticationHandler.BearerToken(context.Request) is not null
                    ? ApiTokenAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "SalesFlow.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.AccessDeniedPath = "/account/denied";
                options.ExpireTimeSpan = TimeSpan.FromHours(12);
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => IsApi(context.Request)
                    ? WriteProblemAsync(context.HttpContext, StatusCodes.Status401Unauthorized)
                    : Redirect(context);
                options.Events.OnRedirectToAccessDenied = context => IsApi(context.Request)
                    ? WriteProblemAsync(context.HttpContext, StatusCodes.Status403Forbidden)
                    : Redirect(context);
            })
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(ApiTokenAuthenticationHandler.SchemeName, null);

        services.AddAuthorization(options =>
        {
            foreach (var permission in RolePermissions.AllPermissions)
            {
                options.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
            }
        });
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        return services;
    }

    public static bool IsApi(HttpRequest request) => request.Path.StartsWithSegments("/api");

    private static Task Redirect(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Ends a session whose user was disabled or whose password changed.</summary>
    public static async Task RejectAsync(HttpContext context)
    {
        if (context.User.Identity?.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
        {
            await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }

        if (IsApi(context.Request))
        {
            context.Response.Headers.WWWAuthenticate = "Bearer";
            await WriteProblemAsync(context, StatusCodes.Status401Unauthorized);
            return;
        }

        context.Response.Redirect("/account/login?ReturnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
    }

    public static Task WriteProblemAsync(HttpContext context, int status)
    {
        var error = status == StatusCodes.Status401Unauthorized
            ? new Error(ErrorKind.Unauthorized, "common.unauthorized", "Sign in first.")
            : new Error(ErrorKind.Forbidden, "common.forbidden", "You do not have permission to do this.");
        context.Response.StatusCode = status;
        return error.ToProblem().ExecuteAsync(context);
    }

    private sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

    private sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
        {
            var roles = context.User.Claims.Where(c => c.Type == System.Security.Claims.ClaimTypes.Role).Select(c => c.Value);
            if (RolePermissions.Grants(roles, requirement.Permission))
            {
                context.Succeed(requirement);
            }

            return Task.CompletedTask;
        }
    }

    public static CultureInfo DefaultCulture { get; } = CultureInfo.GetCultureInfo("zh-CN");
}
