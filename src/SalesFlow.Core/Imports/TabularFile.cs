using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace SalesFlow.Core.Imports;

/// <summary>
/// One data row of a file: its line (the header is line 1) and its cells as text, and what is wrong with the row as the file
/// holds it (more cells than the header has, bytes not of the file's encoding), which no rule of the kind would see.
/// </summary>
public sealed record TabularRow(int Line, IReadOnlyList<string?> Cells, ImportProblem? Problem = null);

/// <summary>The file cannot be read from this line on (a quote never closed, a row larger than any cell may be, a broken XLSX).</summary>
public sealed class UnreadableFileException(int line, ImportProblem problem, Exception? inner = null)
    : FormatException(problem.Message, inner)
{
    public int Line { get; } = line;

    public ImportProblem Problem { get; } = problem;
}

/// <summary>
/// Reads a CSV or XLSX file one row at a time, never the whole file: the header row first, then the rows.
/// The kind is told by the content (an XLSX is a zip), not the name. Blank rows are skipped but still counted
/// as lines, so the line numbers match what the person sees in Excel.
/// </summary>
public static class TabularFile
{
    /// <summary>The longest row read, in characters: a 1 MB cell is read (and refused by the column's rule), a quote never closed is not.</summary>
    public const int MaxRowChars = 4 * 1024 * 1024;

    public static TabularReader Open(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            return IsZip(stream) ? new XlsxTabularReader(stream) : new CsvTabularReader(stream);
        }
        catch (Exception e) when (e is not (UnreadableFileException or IOException or OperationCanceledException))
        {
            stream.Dispose();
            throw new UnreadableFileException(1, Unreadable.Problem(e), e);
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    private static bool IsZip(Stream stream)
    {
        Span<byte> head = stackalloc byte[4];
        var read = stream.ReadAtLeast(head, 4, throwOnEndOfStream: false);
        stream.Position = 0;
        return read == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
    }
}

public abstract class TabularReader(Stream stream) : IDisposable
{
    public abstract IReadOnlyList<string> Headers { get; }

    /// <summary>How much of the file has been read, 0 to 1 (the bytes read so far; good enough for a progress bar).</summary>
    public double Fraction => stream.Length == 0 ? 1 : Math.Min(1, (double)stream.Position / stream.Length);

    public abstract IEnumerable<TabularRow> Rows();

    public abstract void Dispose();

    protected static bool IsBlank(IReadOnlyList<string?> cells) => cells.All(string.IsNullOrWhiteSpace);

    /// <summary>What is wrong with the row as the file holds it: cells beyond the header's (the row is shifted, or a comma was not quoted).</summary>
    protected ImportProblem? Check(IReadOnlyList<string?> cells)
    {
        var last = cells.Count - 1;
        while (last >= Headers.Count && string.IsNullOrWhiteSpace(cells[last]))
        {
            last--;
        }

        return last >= Headers.Count
            ? new ImportProblem(null, "import.tooManyCells", $"The row has {last + 1} cells; the header has {Headers.Count}.", new Dictionary<string, string?>
            {
                ["count"] = (last + 1).ToString(CultureInfo.InvariantCulture),
                ["expected"] = Headers.Count.ToString(CultureInfo.InvariantCulture),
            })
            : null;
    }
}

/// <summary>The problems that make a file unreadable from a line on, by the reader's exception.</summary>
internal static class Unreadable
{
    public static ImportProblem Problem(Exception e) => e switch
    {
        CsvRecordTooLargeException => New("import.rowTooLarge", $"The row is longer than {TabularFile.MaxRowChars / (1024 * 1024)} million characters (often a quote that is never closed).", ("max", (TabularFile.MaxRowChars / (1024 * 1024)).ToString(CultureInfo.InvariantCulture))),
        CsvFormatException => New("import.brokenQuotes", "A quoted cell is not closed, or a quote stands inside a cell that is not quoted; the rest of the file cannot be read.", null),
        _ => New("import.unreadable", "The file could not be read as CSV or XLSX.", null),
    };

    private static ImportProblem New(string code, string message, (string Name, string Value)? arg) =>
        new(null, code, message, arg is { } a ? new Dictionary<string, string?> { [a.Name] = a.Value } : new Dictionary<string, string?>());
}

internal sealed class CsvTabularReader : TabularReader
{
    private readonly Stream stream;
    private readonly CsvDataReader reader;
    private readonly string[] headers;
    private readonly Encoding encoding;

    public CsvTabularReader(Stream stream)
        : base(stream)
    {
        this.stream = stream;
        encoding = CsvEncoding.Detect(stream);
        var text = new StreamReader(stream, encoding, detectEncodingFromByteOrderMarks: false);
        try
        {
            reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true, MaxBufferSize = TabularFile.MaxRowChars });
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableFileException(1, Unreadable.Problem(e), e);
        }

        headers = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
    }

    public override IReadOnlyList<string> Headers => headers;

    public override IEnumerable<TabularRow> Rows()
    {
        var line = 1;
        while (Next(line + 1))
        {
            line++;
            var cells = new string?[Math.Max(reader.RowFieldCount, headers.Length)];
            var undecodable = false;
            for (var i = 0; i < reader.RowFieldCount; i++)
            {
                cells[i] = reader.GetString(i);
                undecodable |= cells[i]!.Contains(CsvEncoding.Undecodable, StringComparison.Ordinal);
            }

            if (!IsBlank(cells))
            {
                yield return new TabularRow(line, cells, Check(cells) ?? (undecodable ? CsvEncoding.Problem(encoding) : null));
            }
        }
    }

    public override void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
    }

    private bool Next(int line)
    {
        try
        {
            return reader.Read();
        }
        catch (CsvFormatException e)
        {
            throw new UnreadableFileException(line, Unreadable.Problem(e), e);
        }
    }
}

internal sealed class XlsxTabularReader : TabularReader
{
    private readonly Stream stream;
    private readonly IEnumerator<IDictionary<string, object?>> rows;
    private readonly string[] headers;

    public XlsxTabularReader(Stream stream)
        : base(stream)
    {
        this.stream = stream;
        rows = MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX)
            .Cast<IDictionary<string, object?>>().GetEnumerator();
        headers = rows.MoveNext() ? Trimmed(rows.Current) : [];
    }

    public override IReadOnlyList<string> Headers => headers;

    public override IEnumerable<TabularRow> Rows()
    {
        var line = 1;
        while (Next(line + 1))
        {
            line++;
            var cells = rows.Current.Values.Select(Text).ToArray();
            if (!IsBlank(cells))
            {
                yield return new TabularRow(line, cells, Check(cells));
            }
        }
    }

    public override void Dispose()
    {
        rows.Dispose();
        stream.Dispose();
    }

    // A broken XLSX (cut short, bad XML) throws whatever its zip or XML reader throws: the file is unreadable from that row on.
    private bool Next(int line)
    {
        try
        {
            return rows.MoveNext();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new UnreadableFileException(line, Unreadable.Problem(e), e);
        }
    }

    private static string[] Trimmed(IDictionary<string, object?> row)
    {
        var cells = row.Values.Select(v => Text(v)?.Trim() ?? "").ToList();
        while (cells.Count > 0 && cells[^1].Length == 0)
        {
            cells.RemoveAt(cells.Count - 1);
        }

        return [.. cells];
    }

    // Excel keeps a mobile number typed as a number as a double: 13800138000, not 1.38E+10.
    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => s,
        double d => d.ToString("0.###############", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}

/// <summary>
/// What a CSV was saved as: UTF-8 (with or without a BOM), UTF-16 with a BOM, or else GB18030 — what Excel on a Chinese Windows
/// writes for "CSV". GB18030 is a superset of GBK and GB2312. The whole file is looked at, line by line, not only its start: a
/// file whose lines are partly UTF-8 and partly not (a GBK export pasted under a UTF-8 one) is read as UTF-8, and its rows that
/// are not UTF-8 are reported one by one rather than saved garbled. Bytes the chosen encoding cannot decode never pass silently.
/// </summary>
public static class CsvEncoding
{
    /// <summary>What a byte sequence the encoding cannot decode becomes; a row holding it is refused.</summary>
    public const string Undecodable = "\uFFFD";

    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030", EncoderFallback.ReplacementFallback, new DecoderReplacementFallback(Undecodable));

    /// <summary>Reads the stream through and leaves it after the BOM, if any.</summary>
    public static Encoding Detect(Stream stream)
    {
        Span<byte> head = stackalloc byte[3];
        var read = stream.ReadAtLeast(head, 3, throwOnEndOfStream: false);
        (Encoding? Encoding, int Bom) found = head[..read] switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, false), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(true, false), 2),
            _ => (null, 0),
        };
        stream.Position = 0;
        found.Encoding ??= LinesAreUtf8(stream) ? new UTF8Encoding(false) : Gb18030;
        stream.Position = found.Bom;
        return found.Encoding;
    }

    /// <summary>The problem of a row with bytes the file's encoding cannot decode.</summary>
    public static ImportProblem Problem(Encoding encoding)
    {
        var name = encoding is UTF8Encoding ? "UTF-8" : encoding is UnicodeEncoding ? "UTF-16" : "GBK/GB18030";
        return new ImportProblem(null, "import.badEncoding", $"The row has bytes that are not {name}, the file's encoding; save the whole file as UTF-8.", new Dictionary<string, string?> { ["encoding"] = name });
    }

    // UTF-8 unless some line is not UTF-8 and no line holds UTF-8 beyond ASCII (then GB18030: a GBK file, pure or with ASCII lines).
    private static bool LinesAreUtf8(Stream stream)
    {
        var buffer = new byte[64 * 1024];
        var carry = new List<byte>();
        bool utf8Lines = false, otherLines = false;
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            var span = buffer.AsSpan(0, read);
            int newline;
            while ((newline = span.IndexOf((byte)'\n')) >= 0)
            {
                Classify(Joined(carry, span[..newline]));
                carry.Clear();
                span = span[(newline + 1)..];
            }

            carry.AddRange(span);
            if (utf8Lines && otherLines)
            {
                return true;
            }
        }

        Classify(carry.ToArray());
        return utf8Lines || !otherLines;

        void Classify(ReadOnlySpan<byte> line)
        {
            if (System.Text.Unicode.Utf8.IsValid(line))
            {
                utf8Lines |= !System.Text.Ascii.IsValid(line);
            }
            else
            {
                otherLines = true;
            }
        }
    }

    private static ReadOnlySpan<byte> Joined(List<byte> carry, ReadOnlySpan<byte> rest)
    {
        if (carry.Count == 0)
        {
            return rest;
        }

        carry.AddRange(rest);
        return carry.ToArray();
    }
}
