namespace SalesFlow.Core.Imports;

/// <summary>
/// A column of an import file: the request field it fills, its English and Chinese headers, and whether a
/// file must have it. A header may be either name, or both as the templates write them (<c>客户名称/name</c>).
/// </summary>
public sealed record ImportColumn(string Field, string English, string Chinese, bool Required = false)
{
    public string TemplateHeader => $"{Chinese}/{English}";
}

public static class ImportColumns
{
    public static readonly IReadOnlyList<ImportColumn> Customers =
    [
        new("name", "name", "客户名称", Required: true),
        new("type", "type", "客户类型", Required: true),
        new("class", "class", "客户等级"),
        new("valueTier", "valueTier", "价值层级"),
        new("industry", "industry", "行业"),
        new("region", "region", "区域"),
        new("address", "address", "地址"),
        new("phone", "phone", "电话"),
        new("tags", "tags", "标签"),
    ];

    public static readonly IReadOnlyList<ImportColumn> Contacts =
    [
        new("customer", "customer", "客户", Required: true),
        new("fullName", "fullName", "姓名", Required: true),
        new("title", "title", "职务"),
        new("officePhone", "officePhone", "办公电话"),
        new("mobile", "mobile", "手机"),
        new("email", "email", "邮箱"),
        new("isPrimary", "isPrimary", "主联系人"),
    ];

    public static readonly IReadOnlyList<ImportColumn> Leads =
    [
        new("name", "name", "姓名", Required: true),
        new("company", "company", "公司"),
        new("mobile", "mobile", "手机"),
        new("email", "email", "邮箱"),
        new("source", "source", "来源", Required: true),
        new("region", "region", "区域"),
        new("needs", "needs", "需求"),
    ];

    public static IReadOnlyList<ImportColumn> Of(ImportKind kind) => kind switch
    {
        ImportKind.Customers => Customers,
        ImportKind.Contacts => Contacts,
        ImportKind.Leads => Leads,
        ImportKind.StockReports => StockReportRows.Columns,
    };

    /// <summary>Which file column fills which field; columns the kind does not know are ignored.</summary>
    public static HeaderMap Map(ImportKind kind, IReadOnlyList<string> headers)
    {
        var columns = Of(kind);
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            if (Match(columns, headers[i]) is { } column && !positions.ContainsKey(column.Field))
            {
                positions[column.Field] = i;
            }
        }

        var missing = columns.Where(c => c.Required && !positions.ContainsKey(c.Field)).Select(c => c.TemplateHeader).ToList();
        return new HeaderMap(headers, positions, missing);
    }

    private static ImportColumn? Match(IReadOnlyList<ImportColumn> columns, string header)
    {
        foreach (var part in header.Split('/', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var found = columns.FirstOrDefault(c =>
                string.Equals(c.English, part, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Chinese, part, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }
        }

        return null;
    }
}

/// <summary>The header row of one file, mapped to fields.</summary>
public sealed class HeaderMap(IReadOnlyList<string> headers, IReadOnlyDictionary<string, int> positions, IReadOnlyList<string> missing)
{
    public IReadOnlyList<string> Headers => headers;

    /// <summary>Required columns the file lacks, as the template names them.</summary>
    public IReadOnlyList<string> Missing => missing;

    public string? Value(IReadOnlyList<string?> row, string field) =>
        positions.TryGetValue(field, out var i) && i < row.Count && !string.IsNullOrWhiteSpace(row[i]) ? row[i]!.Trim() : null;

    /// <summary>The header the file gave a field, for pointing at the cell in errors.</summary>
    public string? HeaderOf(string? field) =>
        field is not null && positions.TryGetValue(field, out var i) ? headers[i] : null;
}
