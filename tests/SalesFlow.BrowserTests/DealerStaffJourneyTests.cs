using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class DealerStaffJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    /// <summary>
    /// Issue 6, dealer staff: dealer.1 adds a sales staff member in its portal; staff.1 (a demo staff member of the same
    /// dealer) records a store check through a store visit of one of the dealer's stores; the area manager (rep.huadong.1,
    /// who guides DLR-000001) opens the dealer's staff, sees last month's facts and scores a staff member. Fits a phone.
    /// </summary>
    [Fact]
    public async Task A_dealer_adds_staff_the_staff_checks_a_store_and_the_area_manager_scores_the_month()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "dealer.1");
            await page.GetByTestId("nav-portal-staff").ClickAsync();
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("我的业务员");
            await Expect(page.GetByTestId("staff-row").First).ToBeVisibleAsync();
            var before = await page.GetByTestId("staff-row").CountAsync();
            await page.GetByTestId("staff-add-open").ClickAsync();
            await page.GetByTestId("staff-add-name").FillAsync("吴佳怡");
            await page.GetByTestId("staff-add-mobile").FillAsync("13912345678");
            await page.GetByTestId("staff-add-username").FillAsync("staff.journey");
            await page.GetByTestId("staff-add-password").FillAsync(Journey.DemoPassword);
            await page.GetByTestId("staff-add-save").ClickAsync();
            await Expect(page.GetByTestId("staff-row")).ToHaveCountAsync(before + 1);
            await Expect(page.GetByTestId("staff-name").Filter(new() { HasText = "吴佳怡" })).ToHaveCountAsync(1);

            await page.SetViewportSizeAsync(390, 844);
            await Journey.AssertFitsAsync(page);
        });

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            // The staff member sees only the dealer's stores and records a check on a store visit.
            await Journey.SignInAsync(page, "staff.1");
            await page.GotoAsync("/stores");
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("store-link").First.ClickAsync();
            await Expect(page.GetByTestId("store-checks")).ToBeVisibleAsync();
            var checks = await page.GetByTestId("store-check-row").CountAsync();
            await page.GetByTestId("store-visit-start").ClickAsync();
            await page.GetByTestId("check-asked").FillAsync("4");
            await page.GetByTestId("check-recommending").FillAsync("3");
            await page.GetByTestId("check-notes").FillAsync("新品陈列到位");
            await page.GetByTestId("store-check-save").ClickAsync();
            await Expect(page.GetByTestId("store-check-form")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("store-check-row")).ToHaveCountAsync(Math.Min(checks + 1, 10));
            await Expect(page.GetByTestId("store-check-rate").First).ToContainTextAsync("3/4");
            await Expect(page.GetByTestId("store-recommend-rate")).ToContainTextAsync("%");

            await page.SetViewportSizeAsync(390, 844);
            await Journey.AssertFitsAsync(page);
        });

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            // The area manager opens the dealer's staff: last month's facts of the demo staff, the new one, and a score.
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GotoAsync("/dealers");
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("dealer-search").FillAsync("DLR-000001");
            await page.GetByTestId("dealer-search").PressAsync("Enter");
            await Expect(page.GetByTestId("dealer-link")).ToHaveCountAsync(1);
            await page.GetByTestId("dealer-link").ClickAsync();
            await page.GetByTestId("action-dealer-staff").ClickAsync();
            await Expect(page.GetByTestId("page-title")).ToContainTextAsync("经销商业务员");
            await Expect(page.GetByTestId("staff-name").Filter(new() { HasText = "吴佳怡" })).ToHaveCountAsync(1);
            var first = page.GetByTestId("staff-row").Filter(new() { HasNotText = "吴佳怡" }).First;
            await Expect(first.GetByTestId("staff-checks")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@": [1-9]\d*$"));
            await Expect(first.GetByTestId("staff-rate")).ToContainTextAsync("%");

            await first.GetByTestId("staff-score-open").ClickAsync();
            await first.GetByTestId("staff-score-input").FillAsync("77");
            await first.GetByTestId("staff-score-comment").FillAsync("主推率提升明显，继续保持");
            await first.GetByTestId("staff-score-save").ClickAsync();
            await Expect(first.GetByTestId("staff-score")).ToContainTextAsync("77");
            await Expect(first.GetByTestId("staff-score")).ToContainTextAsync("主推率提升明显");

            await page.SetViewportSizeAsync(390, 844);
            await Journey.AssertFitsAsync(page);
        });
    }
}
