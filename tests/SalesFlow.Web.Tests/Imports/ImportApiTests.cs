using System.Net;
using System.Text;

namespace SalesFlow.Web.Tests.Imports;

public sealed class ImportApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private const string LeadHeader = "姓名/name,公司/company,手机/mobile,邮箱/email,来源/source,区域/region\n";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_is_accepted_then_polled_until_its_rows_are_saved()
    {
        var rep = await app.ClientAsync("rep.huadong.1");

        using var response = await UploadAsync(rep, "leads", LeadHeader + "导入甲,导入甲机电有限公司,13611110001,,Exhibition,华东\n导入乙,导入乙贸易有限公司,13611110002,,Website,华东\n");
        var accepted = await response.JsonAsync(HttpStatusCode.Accepted);
        var job = await ApiCalls.ImportJobAsync(rep, accepted.Id());

        Assert.Equal($"/api/v1/imports/{accepted.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(("Leads", "Queued"), (accepted.Str("kind"), accepted.Str("status")));
        Assert.Equal(("Succeeded", 2, 2, 100), (job.Str("status"), job.Number("rowsRead"), job.Number("rowsApplied"), job.Number("progress")));
        var found = await rep.GetJsonAsync("/api/v1/leads?q=导入甲机电");
        Assert.Equal("导入甲", Assert.Single(found.Items()).Str("name"));
    }

    [Fact]
    public async Task A_rejected_file_lists_its_errors_by_line_and_gives_them_back_as_a_file_with_the_rows()
    {
        var rep = await app.ClientAsync("rep.huadong.2");

        using var response = await UploadAsync(rep, "leads", LeadHeader + "错行甲,错行甲有限公司,13622220001,,Exhibition,华东\n错行乙,,,,Exhibition,华东\n");
        var job = await ApiCalls.ImportJobAsync(rep, (await response.JsonAsync(HttpStatusCode.Accepted)).Id());
        using var csv = await rep.Get($"/api/v1/imports/{job.Id()}/errors?format=csv");
        var text = await csv.Content.ReadAsStringAsync(Ct);
        using var xlsx = await rep.Get($"/api/v1/imports/{job.Id()}/errors?format=xlsx");

        Assert.Equal(("Rejected", 1, 1, 0), (job.Str("status"), job.Number("rowsValid"), job.Number("rowsInvalid"), job.Number("rowsApplied")));
        var error = Assert.Single(job.GetProperty("errors").EnumerateArray());
        Assert.Equal((3, "lead.needsContactWay"), (error.Number("line"), error.Str("code")));
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("姓名/name,公司/company,手机/mobile,邮箱/email,来源/source,区域/region,", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("错行乙,,,,Exhibition,华东,3,", lines[1], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK", Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync(Ct))[..2]));
    }

    [Fact]
    public async Task Another_users_job_is_not_found_but_a_director_sees_it()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        using var response = await UploadAsync(rep, "leads", LeadHeader + "范围甲,,13633330001,,Exhibition,华东\n", dryRun: true);
        var job = await ApiCalls.ImportJobAsync(rep, (await response.JsonAsync(HttpStatusCode.Accepted)).Id());

        var other = await app.ClientAsync("rep.huabei.1");
        using var seen = await other.Get($"/api/v1/imports/{job.Id()}");
        using var errors = await other.Get($"/api/v1/imports/{job.Id()}/errors?format=csv");
        var director = await app.ClientAsync("director");

        Assert.Equal("DryRunDone", job.Str("status"));
        await seen.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        await errors.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        Assert.Equal(job.Id(), (await director.GetJsonAsync($"/api/v1/imports/{job.Id()}")).Id());
    }

    [Fact]
    public async Task A_wrong_kind_or_file_type_is_refused_before_any_job_exists()
    {
        var rep = await app.ClientAsync("rep.huadong.1");

        using var kind = await UploadAsync(rep, "orders", LeadHeader);
        using var type = await UploadAsync(rep, "leads", LeadHeader, fileName: "leads.txt");
        using var finance = await UploadAsync(await app.ClientAsync("finance"), "leads", LeadHeader);

        Assert.Contains("kind", (await kind.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("file", (await type.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(HttpStatusCode.Forbidden, finance.StatusCode);
    }

    [Fact]
    public async Task Templates_carry_Chinese_and_English_headers()
    {
        var rep = await app.ClientAsync("rep.huadong.1");

        var csv = await (await rep.Get("/api/v1/imports/templates/customers?format=csv")).Content.ReadAsStringAsync(Ct);
        using var xlsx = await rep.Get("/api/v1/imports/templates/contacts?format=xlsx");

        Assert.StartsWith("客户名称/name,客户类型/type,", csv.TrimStart('\uFEFF'), StringComparison.Ordinal);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task An_export_is_exactly_the_filtered_list_within_the_callers_scope()
    {
        var manager = await app.ClientAsync("manager.huadong");
        var list = await ApiCalls.AllPagesAsync(manager, "/api/v1/customers?class=B&sort=number");
        var export = await CsvAsync(manager, "/api/v1/exports/customers?class=B&sort=number&format=csv");

        Assert.NotEmpty(list);
        Assert.Equal(list.Select(c => c.Str("number")), export.Skip(1).Select(r => r[0]));
        Assert.Equal("客户编号", export[0][0]);

        var huabeiRep = await app.ClientAsync("rep.huabei.1");
        var theirs = (await ApiCalls.AllPagesAsync(huabeiRep, "/api/v1/customers?sort=number")).Select(c => c.Str("number")).ToHashSet();
        var exported = (await CsvAsync(huabeiRep, "/api/v1/exports/customers?sort=number&format=csv")).Skip(1).Select(r => r[0]).ToList();
        Assert.Equal(theirs.Order(StringComparer.Ordinal), exported.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(list.First().Str("number"), exported);
    }

    [Fact]
    public async Task Exported_cells_that_look_like_formulas_are_neutralized_and_headers_follow_the_language()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        await rep.PostJsonAsync("/api/v1/leads", new { name = "=HYPERLINK(\"x\")", company = "公式测试有限公司", mobile = "13644440001", source = "Website", region = "华东" }, HttpStatusCode.Created);

        var rows = await CsvAsync(rep, "/api/v1/exports/leads?q=公式测试&format=csv", language: "en");
        using var xlsx = await rep.Get("/api/v1/exports/leads?q=公式测试");

        Assert.Equal("name", rows[0][0]);
        Assert.Equal("'=HYPERLINK(\"x\")", Assert.Single(rows.Skip(1))[0]);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Contacts_export_follows_the_customer_filters()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var customers = await ApiCalls.AllPagesAsync(rep, "/api/v1/customers?sort=number");
        var rows = await CsvAsync(rep, "/api/v1/exports/contacts?format=csv");

        Assert.All(rows.Skip(1), r => Assert.Contains(r[0], customers.Select(c => c.Str("number"))));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string kind, string csv, bool dryRun = false, string fileName = "leads.csv")
    {
        return await client.UploadAsync(kind, Encoding.UTF8.GetBytes(csv), fileName, dryRun: dryRun);
    }



    private static async Task<List<string[]>> CsvAsync(HttpClient client, string url, string language = "zh-CN")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await client.SendAsync(request, Ct);
        var text = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.IsSuccessStatusCode, text);
        // The rows checked here have no quoted commas except inside the formula cell.
        return text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.StartsWith("\"'=", StringComparison.Ordinal) ? [line[1..line.IndexOf("\",", StringComparison.Ordinal)].Replace("\"\"", "\"", StringComparison.Ordinal)] : line.Split(','))
            .ToList();
    }
}
