using System.Text.Json;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>One operation of the API as its OpenAPI document describes it.</summary>
public sealed record ApiOperation(string Method, string Path, JsonElement Operation, IReadOnlySet<string>? JsonBodyProperties)
{
    public bool HasJsonBody => JsonBodyProperties is not null;

    /// <summary>The document's named schemas, for path parameters given by reference.</summary>
    public JsonElement Schemas { get; init; }

    /// <summary>The operation takes a form upload (multipart/form-data).</summary>
    public bool TakesForm =>
        Operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("multipart/form-data", out _);

    /// <summary>A body the schema accepts: each property filled with a plausible value of its type (see <see cref="SampleBody"/>).</summary>
    public string? SampleJson { get; init; }

    /// <summary>The names of the path's parameters that are record ids (uuid), in order.</summary>
    public IReadOnlyList<string> RecordIdParameters => PathParameters().Where(p => Format(p.Schema) == "uuid").Select(p => p.Name).ToList();

    public bool HasRecordId => RecordIdParameters.Count > 0;

    public override string ToString() => $"{Method} {Path}";

    /// <summary>The path with each path parameter filled: a fresh id for ids, 1 for numbers, the given text otherwise.</summary>
    public string Url(Func<string, string>? text = null)
    {
        var url = Path;
        foreach (var (name, schema) in PathParameters())
        {
            var value = Format(schema) == "uuid" ? Guid.NewGuid().ToString()
                : Type(schema) is "integer" or "number" ? "1"
                : text?.Invoke(name) ?? Sample(name, schema);
            url = url.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return url;
    }

    // A value the parameter's type accepts: an enum's first value, today for a date, this month for a month.
    private string Sample(string name, JsonElement schema)
    {
        if (schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference))
        {
            schema = Schemas.GetProperty(reference.GetString()!.Split('/').Last());
        }

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("enum", out var values) ? values.EnumerateArray().First().ToString()
            : Format(schema) == "date" || name.Equals("date", StringComparison.OrdinalIgnoreCase) ? today
            : name.Equals("month", StringComparison.OrdinalIgnoreCase) ? today[..7]
            : "x";
    }

    private IEnumerable<(string Name, JsonElement Schema)> PathParameters() =>
        Operation.TryGetProperty("parameters", out var parameters)
            ? parameters.EnumerateArray()
                .Where(p => p.GetProperty("in").GetString() == "path")
                .Select(p => (p.GetProperty("name").GetString()!, p.TryGetProperty("schema", out var s) ? s : default))
            : [];

    internal static string? Format(JsonElement schema) =>
        schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("format", out var f) ? f.GetString() : null;

    internal static string? Type(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object || !schema.TryGetProperty("type", out var type))
        {
            return null;
        }

        return type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null")
            : type.GetString();
    }
}

/// <summary>Every route and verb of the API, read from the app's own OpenAPI document, so a new route is swept without being listed.</summary>
public static class ApiSurface
{
    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    public static async Task<IReadOnlyList<ApiOperation>> LoadAsync(SalesFlowApp app)
    {
        using var client = app.Anonymous();
        var document = await client.GetJsonAsync("/openapi/v1.json");
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<ApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in Methods)
            {
                if (path.Value.TryGetProperty(method, out var operation))
                {
                    operations.Add(new ApiOperation(method.ToUpperInvariant(), path.Name, operation, JsonBodyProperties(operation, schemas))
                    {
                        SampleJson = JsonBody(operation) is { } body ? SampleBody.Json(body, schemas) : null,
                        Schemas = schemas,
                    });
                }
            }
        }

        return operations;
    }

    private static JsonElement? JsonBody(JsonElement operation) =>
        operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out var json)
            ? json.GetProperty("schema")
            : null;

    private static HashSet<string>? JsonBodyProperties(JsonElement operation, JsonElement schemas)
    {
        if (JsonBody(operation) is not { } schema)
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        Collect(schema, schemas, names, depth: 0);
        return names;
    }

    // The top-level properties of the body's schema, through $ref and allOf/oneOf/anyOf.
    private static void Collect(JsonElement schema, JsonElement schemas, HashSet<string> names, int depth)
    {
        if (depth > 5 || schema.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            Collect(schemas.GetProperty(reference.GetString()!.Split('/').Last()), schemas, names, depth + 1);
        }

        if (schema.TryGetProperty("properties", out var properties))
        {
            foreach (var property in properties.EnumerateObject())
            {
                names.Add(property.Name);
            }
        }

        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(combinator, out var parts))
            {
                foreach (var part in parts.EnumerateArray())
                {
                    Collect(part, schemas, names, depth + 1);
                }
            }
        }
    }
}
