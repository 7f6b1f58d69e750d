using System.Net;
using System.Text;
using System.Text.Json;
using MiniExcelLibs;
using SalesFlow.Core.Imports;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R8: malformed import files — wrong cell counts, broken quotes, a BOM, GBK, GBK rows inside a UTF-8 file, a 1 MB cell, bad
/// dates, numbers, e-mails and mobiles, duplicates inside the file and against the database, broken XLSX. Never a 500, never a job
/// that failed "internally": every bad row is reported with its line and a code naming the rule (and the field, when it is a
/// field's rule), in the caller's language. A file with a bad row applies nothing (the database's business tables keep their
/// fingerprint); asked to apply the valid rows only, exactly the valid rows are saved, once each.
/// </summary>
public sealed class MalformedFileTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private const string LeadHeader = "姓名/name,公司/company,手机/mobile,邮箱/email,来源/source,区域/region,需求/needs\n";

    // Jobs and their row errors are the import's own bookkeeping: they change with every upload.
    private static readonly string[] ImportTables = ["import_jobs", "import_row_errors"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rows_with_too_few_or_too_many_cells_are_reported_by_line_and_only_the_valid_rows_apply_when_asked()
    {
        var file = LeadHeader
            + "列数甲,列数甲机电有限公司,17100000001,,Exhibition,华东,\n"
            + "列数乙,列数乙有限公司\n"
            + "列数丙,列数丙有限公司,17100000003,,Exhibition,华东,,多出来的一格\n"
            + "列数丁,列数丁有限公司,17100000004,,Website,华东,,,,\n";

        var (job, applied) = await BothRulesAsync("leads", Encoding.UTF8.GetBytes(file), "columns.csv");

        AssertErrors(job, (3, "field.required", "source"), (4, "import.tooManyCells", null));
        Assert.Equal(("Succeeded", 2), (applied.Str("status"), applied.Number("rowsApplied")));
        Assert.Equal(["列数丁有限公司", "列数甲机电有限公司"], await LeadCompaniesAsync("列数"));
    }

    [Theory]
    [InlineData("unclosed", 3)]
    [InlineData("quoteInsideACell", 4)]
    public async Task A_broken_quote_makes_the_file_unreadable_from_its_line_which_is_named_and_nothing_is_applied(string how, int line)
    {
        var file = LeadHeader
            + "引号甲,引号甲有限公司,17200000001,,Exhibition,华东,\n"
            + (how == "unclosed" ? "引号乙,\"引号乙有限公司,17200000002,,Exhibition,华东,\n" : "引号乙,引号乙有限公司,17200000002,,Exhibition,华东,\n")
            + (how == "quoteInsideACell" ? "引号丙,\"引号丙\"有限公司,17200000003,,Exhibition,华东,\n" : "引号丙,引号丙有限公司,17200000003,,Exhibition,华东,\n")
            + "引号丁,引号丁有限公司,17200000004,,Exhibition,华东,\n";

        var (job, validOnly) = await BothRulesAsync("leads", Encoding.UTF8.GetBytes(file), "quotes.csv", expectNothingApplied: true);

        foreach (var attempt in new[] { job, validOnly })
        {
            Assert.Equal(("Failed", "import.unreadable"), (attempt.Str("status"), attempt.Str("failureCode")));
            AssertErrors(attempt, (line, "import.brokenQuotes", null));
        }
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-8 with a BOM")]
    [InlineData("GBK (Excel on a Chinese Windows)")]
    [InlineData("UTF-16 with a BOM")]
    public async Task A_file_in_any_encoding_Excel_writes_keeps_its_Chinese_intact(string encoding)
    {
        var tag = encoding.Length;
        var text = LeadHeader + $"编码{tag}甲,编码{tag}甲机电有限公司,173{tag:D4}0001,,Exhibition,华东,需要报价\n";
        var bytes = encoding switch
        {
            "utf-8" => Encoding.UTF8.GetBytes(text),
            "utf-8 with a BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
            "UTF-16 with a BOM" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            _ => CsvEncoding.Gb18030.GetBytes(text),
        };
        var rep = await app.ClientAsync("rep.huadong.3");

        var job = await ImportAsync(rep, "leads", bytes, "encoding.csv");

        Assert.Equal(("Succeeded", 1), (job.Str("status"), job.Number("rowsApplied")));
        var lead = Assert.Single((await rep.GetJsonAsync($"/api/v1/leads?q=编码{tag}甲机电")).Items());
        Assert.Equal(($"编码{tag}甲", $"编码{tag}甲机电有限公司"), (lead.Str("name"), lead.Str("company")));
    }

    [Fact]
    public async Task GBK_rows_inside_a_UTF8_file_are_reported_by_line_and_never_saved_garbled()
    {
        var utf8 = new UTF8Encoding(false);
        byte[] file =
        [
            .. utf8.GetBytes(LeadHeader + "混码甲,混码甲机电有限公司,17400000001,,Exhibition,华东,\n"),
            .. CsvEncoding.Gb18030.GetBytes("混码乙,混码乙有限公司,17400000002,,Exhibition,华东,\n"),
            .. utf8.GetBytes("混码丙,混码丙有限公司,17400000003,,Exhibition,华东,\n"),
        ];

        var (job, applied) = await BothRulesAsync("leads", file, "mixed.csv");

        AssertErrors(job, (3, "import.badEncoding", null));
        Assert.Contains("UTF-8", job.Errors()[0].Str("message"), StringComparison.Ordinal);
        Assert.Equal(("Succeeded", 2), (applied.Str("status"), applied.Number("rowsApplied")));
        Assert.Equal(["混码丙有限公司", "混码甲机电有限公司"], await LeadCompaniesAsync("混码"));
    }

    [Fact]
    public async Task A_one_megabyte_cell_is_refused_by_its_columns_rule_and_a_runaway_row_is_named_at_its_line()
    {
        var huge = new string('需', 1024 * 1024);
        var file = LeadHeader
            + "大格甲,大格甲有限公司,17500000001,,Exhibition,华东,\n"
            + $"大格乙,大格乙有限公司,17500000002,,Exhibition,华东,{huge}\n"
            + "大格丙,大格丙有限公司,17500000003,,Exhibition,华东,\n";
        var runaway = LeadHeader
            + "大格丁,大格丁有限公司,17500000004,,Exhibition,华东,\n"
            + $"大格戊,大格戊有限公司,17500000005,,Exhibition,华东,{new string('x', TabularFile.MaxRowChars + 10)}\n";

        var (job, applied) = await BothRulesAsync("leads", Encoding.UTF8.GetBytes(file), "huge.csv");
        var (tooLarge, _) = await BothRulesAsync("leads", Encoding.UTF8.GetBytes(runaway), "runaway.csv", expectNothingApplied: true);

        AssertErrors(job, (3, "field.stringLength", "needs"));
        Assert.Equal(("Succeeded", 2), (applied.Str("status"), applied.Number("rowsApplied")));
        Assert.Equal(["大格丙有限公司", "大格甲有限公司"], await LeadCompaniesAsync("大格"));
        Assert.Equal(("Failed", "import.unreadable"), (tooLarge.Str("status"), tooLarge.Str("failureCode")));
        AssertErrors(tooLarge, (3, "import.rowTooLarge", null));
    }

    [Fact]
    public async Task Bad_emails_and_mobiles_name_the_field_and_the_rule_in_the_callers_language()
    {
        var file = LeadHeader
            + "邮件甲,邮件甲有限公司,17600000001,zhang@,Exhibition,华东,\n"
            + "邮件乙,邮件乙有限公司,,@@example,Exhibition,华东,\n"
            + "邮件丙,邮件丙有限公司,手机号码,,Exhibition,华东,\n"
            + "邮件丁,邮件丁有限公司,17600000004,ding@example.com,Exhibition,华东,\n";

        var (job, applied) = await BothRulesAsync("leads", Encoding.UTF8.GetBytes(file), "emails.csv");
        var english = await app.ClientAsync("rep.huadong.4");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var chinese = await app.ClientAsync("rep.huadong.4");
        chinese.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-CN");
        var inEnglish = await english.GetJsonAsync($"/api/v1/imports/{job.Id()}");
        var inChinese = await chinese.GetJsonAsync($"/api/v1/imports/{job.Id()}");

        AssertErrors(job, (2, "field.email", "email"), (3, "field.email", "email"), (4, "field.phone", "mobile"));
        Assert.Equal(("邮箱/email", "手机/mobile"), (job.Errors()[0].Str("column"), job.Errors()[2].Str("column")));
        var labels = new Dictionary<string, (string English, string Chinese)> { ["email"] = ("e-mail", "电子邮箱"), ["mobile"] = ("mobile", "手机号") };
        foreach (var (en, zh) in inEnglish.Errors().Zip(inChinese.Errors()))
        {
            Assert.Contains(labels[en.Str("field")].English, en.Str("message"), StringComparison.Ordinal);
            Assert.Contains(labels[zh.Str("field")].Chinese, zh.Str("message"), StringComparison.Ordinal);
        }

        Assert.Equal(("Succeeded", 1), (applied.Str("status"), applied.Number("rowsApplied")));
        Assert.Equal(["邮件丁有限公司"], await LeadCompaniesAsync("邮件"));
    }

    [Fact]
    public async Task Duplicates_inside_the_file_and_against_the_database_are_reported_and_the_first_row_is_saved_once()
    {
        var rep = await app.ClientAsync("rep.huadong.5");
        await rep.PostJsonAsync("/api/v1/leads", new { name = "已有", company = "重复已有有限公司", mobile = "17700000009", source = "Website", region = "华东" }, HttpStatusCode.Created);
        var file = LeadHeader
            + "重复甲,重复甲有限公司,17700000001,,Exhibition,华东,\n"
            + "重复乙,重复乙有限公司,17700000001,,Exhibition,华东,\n"
            + "重复丙,重复丙有限公司,17700000009,,Exhibition,华东,\n"
            + "重复丁,重复已有有限公司,17700000004,,Exhibition,华东,\n"
            + "重复戊,重复甲有限公司,17700000005,,Exhibition,华东,\n";

        var (job, applied) = await BothRulesAsync("leads", Encoding.UTF8.GetBytes(file), "duplicates.csv");

        AssertErrors(job, (3, "import.duplicateInFile", "mobile"), (4, "lead.duplicate", "mobile"), (5, "lead.duplicate", "company"), (6, "import.duplicateInFile", "company"));
        Assert.Equal(("Succeeded", 1), (applied.Str("status"), applied.Number("rowsApplied")));
        Assert.Equal(["重复已有有限公司", "重复甲有限公司"], await LeadCompaniesAsync("重复"));
    }

    [Fact]
    public async Task Bad_months_and_numbers_in_a_stock_report_are_reported_by_line_and_field_and_nothing_is_applied()
    {
        var director = await app.ClientAsync("director");
        var skus = (await director.GetJsonAsync("/api/v1/products?pageSize=9")).Items().Select(p => p.Str("sku")).ToList();
        var file = "经销商编码/dealer,月份/month,产品编码/sku,期初库存/opening,本月进货/purchases,本月销售/sales,期末库存/closing\n"
            + $",2019-09,{skus[0]},0,100,60,40\n"
            + $",2019-13,{skus[1]},0,10,5,5\n"
            + $",2019-02-30,{skus[2]},0,10,5,5\n"
            + $",九月,{skus[3]},0,10,5,5\n"
            + $",2019-10,{skus[4]},0,1e5,5,5\n"
            + $",2019-10,{skus[5]},0,10,-5,15\n"
            + $",2019-10,{skus[6]},0,10.12345,5,5.12345\n"
            + $",2019-10,{skus[7]},0,99999999999999999999999999999999,5,5\n"
            + $",2019-10,{skus[8]},0,NaN,5,5\n";

        var (job, validOnly) = await BothRulesAsync("stock-reports", Encoding.UTF8.GetBytes(file), "stock.csv", user: "dealer.1", expectNothingApplied: true);

        AssertErrors(
            job,
            (3, "field.format", "month"),
            (4, "field.format", "month"),
            (5, "field.format", "month"),
            (6, "field.format", "purchases"),
            (7, "field.range", "sales"),
            (8, "field.decimals", "purchases"),
            (8, "field.decimals", "closing"),
            (9, "field.format", "purchases"),
            (10, "field.format", "purchases"));
        Assert.Equal(("Rejected", 0), (validOnly.Str("status"), validOnly.Number("rowsApplied")));
    }

    [Fact]
    public async Task A_header_longer_than_a_stored_column_name_is_reported_with_its_rows_not_failed_internally()
    {
        var header = "姓名/name/" + new string('长', 300) + ",公司/company,手机/mobile,来源/source\n";
        var file = header + "长头甲,长头甲有限公司,17800000001,Exhibition\n" + ",长头乙有限公司,17800000002,Exhibition\n";

        var (job, applied) = await BothRulesAsync("leads", Encoding.UTF8.GetBytes(file), "header.csv");

        AssertErrors(job, (3, "field.required", "name"));
        Assert.StartsWith("姓名/name/长长", job.Errors()[0].Str("column"), StringComparison.Ordinal);
        Assert.Equal(("Succeeded", 1), (applied.Str("status"), applied.Number("rowsApplied")));
    }

    [Fact]
    public async Task An_xlsx_with_bad_rows_is_reported_like_a_csv_and_a_broken_xlsx_is_unreadable_not_an_internal_error()
    {
        var rows = new List<Dictionary<string, object?>>
        {
            new() { ["A"] = "姓名", ["B"] = "公司", ["C"] = "手机", ["D"] = "来源", ["E"] = null },
            new() { ["A"] = "表格甲", ["B"] = "表格甲有限公司", ["C"] = 17900000001d, ["D"] = "Exhibition", ["E"] = null },
            new() { ["A"] = "表格乙", ["B"] = "表格乙有限公司", ["C"] = "17900000002", ["D"] = "Exhibition", ["E"] = "多余" },
            new() { ["A"] = "表格丙", ["B"] = "表格丙有限公司", ["C"] = "bad", ["D"] = "Exhibition", ["E"] = null },
        };
        using var sheet = new MemoryStream();
        await sheet.SaveAsAsync(rows, printHeader: false, cancellationToken: Ct);
        var good = sheet.ToArray();

        var (job, applied) = await BothRulesAsync("leads", good, "rows.xlsx");
        var (cut, _) = await BothRulesAsync("leads", good[..(good.Length / 2)], "cut.xlsx", expectNothingApplied: true);
        var (garbage, _) = await BothRulesAsync("leads", [.. "PK\u0003\u0004"u8, .. Encoding.ASCII.GetBytes(new string('z', 5000))], "garbage.xlsx", expectNothingApplied: true);

        AssertErrors(job, (3, "import.tooManyCells", null), (4, "field.phone", "mobile"));
        Assert.Equal(("Succeeded", 1), (applied.Str("status"), applied.Number("rowsApplied")));
        foreach (var broken in new[] { cut, garbage })
        {
            Assert.Equal(("Failed", "import.unreadable"), (broken.Str("status"), broken.Str("failureCode")));
        }
    }

    /// <summary>
    /// The file twice: all or nothing (rejected, the business tables unchanged), then asking for the valid rows only.
    /// Each answer is checked for the shape every upload must have: 202, a finished job, an error file in CSV and XLSX.
    /// </summary>
    private async Task<(JsonElement AllOrNothing, JsonElement ValidOnly)> BothRulesAsync(
        string kind, byte[] file, string fileName, string user = "rep.huadong.4", bool expectNothingApplied = false)
    {
        var client = await app.ClientAsync(user);
        var before = await DatabaseFingerprint.TakeAsync(app);
        var whole = await ImportAsync(client, kind, file, fileName);
        var changed = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(app)).Except(ImportTables).ToList();
        Assert.True(changed.Count == 0, $"A rejected file changed {string.Join(", ", changed)}");
        Assert.NotEqual("Succeeded", whole.Str("status"));
        Assert.Equal(0, whole.Number("rowsApplied"));

        var validOnly = await ImportAsync(client, kind, file, fileName, applyValidRowsOnly: true);
        if (expectNothingApplied)
        {
            var after = DatabaseFingerprint.Changed(before, await DatabaseFingerprint.TakeAsync(app)).Except(ImportTables).ToList();
            Assert.True(after.Count == 0, $"A file that applies nothing changed {string.Join(", ", after)}");
        }

        return (whole, validOnly);
    }

    private static async Task<JsonElement> ImportAsync(HttpClient client, string kind, byte[] file, string fileName, bool applyValidRowsOnly = false)
    {
        using var response = await client.UploadAsync(kind, file, fileName, applyValidRowsOnly);
        var job = await ApiCalls.ImportJobAsync(client, (await response.JsonAsync(HttpStatusCode.Accepted)).Id());
        Assert.NotEqual("common.internal", job.TryGetProperty("failureCode", out var code) ? code.GetString() : null);
        foreach (var format in new[] { "csv", "xlsx" })
        {
            using var errors = await client.Get($"/api/v1/imports/{job.Id()}/errors?format={format}");
            Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
            await errors.Content.ReadAsByteArrayAsync(Ct);
        }

        return job;
    }

    private static void AssertErrors(JsonElement job, params (int Line, string Code, string? Field)[] expected)
    {
        var errors = job.Errors();
        Assert.Equal(
            expected.Select(e => (e.Line, e.Code, e.Field)).Order(),
            errors.Select(e => (e.Number("line"), e.Str("code"), e.GetProperty("field").GetString())).Order());
        Assert.All(errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Str("message"))));
        if (job.Str("status") != "Failed")
        {
            Assert.Equal(expected.Select(e => e.Line).Distinct().Count(), job.Number("rowsInvalid"));
        }
    }

    private async Task<List<string>> LeadCompaniesAsync(string prefix)
    {
        var director = await app.ClientAsync("director");
        return [.. (await director.AllPagesAsync("/api/v1/leads?q=" + Uri.EscapeDataString(prefix))).Select(l => l.Str("company")).Where(c => c.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal)];
    }
}
