using System.Net;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R11, the HTTP half (the browser half is StoredXssJourneyTests): pages carry a Content-Security-Policy that refuses
/// inline script except by this response's nonce, every response is <c>nosniff</c> and unframeable, and every file
/// download is an <c>attachment</c> with its real content type.
/// </summary>
public sealed class SecurityHeaderTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_page_refuses_inline_script_except_its_own_import_map_by_a_fresh_nonce()
    {
        using var anonymous = app.Anonymous();
        using var first = await anonymous.Get("/account/login");
        using var second = await anonymous.Get("/account/login");
        var html = await first.Content.ReadAsStringAsync(Ct);

        var csp = Policy(first);
        var scripts = Directive(csp, "script-src");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("'self' 'nonce-", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scripts, StringComparison.Ordinal);
        Assert.Equal("'none'", Directive(csp, "object-src"));
        Assert.Equal("'none'", Directive(csp, "frame-ancestors"));
        var nonce = scripts["'self' 'nonce-".Length..^1];
        Assert.Contains($"nonce=\"{nonce}\"", html, StringComparison.Ordinal);
        Assert.NotEqual(csp, Policy(second));
        AssertNoSniffNoFrame(first);
    }

    [Fact]
    public async Task Api_answers_are_nosniff_and_unframeable_too()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        using var json = await rep.Get("/api/v1/customers?pageSize=1");
        using var problem = await app.Anonymous().Get("/api/v1/customers");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        AssertNoSniffNoFrame(json);
        Assert.Equal(HttpStatusCode.Unauthorized, problem.StatusCode);
        AssertNoSniffNoFrame(problem);
    }

    [Theory]
    [InlineData("/api/v1/exports/customers?format=csv", "text/csv")]
    [InlineData("/api/v1/exports/customers?format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    [InlineData("/api/v1/exports/leads?format=csv", "text/csv")]
    [InlineData("/api/v1/exports/contacts?format=csv", "text/csv")]
    [InlineData("/api/v1/imports/templates/leads?format=csv", "text/csv")]
    [InlineData("/api/v1/imports/templates/leads?format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")]
    public async Task Every_download_is_an_attachment_with_its_content_type(string url, string mediaType)
    {
        var manager = await app.ClientAsync("manager.huadong");
        using var response = await manager.Get(url);

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.False(string.IsNullOrEmpty(response.Content.Headers.ContentDisposition?.FileName ?? response.Content.Headers.ContentDisposition?.FileNameStar));
        AssertNoSniffNoFrame(response);
    }

    [Fact]
    public async Task An_error_file_named_after_a_hostile_upload_keeps_its_name_inside_the_header()
    {
        var rep = await app.ClientAsync("rep.huadong.2");
        const string fileName = "客户\"名单\"; filename=evil.html; <b>.csv";
        using var form = new MultipartFormDataContent
        {
            { new StringContent("leads"), "kind" },
            { new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes("姓名/name,公司/company\n缺公司,\n")), "file", "upload.csv" },
        };
        form.Last().Headers.ContentDisposition!.FileNameStar = fileName;
        using var upload = await rep.PostAsync("/api/v1/imports", form, Ct);
        var id = (await rep.ImportJobAsync((await upload.JsonAsync(HttpStatusCode.Accepted)).Id())).Id();

        using var errors = await rep.Get($"/api/v1/imports/{id}/errors?format=csv");

        Assert.Equal(HttpStatusCode.OK, errors.StatusCode);
        var disposition = errors.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("客户\"名单\"; filename=evil.html; <b>-errors.csv", disposition.FileNameStar);
        Assert.Single(errors.Content.Headers.GetValues("Content-Disposition"));
    }

    private static string Policy(HttpResponseMessage response) =>
        Assert.Single(response.Headers.GetValues("Content-Security-Policy"));

    private static string Directive(string policy, string name) =>
        policy.Split(';', StringSplitOptions.TrimEntries).Single(d => d.StartsWith(name + " ", StringComparison.Ordinal))[(name.Length + 1)..];

    private static void AssertNoSniffNoFrame(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }
}
