namespace SalesFlow.Core.Common;

/// <summary>One page of a keyset-paged list. <see cref="NextCursor"/> is null on the last page.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextCursor, int? TotalCount);

/// <summary>What a caller asks of a paged list: a sort name from the list's whitelist, a cursor and a size.</summary>
public sealed record PageRequest(string? Sort = null, string? Cursor = null, int PageSize = 50, bool Count = true)
{
    public const int MaxPageSize = 500;

    public int Size => Math.Clamp(PageSize, 1, MaxPageSize);
}
