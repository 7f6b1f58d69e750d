namespace SalesFlow.Core.Imports;

/// <summary>
/// The duplicate rule inside one file: the first row with a mobile, e-mail or company wins, later rows with
/// the same value are errors pointing at it. Memory grows with the distinct keys of the file, not its size in bytes.
/// </summary>
public sealed class InFileDuplicates
{
    private readonly Dictionary<(string Field, string Value), int> firstLine = [];

    /// <summary>Records the row's keys; returns a problem for each key an earlier row already had.</summary>
    public IReadOnlyList<ImportProblem> See(int line, IEnumerable<(string Field, string Value)> keys)
    {
        List<ImportProblem>? problems = null;
        foreach (var key in keys)
        {
            if (!firstLine.TryAdd(key, line))
            {
                (problems ??= []).Add(ImportProblem.DuplicateInFile(key.Field, firstLine[key]));
            }
        }

        return problems ?? (IReadOnlyList<ImportProblem>)[];
    }
}
