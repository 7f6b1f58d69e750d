using System.Text;
using Microsoft.AspNetCore.Routing.Template;

namespace SalesFlow.Web.Api;

/// <summary>
/// Runs the app's own GET endpoint for a path inside the current request, as the current user (same services, same
/// scope, same culture), and returns what it wrote. An idempotent create uses it to answer with a record whose first
/// answer was lost.
/// </summary>
internal static class InProcessGet
{
    public sealed record Response(int StatusCode, string? ContentType, string Body);

    public static async Task<Response> SendAsync(HttpContext caller, string path)
    {
        var (endpoint, values) = Match(caller.RequestServices.GetRequiredService<EndpointDataSource>(), path);
        if (endpoint?.RequestDelegate is null)
        {
            return new(StatusCodes.Status404NotFound, null, "");
        }

        var context = new DefaultHttpContext
        {
            RequestServices = caller.RequestServices,
            User = caller.User,
            RequestAborted = caller.RequestAborted,
        };
        context.Request.Method = HttpMethods.Get;
        context.Request.Scheme = caller.Request.Scheme;
        context.Request.Host = caller.Request.Host;
        context.Request.Path = path;
        context.Request.Headers.AcceptLanguage = caller.Request.Headers.AcceptLanguage;
        context.Request.RouteValues = values;
        context.SetEndpoint(endpoint);
        using var body = new MemoryStream();
        context.Response.Body = body;
        await endpoint.RequestDelegate(context);
        return new(context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }

    // The GET route the path matches; a literal segment beats a parameter, as in routing.
    private static (RouteEndpoint? Endpoint, RouteValueDictionary Values) Match(EndpointDataSource source, string path)
    {
        var candidates = source.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains(HttpMethods.Get) == true)
            .OrderBy(e => e.RoutePattern.Parameters.Count)
            .ThenBy(e => e.Order);
        foreach (var endpoint in candidates)
        {
            var values = new RouteValueDictionary();
            var matcher = new TemplateMatcher(TemplateParser.Parse(endpoint.RoutePattern.RawText!.TrimStart('/')), new RouteValueDictionary());
            if (matcher.TryMatch(path, values))
            {
                return (endpoint, values);
            }
        }

        return (null, []);
    }
}
