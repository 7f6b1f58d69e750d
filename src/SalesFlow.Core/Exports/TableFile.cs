using System.Text;
using MiniExcelLibs;

namespace SalesFlow.Core.Exports;

public enum TableFormat
{
    Csv,
    Xlsx,
}

/// <summary>
/// Writes a header and rows to CSV or XLSX as the rows arrive, never holding the table: CSV goes straight to the
/// output; XLSX (a zip whose sheet size is written at the end) goes through a temporary file first. Cells are
/// neutralized by <see cref="ExportCells"/>.
/// </summary>
public static class TableFile
{
    public static string ContentType(TableFormat format) => format switch
    {
        TableFormat.Csv => "text/csv; charset=utf-8",
        TableFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    };

    public static string Extension(TableFormat format) => format == TableFormat.Csv ? ".csv" : ".xlsx";

    public static async Task WriteAsync(Stream output, TableFormat format, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        if (format == TableFormat.Csv)
        {
            await WriteCsvAsync(output, headers, rows, ct);
            return;
        }

        var temp = Path.Combine(Path.GetTempPath(), $"salesflow-{Guid.NewGuid():N}.xlsx");
        await using var file = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var keys = UniqueKeys(headers);
        // MiniExcel pulls rows synchronously; the database reads behind them stay async on a pool thread.
        await Task.Run(
            () => MiniExcel.SaveAs(file, rows.ToBlockingEnumerable(ct).Select(row => Sheet(keys, row)), excelType: ExcelType.XLSX),
            ct);
        file.Position = 0;
        await file.CopyToAsync(output, ct);
    }

    private static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> headers, IAsyncEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        // A BOM, so Excel on a Chinese Windows opens the file as UTF-8.
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 65536, leaveOpen: true) { NewLine = "\r\n" };
        await writer.WriteLineAsync(CsvLine(headers));
        var count = 0;
        await foreach (var row in rows.WithCancellation(ct))
        {
            await writer.WriteLineAsync(CsvLine(row));
            if (++count % 1000 == 0)
            {
                await writer.FlushAsync(ct);
            }
        }
    }

    public static string CsvLine(IEnumerable<string?> cells) => string.Join(',', cells.Select(c => CsvCell(ExportCells.Neutralize(c))));

    private static string CsvCell(string? value) =>
        value is null ? "" : value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;

    private static Dictionary<string, object?> Sheet(List<string> keys, IReadOnlyList<string?> row)
    {
        var cells = new Dictionary<string, object?>(keys.Count);
        for (var i = 0; i < keys.Count; i++)
        {
            cells[keys[i]] = i < row.Count ? ExportCells.Neutralize(row[i]) : null;
        }

        return cells;
    }

    // Headers are the sheet's dictionary keys, so two equal headers would collapse into one column.
    private static List<string> UniqueKeys(IReadOnlyList<string> headers)
    {
        var seen = new HashSet<string>();
        return headers.Select((h, i) => seen.Add(h) ? h : $"{h} ({i + 1})").ToList();
    }
}
