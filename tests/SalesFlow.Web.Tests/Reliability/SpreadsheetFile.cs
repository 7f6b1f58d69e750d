using System.IO.Compression;
using System.Text;
using System.Xml.Linq;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// Reads exported files the way a spreadsheet program sees them, independently of the product's writers:
/// CSV by RFC 4180 (quoted cells may hold commas, quotes, tabs and line breaks) and XLSX from its XML parts,
/// reporting every cell that is a formula or not a string.
/// </summary>
public static class SpreadsheetFile
{
    public static List<List<string>> ReadCsv(string text)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"' && cell.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
                i++;
            }
            else
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>The first sheet's rows as text, and every cell that holds a formula or a non-string value.</summary>
    public static (List<List<string>> Rows, List<string> NotPlainText) ReadXlsx(byte[] file)
    {
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        using var zip = new ZipArchive(new MemoryStream(file), ZipArchiveMode.Read);
        var shared = zip.GetEntry("xl/sharedStrings.xml") is { } entry
            ? XDocument.Load(entry.Open()).Root!.Elements(main + "si").Select(si => string.Concat(si.Descendants(main + "t").Select(t => t.Value))).ToList()
            : [];
        var sheet = XDocument.Load(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var rows = new List<List<string>>();
        var notText = new List<string>();
        foreach (var r in sheet.Descendants(main + "row"))
        {
            var row = new List<string>();
            foreach (var c in r.Elements(main + "c"))
            {
                var reference = (string?)c.Attribute("r") ?? "?";
                var type = (string?)c.Attribute("t");
                if (c.Element(main + "f") is not null)
                {
                    notText.Add($"{reference}: formula {c.Element(main + "f")!.Value}");
                }

                var text = type switch
                {
                    "s" => shared[int.Parse(c.Element(main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(c.Descendants(main + "t").Select(t => t.Value)),
                    "str" => c.Element(main + "v")?.Value ?? "",
                    _ => c.Element(main + "v")?.Value ?? "",
                };
                if (type is not ("s" or "inlineStr" or "str") && c.Element(main + "v") is not null)
                {
                    notText.Add($"{reference}: {type ?? "number"} {text}");
                }

                var column = Column(reference);
                while (row.Count < column)
                {
                    row.Add("");
                }

                row.Add(text);
            }

            rows.Add(row);
        }

        return (rows, notText);
    }

    // "C12" is the third column (index 2); cells left empty are not written, so the reference places each cell.
    private static int Column(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsAsciiLetterUpper))
        {
            index = (index * 26) + (c - 'A' + 1);
        }

        return Math.Max(0, index - 1);
    }
}
