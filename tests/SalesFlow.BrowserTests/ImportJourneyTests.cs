using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class ImportJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task A_rep_uploads_leads_sees_the_bad_row_by_line_fixes_it_and_imports_the_file()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            var suffix = Random.Shared.Next(1000, 9999);
            const string header = "姓名,公司,手机,邮箱,来源,区域\n";
            var good = $"导入线索{suffix},导入测试公司{suffix},1350000{suffix},,Exhibition,华东\n";
            var bad = $"缺联系方式{suffix},另一家公司{suffix},,,Exhibition,华东\n";

            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-imports").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/imports"));
            await page.GetByTestId("import-kind").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "线索" }).First.ClickAsync();
            await Expect(page.GetByTestId("template-csv")).ToHaveAttributeAsync("href", "/api/v1/imports/templates/leads?format=csv");

            await Upload(page, header + good + bad);
            await Expect(page.GetByTestId("import-status")).ToHaveAttributeAsync("data-status", "Rejected");
            var error = page.GetByTestId("import-error");
            await Expect(error).ToHaveCountAsync(1);
            await Expect(error).ToHaveAttributeAsync("data-line", "3");
            await Expect(error).ToContainTextAsync("手机号或电子邮箱");
            await Expect(page.GetByTestId("import-applied")).ToHaveTextAsync("0");
            await Expect(page.GetByTestId("error-file-csv")).ToBeVisibleAsync();

            var fixedBad = $"缺联系方式{suffix},另一家公司{suffix},1350001{suffix},,Exhibition,华东\n";
            await Upload(page, header + good + fixedBad);
            await Expect(page.GetByTestId("import-status")).ToHaveAttributeAsync("data-status", "Succeeded");
            await Expect(page.GetByTestId("import-applied")).ToHaveTextAsync("2");
            await Expect(page.GetByTestId("import-errors")).ToHaveCountAsync(0);

            // Both attempts are listed; opening the rejected one shows its error again.
            await Expect(page.GetByTestId("recent-import")).ToHaveCountAsync(2);
            await page.GetByTestId("recent-import").Nth(1).ClickAsync();
            await Expect(page.GetByTestId("import-status")).ToHaveAttributeAsync("data-status", "Rejected");
            await Expect(page.GetByTestId("import-error")).ToHaveAttributeAsync("data-line", "3");

            await page.GetByTestId("nav-leads").ClickAsync();
            await Expect(page.GetByTestId("lead-grid").GetByTestId("lead-name").First).ToBeVisibleAsync();
            await page.GetByTestId("lead-search").FillAsync($"导入测试公司{suffix}");
            await Expect(page.GetByTestId("pager-info")).ToContainTextAsync("共 1 条");
            await Expect(page.GetByTestId("lead-grid").GetByTestId("lead-name")).ToHaveTextAsync($"导入线索{suffix}");
            await Expect(page.GetByTestId("export-csv")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/api/v1/exports/leads\\?q=.+&format=csv"));
        });
    }

    private static Task Upload(IPage page, string csv) =>
        page.Locator("input[type=file]").First.SetInputFilesAsync(new FilePayload { Name = "leads.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
}
