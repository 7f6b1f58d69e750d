using System.Globalization;
using System.Text;
using MiniExcelLibs;
using Sylvan.Data.Csv;

namespace SalesFlow.Core.Imports;

/// <summary>One data row of a file: its line (the header is line 1) and its cells as text.</summary>
public sealed record TabularRow(int Line, IReadOnlyList<string?> Cells);

/// <summary>
/// Reads a CSV or XLSX file one row at a time, never the whole file: the header row first, then the rows.
/// The kind is told by the content (an XLSX is a zip), not the name. Blank rows are skipped but still counted
/// as lines, so the line numbers match what the person sees in Excel.
/// </summary>
public static class TabularFile
{
    public static TabularReader Open(string path)
    {
        var stream = File.OpenRead(path);
        try
        {
            return IsZip(stream) ? new XlsxTabularReader(stream) : new CsvTabularReader(stream);
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
}

internal sealed class CsvTabularReader : TabularReader
{
    private readonly Stream stream;
    private readonly CsvDataReader reader;
    private readonly string[] headers;

    public CsvTabularReader(Stream stream)
        : base(stream)
    {
        this.stream = stream;
        var text = new StreamReader(stream, CsvEncoding.Detect(stream), detectEncodingFromByteOrderMarks: false);
        reader = CsvDataReader.Create(text, new CsvDataReaderOptions { HasHeaders = true });
        headers = Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetName(i).Trim()).ToArray();
    }

    public override IReadOnlyList<string> Headers => headers;

    public override IEnumerable<TabularRow> Rows()
    {
        var line = 1;
        while (reader.Read())
        {
            line++;
            var cells = new string?[Math.Max(reader.RowFieldCount, headers.Length)];
            for (var i = 0; i < reader.RowFieldCount; i++)
            {
                cells[i] = reader.GetString(i);
            }

            if (!IsBlank(cells))
            {
                yield return new TabularRow(line, cells);
            }
        }
    }

    public override void Dispose()
    {
        reader.Dispose();
        stream.Dispose();
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
        while (rows.MoveNext())
        {
            line++;
            var cells = rows.Current.Values.Select(Text).ToArray();
            if (!IsBlank(cells))
            {
                yield return new TabularRow(line, cells);
            }
        }
    }

    public override void Dispose()
    {
        rows.Dispose();
        stream.Dispose();
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
/// What a CSV was saved as: UTF-8 (with or without a BOM), UTF-16 with a BOM, or else GB18030 — what Excel on
/// a Chinese Windows writes for "CSV". GB18030 is a superset of GBK and GB2312.
/// </summary>
public static class CsvEncoding
{
    private const int Sample = 64 * 1024;

    static CsvEncoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Gb18030 => Encoding.GetEncoding("GB18030");

    /// <summary>Looks at the start of the stream and leaves it after the BOM, if any.</summary>
    public static Encoding Detect(Stream stream)
    {
        var buffer = new byte[Sample];
        var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        var head = buffer.AsSpan(0, read);
        (Encoding Encoding, int Bom) found = head switch
        {
            [0xEF, 0xBB, 0xBF, ..] => (new UTF8Encoding(false), 3),
            [0xFF, 0xFE, ..] => (new UnicodeEncoding(false, false), 2),
            [0xFE, 0xFF, ..] => (new UnicodeEncoding(true, false), 2),
            _ => (IsUtf8(head, complete: read < buffer.Length) ? new UTF8Encoding(false) : Gb18030, 0),
        };
        stream.Position = found.Bom;
        return found.Encoding;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool complete)
    {
        try
        {
            // A sample may end inside a character; only the whole file must end on one.
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder().GetCharCount(bytes, flush: complete);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }
}
