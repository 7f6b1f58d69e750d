using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using MiniExcelLibs;
using SalesFlow.Core.Exports;

namespace SalesFlow.Bench.Workloads;

/// <summary>
/// What W7 compares of an exported table without holding it: the row count, a hash of the first column (the customer
/// numbers) and the first and last rows as the user reads them (formula-safe, an empty cell and a missing one alike).
/// </summary>
internal sealed record ExportDigest(long Rows, string FirstColumnHash, IReadOnlyList<string> Head, IReadOnlyList<string> Tail)
{
    /// <summary>Cells that could run as a formula as read (a baseline's raw cells; a product's must have none).</summary>
    public long Unsafe { get; init; }

    /// <summary>Cells read with the product's leading apostrophe.</summary>
    public long Neutralized { get; init; }

    public const int Sample = 100;

    /// <summary>The first difference from another digest, or null when they agree.</summary>
    public string? DifferenceFrom(ExportDigest other)
    {
        if (Rows != other.Rows)
        {
            return $"{Rows} rows vs {other.Rows} rows";
        }

        if (FirstColumnHash != other.FirstColumnHash)
        {
            return "the customer numbers differ (hash)";
        }

        return Running.AbRunner.FirstDifference(Head, other.Head) is { } head ? "head " + head
            : Running.AbRunner.FirstDifference(Tail, other.Tail) is { } tail ? "tail " + tail : null;
    }

    /// <summary>A CSV file with a header line; every cell is read as the product would write it (<see cref="ExportCells.Neutralize"/>).</summary>
    public static ExportDigest OfCsv(string path)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        var builder = new Builder();
        var header = true;
        while (CsvRecord(reader) is { } cells)
        {
            if (header)
            {
                header = false;
                continue;
            }

            builder.Add(cells);
        }

        return builder.Build();
    }

    /// <summary>An XLSX file read back row by row (MiniExcel streams it), and how many of its cells are formulas.</summary>
    public static (ExportDigest Digest, long Formulas) OfXlsx(string path, int columns)
    {
        var builder = new Builder();
        var letters = Enumerable.Range(0, columns).Select(i => ((char)('A' + i)).ToString()).ToArray();
        var header = true;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(path, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            if (header)
            {
                header = false;
                continue;
            }

            builder.Add(letters.Select(l => row.TryGetValue(l, out var v) ? v?.ToString() : null).ToList());
        }

        return (builder.Build(), FormulaCells(path));
    }

    /// <summary>Cells written as formulas (an &lt;f&gt; element in a sheet's XML): the product must write none.</summary>
    private static long FormulaCells(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        long formulas = 0;
        foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal) && e.FullName.EndsWith(".xml", StringComparison.Ordinal)))
        {
            using var xml = XmlReader.Create(entry.Open());
            while (xml.Read())
            {
                if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "f")
                {
                    formulas++;
                }
            }
        }

        return formulas;
    }

    /// <summary>One RFC 4180 record (quoted cells may hold commas, quotes and line breaks), or null at the end.</summary>
    private static List<string?>? CsvRecord(TextReader reader)
    {
        if (reader.Peek() < 0)
        {
            return null;
        }

        var cells = new List<string?>();
        var cell = new StringBuilder();
        var quoted = false;
        while (true)
        {
            var c = reader.Read();
            if (c < 0)
            {
                cells.Add(cell.ToString());
                return cells;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"')
                    {
                        reader.Read();
                        cell.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    cell.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    cells.Add(cell.ToString());
                    cell.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    cells.Add(cell.ToString());
                    return cells;
                default:
                    cell.Append((char)c);
                    break;
            }
        }
    }

    private sealed class Builder
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private readonly List<string> _head = [];
        private readonly Queue<string> _tail = new();
        private long _rows;
        private long _unsafe;
        private long _neutralized;

        public void Add(List<string?> cells)
        {
            _rows++;
            _hash.AppendData(Encoding.UTF8.GetBytes((cells.Count > 0 ? cells[0] : "") + "\n"));
            foreach (var cell in cells)
            {
                _unsafe += ExportCells.Neutralize(cell) == cell ? 0 : 1;
                _neutralized += cell is ['\'', ..] ? 1 : 0;
            }

            var line = string.Join(" | ", cells.Select(c => ExportCells.Neutralize(c) ?? ""));
            if (_head.Count < Sample)
            {
                _head.Add(line);
            }

            _tail.Enqueue(line);
            if (_tail.Count > Sample)
            {
                _tail.Dequeue();
            }
        }

        public ExportDigest Build() =>
            new(_rows, Convert.ToHexString(_hash.GetHashAndReset()), _head, [.. _tail]) { Unsafe = _unsafe, Neutralized = _neutralized };
    }
}
