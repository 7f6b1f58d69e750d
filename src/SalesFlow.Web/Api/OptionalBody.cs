using SalesFlow.Core.Common;

namespace SalesFlow.Web.Api;

/// <summary>
/// The body of a verb endpoint that may come without one (<c>POST /orders/{id}/submit</c> is fine empty): read only
/// when one was sent; a body that is not the JSON asked for is a 400 naming <c>body</c>, never ignored.
/// </summary>
internal static class OptionalBody
{
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest http, CancellationToken ct)
        where T : class
    {
        if (!(http.ContentLength is > 0 || (http.ContentLength is null && http.HasJsonContentType())))
        {
            return (null, null);
        }

        try
        {
            return (await http.ReadFromJsonAsync<T>(ct), null);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return (null, Error.Invalid("body", "format").ToProblem());
        }
    }
}
