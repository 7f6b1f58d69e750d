using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using SalesFlow.Core.Common;

namespace SalesFlow.Web.Api;

/// <summary>
/// A PUT body that accepts the resource's whole representation, edited. The representation's fields the body does not
/// edit (ids, names of related records, computed values, child lists) are read into <see cref="ReadOnlyFields"/> and
/// ignored, except the guarded ones (owner, dealer, status, credit): a changed value of those is refused by
/// <see cref="Representation.RefuseChangedAsync{T}"/>, an unchanged one passes. Any other field is still a 400.
/// </summary>
public abstract record RepresentationBody
{
    private readonly Dictionary<string, JsonElement> _readOnlyFields = new(StringComparer.Ordinal);

    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement> ReadOnlyFields => _readOnlyFields;

    internal void Keep(string name, JsonElement value) => _readOnlyFields[name] = value;
}

internal static class Representation
{
    /// <summary>Fields that only their own action changes (API.md): sending another value in a PUT is refused, not ignored.</summary>
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static readonly string[] Guarded = ["ownerId", "dealerId", "status", "isActive", "tier", "creditLimit", "paymentTermsDays"];

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        SalesFlowJson.Configure(options);
        return options;
    }

    /// <summary>JSON contract modifier: a body marked with <see cref="AcceptsRepresentationAttribute"/> reads the representation's other fields.</summary>
    public static void AcceptReadOnlyFields(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object || info.Type.GetCustomAttribute<AcceptsRepresentationAttribute>() is not { } accepts)
        {
            return;
        }

        var known = info.Properties.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var property in accepts.Representation.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var name = info.Options.PropertyNamingPolicy?.ConvertName(property.Name) ?? property.Name;
            if (known.Add(name))
            {
                var field = info.CreateJsonPropertyInfo(typeof(JsonElement), name);
                // A whole body keeps them for the guarded-field check; a line of a body (a stock report's) drops them.
                field.Set = (body, value) => (body as RepresentationBody)?.Keep(name, (JsonElement)value!);
                info.Properties.Add(field);
            }
        }
    }

    /// <summary>
    /// Reads the record as its GET does (so a record out of the caller's scope is a 404 before anything else) and refuses
    /// a guarded field whose value the body changed; null when the edit may go on.
    /// </summary>
    public static async Task<IResult?> RefuseChangedAsync<T>(RepresentationBody body, Task<Result<T>> current)
    {
        var record = await current;
        if (!record.IsSuccess)
        {
            return record.Error!.ToProblem();
        }

        var stored = JsonSerializer.SerializeToElement(record.Value, Options);
        foreach (var name in Guarded)
        {
            if (body.ReadOnlyFields.TryGetValue(name, out var sent)
                && (!stored.TryGetProperty(name, out var value) || !JsonElement.DeepEquals(sent, value)))
            {
                return Error.Invalid(name, "changeThroughAction").ToProblem();
            }
        }

        return null;
    }
}
