namespace SalesFlow.Core.Common;

/// <summary>One page of a keyset-paged list. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int? TotalCount);

/// <summary>What a caller asks of a paged list: a sort name from the list's whitelist, a cursor and a size.</summary>
public sealed record PageRequest(string? Sort = null, string? Cursor = null, int PageSize = 50, bool Count = true)
{
    public const int MaxPageSize = 500;

    /// <summary>Exports read their list in larger pages than a screen asks for: the same rows in fewer round trips.</summary>
    public const int ExportPageSize = 5000;

    private int Limit { get; init; } = MaxPageSize;

    public int Size => Math.Clamp(PageSize, 1, Limit);

    /// <summary>A page of an export: no count, and up to <see cref="ExportPageSize"/> rows, which no API caller can ask for.</summary>
    public static PageRequest ForExport(string? sort, string? cursor) => new(sort, cursor, ExportPageSize, Count: false) { Limit = ExportPageSize };
}
