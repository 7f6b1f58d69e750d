namespace SalesFlow.Core.Exports;

/// <summary>
/// Formula safety for files people open in Excel: a cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// a tab or a carriage return could run as a formula (CSV injection), so it gets a leading apostrophe and is read
/// as text. Every exported and error-file cell goes through here.
/// </summary>
public static class ExportCells
{
    public static string? Neutralize(string? value) =>
        value is { Length: > 0 } && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + value : value;
}
