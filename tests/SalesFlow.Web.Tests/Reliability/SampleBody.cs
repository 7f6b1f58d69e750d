using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// A request body built from an OpenAPI schema, with every property set to a plausible value of its type (a date for
/// dates, an e-mail for e-mails, the first value of an enum), so that a sweep's request passes the body's checks and
/// only authorization can refuse it.
/// </summary>
public static class SampleBody
{
    public static string Json(JsonElement schema, JsonElement schemas) => (Value(schema, schemas, "", 0) ?? new JsonObject()).ToJsonString();

    private static JsonNode? Value(JsonElement schema, JsonElement schemas, string name, int depth)
    {
        if (depth > 6 || schema.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Value(schemas.GetProperty(reference.GetString()!.Split('/').Last()), schemas, name, depth + 1);
        }

        foreach (var combinator in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema.TryGetProperty(combinator, out var parts))
            {
                return parts.EnumerateArray().Select(p => Value(p, schemas, name, depth + 1)).FirstOrDefault(v => v is not null);
            }
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return values.EnumerateArray().Where(v => v.ValueKind != JsonValueKind.Null).Select(v => JsonNode.Parse(v.GetRawText())).FirstOrDefault();
        }

        var lower = name.ToLowerInvariant();
        return (ApiOperation.Type(schema), ApiOperation.Format(schema)) switch
        {
            ("object", _) or (null, _) when schema.TryGetProperty("properties", out var properties) => Object(properties, schemas, depth),
            ("array", _) => schema.TryGetProperty("items", out var items) && Value(items, schemas, name, depth + 1) is { } item ? new JsonArray(item) : new JsonArray(),
            ("boolean", _) => false,
            ("integer", _) => lower.Contains("year", StringComparison.Ordinal) ? DateTime.UtcNow.Year : 1,
            ("number", _) => 1,
            (_, "uuid") => Guid.NewGuid().ToString(),
            (_, "date") => DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            (_, "date-time") => DateTime.UtcNow.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            ("object", _) when schema.TryGetProperty("additionalProperties", out var entries) => new JsonObject { ["x"] = Value(entries, schemas, "x", depth + 1) },
            ("string", _) when lower.Contains("email", StringComparison.Ordinal) => "sweep@example.cn",
            ("string", _) when lower == "username" => "sweep.user",
            ("string", _) when lower.Contains("password", StringComparison.Ordinal) => "Sweep#2026-pass",
            ("string", _) when lower.Contains("phone", StringComparison.Ordinal) || lower.Contains("mobile", StringComparison.Ordinal) => "13800000000",
            ("string", _) when lower.EndsWith("month", StringComparison.Ordinal) => DateTime.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            ("string", _) => "越权测试",
            _ => null,
        };
    }

    private static JsonObject Object(JsonElement properties, JsonElement schemas, int depth)
    {
        var result = new JsonObject();
        foreach (var property in properties.EnumerateObject())
        {
            result[property.Name] = Value(property.Value, schemas, property.Name, depth + 1);
        }

        return result;
    }
}
