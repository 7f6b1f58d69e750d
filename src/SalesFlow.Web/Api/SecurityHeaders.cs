using System.Security.Cryptography;

namespace SalesFlow.Web.Api;

/// <summary>
/// Headers every response carries so that a stored payload cannot run and a download cannot be read as a page:
/// a Content-Security-Policy that allows scripts only from this site (plus the one inline import map, by a
/// per-request nonce), <c>nosniff</c>, no framing and no referrer to other sites. Styles may be inline because
/// MudBlazor sets its theme and positions through style attributes; that cannot run script.
/// The API reference page (<c>/api/docs</c>) is configured by an inline script of its own, so it alone may run
/// inline script; it shows the OpenAPI document, never stored business data.
/// </summary>
internal static class SecurityHeaders
{
    private const string NonceKey = "salesflow.csp-nonce";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            // Hex, so the page carries the nonce exactly as the header does (Razor HTML-encodes a base64 "+").
            var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            context.Items[NonceKey] = nonce;
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "same-origin";
                headers.ContentSecurityPolicy = Policy(context.Request.Path.StartsWithSegments("/api/docs") ? "'unsafe-inline'" : $"'nonce-{nonce}'");
                return Task.CompletedTask;
            });
            return next(context);
        });

    /// <summary>The nonce of this request, for the inline import map the page renders.</summary>
    public static string? Nonce(HttpContext? context) => context?.Items[NonceKey] as string;

    private static string Policy(string inlineScripts) =>
        "default-src 'self'; " +
        $"script-src 'self' {inlineScripts}; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "frame-ancestors 'none'";
}
