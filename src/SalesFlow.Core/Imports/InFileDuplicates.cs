using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace SalesFlow.Core.Imports;

/// <summary>
/// The duplicate rule inside one file: the first row with a mobile, e-mail or company wins, later rows with
/// the same value are errors pointing at it. Memory grows with the distinct keys of the file, not its size in bytes:
/// each value is held as a 64-bit hash, so the 3M keys of a million-row lead file take about 80 MB where the strings
/// took about 300 MB (measured at L). Two different values of one field share a hash with a probability of about
/// n²/2⁶⁵ — for a million values, once in 30 million files — and the later row would then be reported as a duplicate.
/// </summary>
public sealed class InFileDuplicates
{
    private readonly Dictionary<string, Dictionary<ulong, int>> firstLine = new(StringComparer.Ordinal);

    /// <summary>Records the row's keys; returns a problem for each key an earlier row already had.</summary>
    public IReadOnlyList<ImportProblem> See(int line, IEnumerable<(string Field, string Value)> keys)
    {
        List<ImportProblem>? problems = null;
        foreach (var (field, value) in keys)
        {
            if (!firstLine.TryGetValue(field, out var lines))
            {
                firstLine[field] = lines = [];
            }

            ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(lines, XxHash3.HashToUInt64(MemoryMarshal.AsBytes(value.AsSpan())), out var seen);
            if (seen)
            {
                (problems ??= []).Add(ImportProblem.DuplicateInFile(field, first));
            }
            else
            {
                first = line;
            }
        }

        return problems ?? (IReadOnlyList<ImportProblem>)[];
    }
}
