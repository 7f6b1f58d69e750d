using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json;

namespace SalesFlow.Core.Common;

/// <summary>
/// Runs a request record's DataAnnotations and reports each failure as a <see cref="FieldError"/> with a
/// stable rule code, so both doors (API and UI) get the same, localizable answer.
/// </summary>
public static class RequestValidation
{
    public static Error? Check(object request)
    {
        var fields = new List<FieldError>();
        foreach (var property in request.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = property.GetValue(request);
            var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
            if (value is string text && HasControlCharacter(text))
            {
                fields.Add(new FieldError(name, "invalidCharacter"));
                continue;
            }

            foreach (var attribute in property.GetCustomAttributes<ValidationAttribute>(inherit: true))
            {
                if (attribute.IsValid(value))
                {
                    continue;
                }

                fields.Add(Describe(name, attribute));
                break;
            }
        }

        return fields.Count == 0
            ? null
            : new Error(ErrorKind.Validation, "common.validation", "One or more fields are invalid.") { Fields = fields };
    }

    /// <summary>
    /// NUL and the other C0 controls but tab, line feed and carriage return: PostgreSQL cannot store a NUL in text,
    /// and none of them belongs in a name, a note or a search.
    /// </summary>
    public static bool HasControlCharacter(string text) =>
        text.Any(c => c < ' ' && c is not ('\t' or '\n' or '\r'));

    private static FieldError Describe(string field, ValidationAttribute attribute) => attribute switch
    {
        RequiredAttribute => new(field, "required"),
        StringLengthAttribute s => new(field, "stringLength", new Dictionary<string, object?> { ["min"] = s.MinimumLength, ["max"] = s.MaximumLength }),
        MaxLengthAttribute m => new(field, "maxLength", new Dictionary<string, object?> { ["max"] = m.Length }),
        RangeAttribute r => new(field, "range", new Dictionary<string, object?> { ["min"] = r.Minimum, ["max"] = r.Maximum }),
        EmailAddressAttribute => new(field, "email"),
        PhoneAttribute => new(field, "phone"),
        RegularExpressionAttribute => new(field, "format"),
        _ => new(field, "invalid"),
    };
}
