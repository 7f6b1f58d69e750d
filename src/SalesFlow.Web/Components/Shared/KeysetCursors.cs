namespace SalesFlow.Web.Components.Shared;

/// <summary>
/// The cursors of the pages seen so far in a keyset-paged grid: page n starts after the cursor the query
/// returned with page n-1, so the grid can go forward one page or back to any page it has shown.
/// </summary>
public sealed class KeysetCursors
{
    private readonly List<string?> _cursors = [null];

    public int? TotalCount { get; private set; }

    public bool Has(int page) => page >= 0 && page < _cursors.Count;

    public bool HasNext(int page) => Has(page + 1);

    public string? For(int page) => _cursors[page];

    public void Reset()
    {
        _cursors.RemoveRange(1, _cursors.Count - 1);
        TotalCount = null;
    }

    public void Record(int page, string? nextCursor, int? totalCount)
    {
        TotalCount = totalCount ?? TotalCount;
        if (_cursors.Count > page + 1)
        {
            _cursors.RemoveRange(page + 1, _cursors.Count - page - 1);
        }

        if (nextCursor is not null)
        {
            _cursors.Add(nextCursor);
        }
    }
}
