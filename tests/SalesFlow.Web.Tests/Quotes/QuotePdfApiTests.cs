using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SalesFlow.Core.Quotes;
using SalesFlow.Testing;
using SalesFlow.Web.Features.Quotes;
using SalesFlow.Web.Resources;
using UglyToad.PdfPig;

namespace SalesFlow.Web.Tests.Quotes;

/// <summary>The app printing with the test machine's Chromium (SALESFLOW_CHROMIUM or Debian's).</summary>
public sealed class PdfApp : SalesFlowApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Documents:ChromiumPath", BrowserRequirement.ChromiumPath);
}

/// <summary>The app with the printer pointing at a browser that is not there.</summary>
public sealed class NoChromiumApp : SalesFlowApp
{
    public const string MissingPath = "/nonexistent/salesflow-test/chromium";

    protected override void ConfigureSettings(IWebHostBuilder builder) => builder.UseSetting("Documents:ChromiumPath", MissingPath);
}

/// <summary>
/// GET /quotes/{id}/pdf printed by headless Chromium: a real PDF whose text (read back with PdfPig) holds the Chinese
/// customer name, in the customer's language or ?lang=, in the reader's scope. Needs Chromium: skipped with the fix
/// where it is missing, a failure with SALESFLOW_REQUIRE_BROWSER=1.
/// </summary>
public sealed class QuotePdfApiTests(PdfApp app) : IClassFixture<PdfApp>
{
    internal static async Task<(JsonElement Quote, string ProductZh, string ProductEn)> QuoteForNewCustomerAsync(HttpClient rep, string name, string language)
    {
        var customer = await rep.PostJsonAsync("/api/v1/customers", new { name, type = "Enterprise", preferredLanguage = language }, HttpStatusCode.Created);
        Assert.Equal(language, customer.Str("preferredLanguage"));
        foreach (var product in (await rep.GetJsonAsync("/api/v1/quotes/products?take=100")).EnumerateArray().Where(p => p.Number("quantityDecimals") == 0))
        {
            using var response = await rep.Post("/api/v1/quotes", new
            {
                customerId = customer.Id(),
                title = "数控设备报价",
                terms = "含税价，货到付款",
                lines = new[] { new { productId = product.Id(), quantity = 2m, discountPercent = 3m } },
            });
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await response.JsonAsync(HttpStatusCode.Created), product.Str("nameZh"), product.Str("nameEn"));
            }
        }

        throw new InvalidOperationException("No demo product is priced for the new customer.");
    }

    /// <summary>
    /// The PDF's text without spaces, NFKC-normalized: Chromium's font subsets map some CJK glyphs that Noto shares with
    /// the Kangxi radicals back to the radical (⼯ for 工); NFKC folds those to the ideograph. A few glyphs are mapped to
    /// CJK radical supplements NFKC does not fold (⻆ for 角), so the tests look for names without them, plus SKUs.
    /// </summary>
    internal static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return string.Concat(document.GetPages().Select(p => p.Text)).Replace(" ", "", StringComparison.Ordinal).Normalize(System.Text.NormalizationForm.FormKC);
    }

    private static string Squeeze(string text) => text.Replace(" ", "", StringComparison.Ordinal);

    [Fact]
    public async Task A_quote_prints_as_a_pdf_in_the_customers_language_with_the_chinese_text_in_it()
    {
        BrowserRequirement.EnsureChromium();
        var rep = await app.ClientAsync("rep.huadong.6");
        var (quote, _, _) = await QuoteForNewCustomerAsync(rep, "杭州明睿精密机械有限公司", "zh-CN");

        using var response = await rep.Get($"/api/v1/quotes/{quote.Id()}/pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(quote.Str("displayNumber") + ".pdf", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var pdf = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.InRange(pdf.Length, 5_000, 5_000_000);

        var text = TextOf(pdf);
        Assert.Contains("杭州明睿精密机械有限公司", text, StringComparison.Ordinal);
        Assert.Contains("报价单", text, StringComparison.Ordinal);
        Assert.Contains(quote.Str("displayNumber"), text, StringComparison.Ordinal);
        Assert.Contains(quote.GetProperty("lines")[0].Str("sku"), text, StringComparison.Ordinal);
        Assert.Contains("¥" + quote.GetProperty("grossAmount").GetDecimal().ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);
        Assert.Contains("含税价，货到付款".Normalize(System.Text.NormalizationForm.FormKC), text, StringComparison.Ordinal); // NFKC: "，" is ","
    }

    [Fact]
    public async Task An_english_customer_gets_english_and_lang_overrides_the_customers_language()
    {
        BrowserRequirement.EnsureChromium();
        var rep = await app.ClientAsync("rep.huadong.6");
        var (quote, _, productEn) = await QuoteForNewCustomerAsync(rep, "苏州博远自动化有限公司", "en");

        using var english = await rep.Get($"/api/v1/quotes/{quote.Id()}/pdf");
        var text = TextOf(await english.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("Quotation", text, StringComparison.Ordinal);
        Assert.Contains(Squeeze(productEn), text, StringComparison.Ordinal);
        Assert.Contains("苏州博远自动化有限公司", text, StringComparison.Ordinal);
        Assert.Contains("CNY" + quote.GetProperty("grossAmount").GetDecimal().ToString("#,0.00", System.Globalization.CultureInfo.InvariantCulture), text, StringComparison.Ordinal);

        using var chinese = await rep.Get($"/api/v1/quotes/{quote.Id()}/pdf?lang=zh-CN");
        var zhText = TextOf(await chinese.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.Contains("报价单", zhText, StringComparison.Ordinal);
        Assert.Contains("价税合计", zhText, StringComparison.Ordinal);
        Assert.DoesNotContain("Quotation", zhText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_pdf_is_read_in_scope_and_an_unknown_language_is_refused()
    {
        var rep = await app.ClientAsync("rep.huadong.6");
        var (quote, _, _) = await QuoteForNewCustomerAsync(rep, "宁波海诚液压有限公司", "zh-CN");

        var otherRegion = await app.ClientAsync("rep.huabei.1");
        using var hidden = await otherRegion.Get($"/api/v1/quotes/{quote.Id()}/pdf");
        await hidden.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");

        using var unknown = await rep.Get($"/api/v1/quotes/{quote.Id()}/pdf?lang=fr");
        Assert.Contains("lang", (await unknown.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        using var missing = await rep.Get($"/api/v1/quotes/{Guid.NewGuid()}/pdf");
        await missing.ProblemAsync(HttpStatusCode.NotFound);

        using var anonymous = app.Anonymous();
        using var refused = await anonymous.Get($"/api/v1/quotes/{quote.Id()}/pdf");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [Fact]
    public async Task A_customer_prefers_chinese_by_default_may_switch_to_english_and_nothing_else()
    {
        var rep = await app.ClientAsync("rep.huadong.6");
        using var response = await rep.Post("/api/v1/customers", new { name = "测试语言客户", type = "Enterprise", preferredLanguage = "fr" });
        Assert.Contains("preferredLanguage", (await response.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());

        var created = await rep.PostJsonAsync("/api/v1/customers", new { name = "测试语言客户", type = "Enterprise" }, HttpStatusCode.Created);
        Assert.Equal("zh-CN", created.Str("preferredLanguage"));
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(created.GetRawText())!;
        body["preferredLanguage"] = "en";
        var updated = await rep.PutJsonAsync($"/api/v1/customers/{created.Id()}", body);
        Assert.Equal("en", updated.Str("preferredLanguage"));
        body["preferredLanguage"] = "de";
        body["version"] = updated.Number("version");
        using var refused = await rep.Put($"/api/v1/customers/{created.Id()}", body);
        Assert.Contains("preferredLanguage", (await refused.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public void Every_value_in_the_html_is_encoded()
    {
        var localizer = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var line = new QuoteDocumentLine(1, "SKU-<b>", "产品<img src=x onerror=alert(1)>", "Product <i>", 2, "台", 2, "台", 100m, 0, 100m, 0.13m, 200m, 26m, 226m);
        var data = new QuoteDocumentData(
            Guid.NewGuid(), "QT-2026-000001", 1, "标题 & <title>", QuoteStatus.Approved, "CUS-1", "<script>alert('x')</script>客户", "地址\"><a>", null, "zh-CN",
            "联系人<u>", "销售<s>", "CNY", new DateOnly(2026, 11, 30), new DateOnly(2026, 12, 30), "条款</p><script>", 200m, 26m, 226m, [line]);

        var html = QuoteDocument.Html(data, "zh-CN", "公司<h1>", localizer);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        foreach (var raw in new[] { "<b>", "<i>", "<u>", "<s>", "<a>", "\"><a>", "</p><script>" })
        {
            Assert.DoesNotContain(raw, html, StringComparison.Ordinal);
        }

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;客户", html, StringComparison.Ordinal);
        Assert.Contains("产品&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("标题 &amp; &lt;title&gt;", html, StringComparison.Ordinal);
        Assert.Contains("公司&lt;h1&gt;", html, StringComparison.Ordinal);
        Assert.Contains("报价单", html, StringComparison.Ordinal); // the labels come from the zh-CN resx
        Assert.Contains("¥226.00", html, StringComparison.Ordinal);
        Assert.Equal(1, CountOf(html, "<title>")); // only the document's own title element
    }

    private static int CountOf(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;
}

/// <summary>With Documents:ChromiumPath pointing nowhere the download is a 503 that names the setting, never a 500.</summary>
public sealed class QuotePdfUnavailableTests(NoChromiumApp app) : IClassFixture<NoChromiumApp>
{
    [Theory]
    [InlineData("zh-CN", "无法生成 PDF")]
    [InlineData("en", "PDF printing is not available")]
    public async Task A_missing_chromium_is_a_503_naming_the_setting(string culture, string text)
    {
        var rep = await app.ClientAsync("rep.huadong.6");
        var (quote, _, _) = await QuotePdfApiTests.QuoteForNewCustomerAsync(rep, "无锡远拓机电有限公司" + culture, "zh-CN");

        using var response = await rep.Send(HttpMethod.Get, $"/api/v1/quotes/{quote.Id()}/pdf", configure: r => r.Headers.AcceptLanguage.ParseAdd(culture));
        var problem = await response.ProblemAsync(HttpStatusCode.ServiceUnavailable, "document.printerMissing");
        Assert.Contains(text, problem.Str("title"), StringComparison.Ordinal);
        Assert.Contains("Documents:ChromiumPath", problem.Str("title"), StringComparison.Ordinal);
        Assert.Contains(NoChromiumApp.MissingPath, problem.Str("title"), StringComparison.Ordinal);
    }
}
