namespace SalesFlow.Web.Api;

internal static class Versions
{
    /// <summary>The version a write was based on: the <c>If-Match</c> header wins over the body's <c>version</c>.</summary>
    public static int? From(HttpRequest request, int? bodyVersion)
    {
        var ifMatch = request.Headers.IfMatch.ToString().Trim().Trim('"');
        if (ifMatch.StartsWith("W/", StringComparison.Ordinal))
        {
            ifMatch = ifMatch[2..].Trim('"');
        }

        return int.TryParse(ifMatch, out var version) ? version : bodyVersion;
    }
}
