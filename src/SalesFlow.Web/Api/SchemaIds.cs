using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;

namespace SalesFlow.Web.Api;

/// <summary>
/// Names the OpenAPI document's schemas. By default a schema is named after its type alone, so two request bodies of
/// the same name in different modules (a plan's and an approval's <c>DecisionBody</c>) became one schema, and the API
/// reference showed one module's fields for the other's endpoint. A type whose name another type of the app shares is
/// named with its module (<c>PlansDecisionBody</c>, <c>ApprovalsDecisionBody</c>), the same on every run.
/// </summary>
internal static class SchemaIds
{
    private static readonly HashSet<string> SharedNames = typeof(SchemaIds).Assembly.GetExportedTypes()
        .Concat(typeof(SalesFlow.Core.Common.Actor).Assembly.GetExportedTypes())
        .Where(t => !t.IsGenericType)
        .GroupBy(t => t.Name, StringComparer.Ordinal)
        .Where(g => g.Count() > 1)
        .Select(g => g.Key)
        .ToHashSet(StringComparer.Ordinal);

    public static string? Create(JsonTypeInfo info)
    {
        var id = OpenApiOptions.CreateDefaultSchemaReferenceId(info);
        var type = info.Type;
        if (id is null || type.IsGenericType || !SharedNames.Contains(type.Name))
        {
            return id;
        }

        var module = type.DeclaringType?.Name ?? type.Namespace?[(type.Namespace.LastIndexOf('.') + 1)..] ?? "";
        return module + id;
    }
}
