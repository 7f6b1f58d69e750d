using System.Text;
using MiniExcelLibs;
using SalesFlow.Core.Exports;
using SalesFlow.Core.Imports;

namespace SalesFlow.Core.Tests.Imports;

public class ImportFileTests
{
    private const string Company = "上海恒达机电有限公司";

    [Theory]
    [InlineData("=SUM(A1:A2)", "'=SUM(A1:A2)")]
    [InlineData("+8613800138000", "'+8613800138000")]
    [InlineData("-1", "-1")]
    [InlineData("-1234.56", "-1234.56")]
    [InlineData("-1+2", "'-1+2")]
    [InlineData("-A1", "'-A1")]
    [InlineData("  =1+1", "'  =1+1")]
    [InlineData(" -1", "' -1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("上海=恒达", "上海=恒达")]
    [InlineData("", "")]
    [InlineData(null, null)]
    public void Cells_that_could_run_as_formulas_are_neutralized(string? cell, string? expected)
    {
        Assert.Equal(expected, ExportCells.Neutralize(cell));
    }

    [Fact]
    public void A_csv_line_quotes_separators_and_neutralizes_formulas()
    {
        Assert.Equal("\"a,b\",'=1+1,\"say \"\"hi\"\"\",", TableFile.CsvLine(["a,b", "=1+1", "say \"hi\"", null]));
    }

    [Theory]
    [InlineData("客户名称", "客户类型")]
    [InlineData("name", "TYPE")]
    [InlineData("客户名称/name", "客户类型/type")]
    public void Headers_are_accepted_in_Chinese_English_or_both(string nameHeader, string typeHeader)
    {
        var map = ImportColumns.Map(ImportKind.Customers, [nameHeader, "不认识的列", typeHeader]);

        Assert.Empty(map.Missing);
        Assert.Equal(Company, map.Value([Company, "x", "Enterprise"], "name"));
        Assert.Equal("Enterprise", map.Value([Company, "x", "Enterprise"], "type"));
        Assert.Equal(typeHeader, map.HeaderOf("type"));
    }

    [Fact]
    public void A_file_without_a_required_column_names_it_as_the_template_does()
    {
        var map = ImportColumns.Map(ImportKind.Leads, ["姓名", "手机"]);

        Assert.Equal(["来源/source"], map.Missing);
    }

    public static TheoryData<string> Encodings => new() { "utf-8-bom", "utf-8", "gb18030" };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Csv_from_Excel_reads_the_same_in_UTF8_with_or_without_BOM_and_GB18030(string encoding)
    {
        var text = $"客户名称,客户类型\n{Company},Enterprise\n\n\"北京,天成\",Smb\n";
        var bytes = encoding switch
        {
            "utf-8-bom" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "utf-8" => Encoding.UTF8.GetBytes(text),
            _ => CsvEncoding.Gb18030.GetBytes(text),
        };
        var path = Write(bytes, ".csv");

        using var reader = TabularFile.Open(path);
        var rows = reader.Rows().ToList();

        Assert.Equal(["客户名称", "客户类型"], reader.Headers);
        Assert.Equal([(2, Company), (4, "北京,天成")], rows.Select(r => (r.Line, r.Cells[0])));
    }

    [Fact]
    public void Xlsx_rows_read_as_text_with_their_line_numbers()
    {
        var path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.xlsx");
        MiniExcel.SaveAs(path, new[]
        {
            new Dictionary<string, object?> { ["姓名"] = "张伟", ["手机"] = 13800138000d },
            new Dictionary<string, object?> { ["姓名"] = "李娜", ["手机"] = "13900139000" },
        });

        using var reader = TabularFile.Open(path);
        var rows = reader.Rows().ToList();

        Assert.Equal(["姓名", "手机"], reader.Headers);
        Assert.Equal([(2, "张伟", "13800138000"), (3, "李娜", "13900139000")], rows.Select(r => (r.Line, r.Cells[0], r.Cells[1])));
    }

    [Fact]
    public void A_later_row_with_the_same_key_is_a_duplicate_of_the_first()
    {
        var duplicates = new InFileDuplicates();

        Assert.Empty(duplicates.See(2, [("mobile", "13800138000"), ("company", Company)]));
        Assert.Empty(duplicates.See(3, [("mobile", "13900139000")]));
        var problems = duplicates.See(4, [("mobile", "13900139000"), ("company", Company)]);

        Assert.Equal([("mobile", "3"), ("company", "2")], problems.Select(p => (p.Field!, p.Args["line"]!)));
        Assert.All(problems, p => Assert.Equal("import.duplicateInFile", p.Code));
    }

    [Fact]
    public void The_first_line_table_keeps_every_hash_through_growth_and_collisions()
    {
        var table = new InFileDuplicates.FirstLines();
        // The hashes share their low 32 bits, so at every size of the table they start at one slot and probe past each other.
        var hashes = Enumerable.Range(1, 5_000).Select(i => ((ulong)i << 32) | 0x5A5).ToList();

        Assert.All(hashes, (h, i) => Assert.Equal(i + 2, table.FirstOrAdd(h, i + 2)));
        Assert.All(hashes, (h, i) => Assert.Equal(i + 2, table.FirstOrAdd(h, 999_999)));
        Assert.Equal(30_000, table.FirstOrAdd(0, 30_000));
        Assert.Equal(30_000, table.FirstOrAdd(0, 30_001));
    }

    [Fact]
    public void Row_messages_read_in_the_readers_language()
    {
        var problem = ImportProblem.DuplicateInFile("mobile", 3);

        Assert.Equal("文件第 3 行已有相同的手机号。", problem.Describe(new System.Globalization.CultureInfo("zh-CN")));
        Assert.Contains("Line 3", problem.Describe(new System.Globalization.CultureInfo("en")), StringComparison.Ordinal);
    }

    [Fact]
    public void A_duplicate_points_at_the_column_it_matched_on()
    {
        var problem = Assert.Single(ImportProblem.From(SalesFlow.Core.Leads.LeadErrors.Duplicate(Guid.NewGuid(), "mobile")));

        Assert.Equal(("mobile", "lead.duplicate"), (problem.Field, problem.Code));
        Assert.Contains("手机号", problem.Describe(new System.Globalization.CultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    internal static string Write(byte[] bytes, string extension)
    {
        var path = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}{extension}");
        File.WriteAllBytes(path, bytes);
        return path;
    }
}
