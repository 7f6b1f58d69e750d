using System.Globalization;
using Microsoft.Extensions.Localization;
using SalesFlow.Core.Common;
using SalesFlow.Web.Resources;

namespace SalesFlow.Web.Components.Shared;

/// <summary>
/// What a form shows after a use case refused it: each field message under its field (with the field's
/// label in the reader's language), and everything else in <see cref="Summary"/>. Labels come from
/// <c>Field.&lt;scope&gt;.&lt;field&gt;</c> when the form has a scope (an employee's "name" is a person's name),
/// then from <c>Field.&lt;field&gt;</c>.
/// </summary>
public sealed class FormErrors(IStringLocalizer<SharedResource> text, string? scope, params string[] fields)
{
    private readonly Dictionary<string, string> _byField = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _codeFields = new(StringComparer.Ordinal);

    public string? Summary { get; private set; }

    public bool Any => Summary is not null || _byField.Count > 0;

    /// <summary>Shows a rule error that is about one field (such as a code already taken) under that field.</summary>
    public FormErrors Place(string errorCode, string field)
    {
        _codeFields[errorCode] = field;
        return this;
    }

    public void Clear()
    {
        _byField.Clear();
        Summary = null;
    }

    public void Show(Error error)
    {
        Clear();
        var culture = CultureInfo.CurrentUICulture;
        var unplaced = new List<string>();
        foreach (var field in error.Fields ?? [])
        {
            var message = ErrorText.Field(field with { Field = Label(field.Field) }, culture);
            if (fields.Contains(field.Field, StringComparer.OrdinalIgnoreCase))
            {
                _byField[field.Field] = _byField.TryGetValue(field.Field, out var earlier) ? earlier + " " + message : message;
            }
            else
            {
                unplaced.Add(message);
            }
        }

        if (error.Fields is not { Count: > 0 } && _codeFields.TryGetValue(error.Code, out var placed))
        {
            _byField[placed] = ErrorText.Title(error, culture);
        }
        else if (error.Fields is not { Count: > 0 })
        {
            Summary = ErrorText.Describe(error, culture);
        }
        else if (unplaced.Count > 0)
        {
            Summary = string.Join(" ", unplaced);
        }
    }

    /// <summary>A check the form makes itself (such as two password fields matching).</summary>
    public void Show(string field, string message)
    {
        Clear();
        _byField[field] = message;
    }

    public bool Has(string field) => _byField.ContainsKey(field);

    public string? For(string field) => _byField.GetValueOrDefault(field);

    private string Label(string field)
    {
        if (scope is not null && text[$"Field.{scope}.{field}"] is { ResourceNotFound: false } scoped)
        {
            return scoped.Value;
        }

        var label = text["Field." + field];
        return label.ResourceNotFound ? field : label.Value;
    }
}
