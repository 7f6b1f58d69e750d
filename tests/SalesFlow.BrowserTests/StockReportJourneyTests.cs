using System.Globalization;
using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class StockReportJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    private const string Sku = "BM-CEM-P425";

    [Fact]
    public async Task A_dealer_uploads_last_months_stock_report_and_the_area_manager_sees_its_over_stock_among_the_anomalies()
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var first = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        var month = first.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        // 90 left after selling 10 in the month: 90 ÷ (10 ÷ days of the month) days of stock, far above the 60-day setting.
        var daysOfStock = (90 * DateTime.DaysInMonth(first.Year, first.Month) / 10).ToString(CultureInfo.InvariantCulture);

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "dealer.1");
            await page.GotoAsync("/stock-reports");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("进销存报表");

            var csv = "月份/month,产品编码/sku,期初库存/opening,本月进货/purchases,本月销售/sales,期末库存/closing\n"
                + $"{month},{Sku},100,0,10,90\n";
            await page.Locator("input[type=file]").First.SetInputFilesAsync(
                new FilePayload { Name = "进销存.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
            await Expect(page.GetByTestId("stock-import-job")).ToHaveAttributeAsync("data-status", "Succeeded", new() { Timeout = 30_000 });

            var row = page.Locator($"[data-testid=stock-report-row][data-month='{month}']");
            await Expect(row).ToContainTextAsync("草稿");
            await row.GetByTestId("stock-report-open").ClickAsync();
            var line = page.Locator($"[data-testid=stock-line][data-sku='{Sku}']");
            await Expect(line.Locator("[data-flag=overStock]")).ToHaveTextAsync("库存积压");
            await page.GetByTestId("stock-report-submit").ClickAsync();
            await Expect(page.GetByTestId("stock-report-status")).ToHaveAttributeAsync("data-status", "Submitted");
        });

        await Journey.RunAsync(await browser.NewContextAsync(server, width: 390, height: 844), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GotoAsync("/stock-reports/anomalies");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("进销存异常");
            await Expect(page.GetByTestId("anomaly-month")).ToHaveValueAsync(month);
            await page.GetByTestId("anomaly-flag").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "库存积压" }).ClickAsync();

            var flagged = page.Locator($"[data-testid=anomaly-row][data-dealer='DLR-000001'][data-sku='{Sku}']");
            while (await flagged.CountAsync() == 0 && await page.GetByTestId("anomaly-more").CountAsync() > 0)
            {
                await page.GetByTestId("anomaly-more").ClickAsync();
            }

            await Expect(flagged.Locator("[data-flag=overStock]")).ToBeVisibleAsync();
            await Expect(flagged).ToContainTextAsync(daysOfStock);
            await Journey.AssertFitsAsync(page);
        });
    }
}
