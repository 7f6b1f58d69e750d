using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class PromotionJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task The_manager_follows_the_running_launch_dealer_by_dealer_and_dealer_1_sees_its_own_allocation_in_the_portal()
    {
        var year = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).Year;
        var launch = $"{year}年冬季新品上市推广";
        string? campaign = null;

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GotoAsync("/promotions");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("促销与新品推广");
            var row = page.Locator("tr").Filter(new() { HasText = launch });
            await Expect(row.GetByTestId("promotion-status")).ToHaveTextAsync("进行中");
            await row.GetByTestId("promotion-link").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/promotions/[0-9a-f-]{36}$"));
            campaign = new Uri(page.Url).AbsolutePath;

            await Expect(page.GetByTestId("page-title")).ToContainTextAsync(launch);
            await Expect(page.GetByTestId("promotion-status")).ToHaveTextAsync("进行中");
            // Tracked dealer by dealer from the real sell-in: DLR-000001 is among the 华东 dealers allocated.
            await Expect(page.GetByTestId("tracking-line").Filter(new() { HasText = "DLR-000001" }).First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("tracking-products")).ToBeVisibleAsync();
        });

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "dealer.1");
            await page.GotoAsync("/portal/promotions");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("我的活动");
            var mine = page.GetByTestId("portal-promotion").Filter(new() { HasText = launch });
            await Expect(mine.GetByTestId("portal-promotion-name")).ToHaveTextAsync(launch);
            await Expect(mine.GetByTestId("portal-promotion-product").First).ToBeVisibleAsync();
            // Only its own allocation: no other dealer's code on the page.
            await Expect(page.Locator("body")).Not.ToContainTextAsync("DLR-000002");
        });

        await Journey.RunAsync(await browser.NewContextAsync(server, width: 390, height: 844), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GotoAsync(campaign!);
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("tracking-line").First).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);
        });
    }
}
