using System.Globalization;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Imports;

/// <summary>
/// One broken rule of one row, flattened from an <see cref="Error"/> so it can be stored and shown later in the
/// reader's language: field rules become <c>field.&lt;rule&gt;</c>, business rules keep their code.
/// </summary>
public sealed record ImportProblem(string? Field, string Code, string Message, IReadOnlyDictionary<string, string?> Args)
{
    public const string FieldRulePrefix = "field.";

    public static IEnumerable<ImportProblem> From(Error error)
    {
        if (error.Fields is { Count: > 0 } fields)
        {
            return fields.Select(f => new ImportProblem(f.Field, FieldRulePrefix + f.Rule, error.Message, Texts(f.Args)));
        }

        // A rule names the field it is about as "field", or (the duplicate rule) as the field it matched on.
        var field = (error.Args.GetValueOrDefault("field") ?? error.Args.GetValueOrDefault("matchedOn")) as string;
        return [new ImportProblem(field, error.Code, error.Message, Texts(error.Args))];
    }

    public static ImportProblem DuplicateInFile(string field, int firstLine) =>
        new(field, "import.duplicateInFile", $"Another row of the file (line {firstLine}) has the same {field}.",
            new Dictionary<string, string?> { ["field"] = field, ["line"] = firstLine.ToString(CultureInfo.InvariantCulture) });

    /// <summary>The message in <paramref name="culture"/>, from the same catalogue the API and the pages use.</summary>
    public string Describe(CultureInfo culture)
    {
        var args = Args.ToDictionary(a => a.Key, a => (object?)a.Value);
        return Code.StartsWith(FieldRulePrefix, StringComparison.Ordinal)
            ? ErrorText.Field(new FieldError(Field ?? "", Code[FieldRulePrefix.Length..], args), culture)
            : ErrorText.Title(new Error(ErrorKind.BusinessRule, Code, Message) { Args = args }, culture);
    }

    private static Dictionary<string, string?> Texts(IReadOnlyDictionary<string, object?>? args) =>
        (args ?? new Dictionary<string, object?>()).ToDictionary(a => a.Key, a => Convert.ToString(a.Value, CultureInfo.InvariantCulture));
}
