using System.Globalization;

namespace SalesFlow.Web.Components.Shared;

/// <summary>How the UI writes names and dates, in one place, so every page shows them the same way.</summary>
public static class Display
{
    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    /// <summary>The English name when the reader uses English and one exists; otherwise the Chinese name.</summary>
    public static string Name(string name, string? nameEn) =>
        IsEnglish && !string.IsNullOrWhiteSpace(nameEn) ? nameEn : name;

    // ISO dates read the same in zh-CN and en and sort as text.
    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string Date(DateTime? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";

    public static string DateTime(DateTime local) => local.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public static DateTime? ToPicker(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
