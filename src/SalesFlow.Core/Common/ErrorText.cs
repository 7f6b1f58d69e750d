using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;

namespace SalesFlow.Core.Common;

/// <summary>
/// The message catalogue for errors (Resources/ErrorMessages*.resx), keyed by error code and by
/// <c>field.&lt;rule&gt;</c>. Both doors show errors through it, so a rule's wording is the same in the
/// API's ProblemDetails and on a page, in zh-CN or en.
/// </summary>
public static partial class ErrorText
{
    private static readonly ResourceManager Catalogue = new("SalesFlow.Core.Resources.ErrorMessages", typeof(ErrorText).Assembly);

    public static string Title(Error error, CultureInfo culture) =>
        Fill(Catalogue.GetString(error.Code, culture) ?? error.Message, error.Args, culture);

    public static string Field(FieldError field, CultureInfo culture)
    {
        var template = Catalogue.GetString("field." + field.Rule, culture)
            ?? (field.Rule.StartsWith("password.", StringComparison.Ordinal) ? Catalogue.GetString("field.password", culture) : null)
            ?? Catalogue.GetString("field.invalid", culture)!;
        var args = new Dictionary<string, object?>(field.Args ?? new Dictionary<string, object?>()) { ["field"] = field.Field };
        return Fill(template, args, culture);
    }

    /// <summary>Field messages grouped by field, as ProblemDetails' <c>errors</c> carries them.</summary>
    public static Dictionary<string, string[]> Fields(Error error, CultureInfo culture) =>
        (error.Fields ?? [])
            .GroupBy(f => f.Field)
            .ToDictionary(g => g.Key, g => g.Select(f => Field(f, culture)).ToArray());

    /// <summary>Everything a person needs to read: the title, then each field message.</summary>
    public static string Describe(Error error, CultureInfo culture) =>
        error.Fields is { Count: > 0 } fields
            ? string.Join(" ", fields.Select(f => Field(f, culture)))
            : Title(error, culture);

    private static string Fill(string template, IReadOnlyDictionary<string, object?> args, CultureInfo culture) =>
        Placeholder().Replace(template, match =>
        {
            var name = match.Groups[1].Value;
            if (!args.TryGetValue(name, out var value) || value is null)
            {
                return match.Value;
            }

            if (name == "entity" && value is string entity)
            {
                return Catalogue.GetString("entity." + entity, culture) ?? entity;
            }

            // Stable values such as a status name or a field name read in the caller's language when the catalogue knows them.
            var text = Convert.ToString(value, culture) ?? "";
            return value is string ? Catalogue.GetString("value." + text, culture) ?? text : text;
        });

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();
}
