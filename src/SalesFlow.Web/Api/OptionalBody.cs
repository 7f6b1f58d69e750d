using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using SalesFlow.Core.Common;

namespace SalesFlow.Web.Api;

/// <summary>
/// The body of a verb endpoint that may come without one (<c>POST /orders/{id}/submit</c> is fine empty): read only
/// when one was sent; a body that is not the JSON asked for is a 400 naming <c>body</c>, never ignored.
/// </summary>
internal static class OptionalBody
{
    /// <summary>
    /// Names the body for the OpenAPI document, which cannot see a body read by hand. (Not <c>Accepts</c>: its content
    /// type would take part in routing, and a verb sent without a body would no longer find its endpoint.)
    /// </summary>
    public static RouteHandlerBuilder WithOptionalBody<T>(this RouteHandlerBuilder endpoint)
        where T : notnull => endpoint.WithMetadata(new OptionalBodyMetadata(typeof(T)));

    /// <summary>OpenAPI operation transformer: an endpoint marked by <see cref="WithOptionalBody{T}"/> gets its optional JSON body.</summary>
    public static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken ct)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<OptionalBodyMetadata>().FirstOrDefault() is not { } body)
        {
            return;
        }

        var schema = await context.GetOrCreateSchemaAsync(body.Type, null, ct);
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = false,
            Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = schema } },
        };
    }

    private sealed record OptionalBodyMetadata(Type Type);

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
