using System.Net.Http.Json;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

/// <summary>
/// R11: a hundred script payloads stored as customer names, lead companies and an import's file name are shown as
/// text wherever they are rendered; none of them runs (no call of the page's trap, no dialog), and every page is
/// served with a Content-Security-Policy that refuses inline script.
/// </summary>
public sealed class StoredXssJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    private static readonly string[] Vectors =
    [
        "<script>__xss({0})</script>",
        "<img src=x onerror=__xss({0})>",
        "<svg onload=__xss({0})>",
        "<svg><script>__xss({0})</script></svg>",
        "<iframe srcdoc=\"<script>parent.__xss({0})</script>\"></iframe>",
        "<a href=\"javascript:__xss({0})\">点我</a>",
        "<body onload=__xss({0})>",
        "<details open ontoggle=__xss({0})>",
        "<input autofocus onfocus=__xss({0})>",
        "<video><source onerror=__xss({0})></video>",
        "<math><mtext><table><mglyph><style><img src=x onerror=__xss({0})>",
        "\"><img src=x onerror=__xss({0})>",
        "'><svg onload=__xss({0})>",
        "</textarea><script>__xss({0})</script>",
        "</title><script>__xss({0})</script>",
        "javascript:__xss({0})",
        "<object data=\"javascript:__xss({0})\"></object>",
        "<embed src=\"javascript:__xss({0})\">",
        "<marquee onstart=__xss({0})>滚动</marquee>",
        "<div style=\"background:url(javascript:__xss({0}))\">",
        "{{{{constructor.constructor('__xss({0})')()}}}}",
        "@(__xss({0}))",
        "<img src=1 onerror=window['__x'+'ss']({0})>",
        "<scr<script>ipt>__xss({0})</scr</script>ipt>",
        "<form><button formaction=javascript:__xss({0})>提交</button></form>",
    ];

    private static readonly string[] Wrappers = ["{0}", "华东{0}有限公司", "\"{0}", "'; {0} //"];

    /// <summary>100 payloads: every vector in every wrapper, each calling the trap with its own number.</summary>
    public static IReadOnlyList<string> Payloads { get; } =
        [.. Wrappers.SelectMany((wrapper, w) => Vectors.Select((vector, v) =>
            string.Format(Invariant, wrapper, string.Format(Invariant, vector, (w * Vectors.Length) + v))))];

    // A file name keeps no folder part (everything up to a slash is dropped), so the last payload goes without its slashes.
    private static string FileName => Payloads[99].Replace("/", "", StringComparison.Ordinal) + ".csv";

    private static System.Globalization.CultureInfo Invariant => System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public async Task A_hundred_stored_script_payloads_render_as_text_and_none_runs()
    {
        Assert.Equal(100, Payloads.Count);
        using var api = await server.ApiAsync("rep.huadong.1");
        var customers = new List<(string Id, string Name)>();
        for (var i = 0; i < 60; i++)
        {
            var name = $"XSS{i:D3} {Payloads[i]}";
            using var created = await api.PostAsJsonAsync("/api/v1/customers", new { name, type = "Enterprise" });
            var body = await created.Content.ReadAsStringAsync();
            Assert.True(created.IsSuccessStatusCode, body);
            customers.Add((System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!, name));
        }

        for (var i = 60; i < 99; i++)
        {
            using var created = await api.PostAsJsonAsync("/api/v1/leads", new { name = $"XSS{i:D3}", company = Payloads[i], mobile = $"1378888{i:D4}", source = "Website", region = "华东" });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
        }

        using (var form = new MultipartFormDataContent
        {
            { new StringContent("leads"), "kind" },
            { new StringContent("true"), "dryRun" },
            { new ByteArrayContent(Encoding.UTF8.GetBytes("姓名/name,公司/company,手机/mobile,邮箱/email,来源/source,区域/region\n甲,乙有限公司,13799990001,,Website,华东\n")), "file", FileName },
        })
        {
            using var upload = await api.PostAsync("/api/v1/imports", form);
            Assert.True(upload.IsSuccessStatusCode, await upload.Content.ReadAsStringAsync());
        }

        var context = await browser.NewContextAsync(server);
        await context.AddInitScriptAsync("window.__xssHits = []; window.__xss = n => window.__xssHits.push(n);");
        var dialogs = new List<string>();
        var cspHeaders = new List<string?>();
        await Journey.RunAsync(context, async page =>
        {
            page.Dialog += (_, dialog) =>
            {
                dialogs.Add(dialog.Message);
                _ = dialog.DismissAsync();
            };
            page.Response += (_, response) =>
            {
                if (response.Request.ResourceType == "document")
                {
                    cspHeaders.Add(response.Headers.GetValueOrDefault("content-security-policy"));
                }
            };

            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GotoAsync("/customers");
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("customer-search").FillAsync("XSS0");
            await Expect(page.GetByTestId("customer-grid")).ToContainTextAsync(customers[0].Name);
            await Expect(page.GetByTestId("customer-grid")).ToContainTextAsync(customers[5].Name);
            await NoneRanAsync(page);

            foreach (var (id, name) in customers.Where((_, i) => i % 7 == 0))
            {
                await page.GotoAsync($"/customers/{id}");
                await Journey.WaitForCircuitAsync(page);
                await Expect(page.GetByTestId("customer-name")).ToHaveTextAsync(name);
                await page.GetByRole(AriaRole.Tab, new() { Name = "历史" }).ClickAsync();
                await Expect(page.GetByTestId("audit-trail")).ToBeVisibleAsync();
                await NoneRanAsync(page);
            }

            await page.GotoAsync("/leads");
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("lead-search").FillAsync("XSS0");
            await Expect(page.GetByTestId("lead-grid")).ToContainTextAsync(Payloads[98]);
            await Expect(page.GetByTestId("lead-grid")).ToContainTextAsync(Payloads[85]);
            await NoneRanAsync(page);

            await page.GotoAsync("/imports");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("recent-imports")).ToContainTextAsync(FileName);
            await NoneRanAsync(page);
        });

        Assert.Empty(dialogs);
        Assert.NotEmpty(cspHeaders);
        Assert.All(cspHeaders, csp =>
        {
            Assert.NotNull(csp);
            Assert.Contains("script-src 'self' 'nonce-", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-inline';", csp.Split("style-src")[0], StringComparison.Ordinal);
        });
    }

    private static async Task NoneRanAsync(IPage page)
    {
        await page.WaitForTimeoutAsync(300); // let event handlers (onerror, onload, ontoggle) fire if they were live
        var hits = await page.EvaluateAsync<int[]>("() => window.__xssHits");
        Assert.True(hits.Length == 0, $"Payloads ran on {page.Url}: {string.Join(", ", hits)}");
    }
}
