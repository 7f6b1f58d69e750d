using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class DealerPortalJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    private static readonly string[] InternalLinks = ["nav-home", "nav-customers", "nav-orders", "nav-invoices", "nav-products", "nav-stores"];

    /// <summary>
    /// Issue 6, the dealer portal: dealer.1 signs in and lands on its portal with only the portal's menu, orders two
    /// products at its tier prices, submits the order (confirmed or held as its credit says), finds it in its orders,
    /// sees its statement, opens its stores — and an internal page refuses it. The portal fits a phone.
    /// </summary>
    [Fact]
    public async Task A_dealer_user_orders_at_its_prices_submits_and_follows_its_orders_statement_and_stores_in_the_portal()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "dealer.1");
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/portal"));
            await Expect(page.GetByTestId("portal-tier")).ToHaveTextAsync("金牌");
            await Expect(page.GetByTestId("nav-portal")).ToBeVisibleAsync();
            foreach (var internalLink in InternalLinks)
            {
                await Expect(page.GetByTestId(internalLink)).ToHaveCountAsync(0);
            }

            // A new order of two products at its own prices.
            await page.GetByTestId("nav-portal-new-order").ClickAsync();
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("我要订货");
            await page.GetByTestId("line-product").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Nth(0).ClickAsync();
            await Expect(page.GetByTestId("line-price")).ToHaveCountAsync(1);
            await page.GetByTestId("add-line").ClickAsync();
            await page.GetByTestId("line-product").Nth(1).ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Nth(1).ClickAsync();
            await Expect(page.GetByTestId("line-price")).ToHaveCountAsync(2);
            // The preview follows the quantity: wait for the total to move off the one-piece figure before reading it.
            await Expect(page.GetByTestId("order-total")).Not.ToHaveTextAsync("¥0.00");
            var onePiece = await page.GetByTestId("order-total").InnerTextAsync();
            var quantity = page.GetByTestId("line-quantity").Nth(1);
            await quantity.FillAsync("2");
            await quantity.BlurAsync();
            await Expect(page.GetByTestId("order-total")).Not.ToHaveTextAsync(onePiece);
            var previewTotal = await page.GetByTestId("order-total").InnerTextAsync();
            await page.GetByTestId("order-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/portal/orders/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("草稿");
            await Expect(page.GetByTestId("order-line-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("order-total")).ToHaveTextAsync(previewTotal);
            var number = (await page.GetByTestId("page-title").InnerTextAsync()).Trim();

            await page.GetByTestId("order-submit").ClickAsync();
            await Expect(page.GetByTestId("order-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^(已确认|信用冻结|待审批)$"));

            // Its orders list shows it; the statement and its stores open.
            await page.GetByTestId("nav-portal-orders").ClickAsync();
            await Expect(page.GetByTestId("order-link").First).ToHaveTextAsync(number);
            await page.GetByTestId("nav-portal-statement").ClickAsync();
            await Expect(page.GetByTestId("portal-open-balance")).ToContainTextAsync("¥");
            await Expect(page.GetByTestId("portal-receipt-row").First).ToBeVisibleAsync();
            await page.GetByTestId("nav-portal-stores").ClickAsync();
            await Expect(page.GetByTestId("store-link").First).ToBeVisibleAsync();
            await page.GetByTestId("store-link").First.ClickAsync();
            await Expect(page.GetByTestId("store-standard-line").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("store-visits")).ToContainTextAsync("每月拜访");

            // An internal page refuses a dealer user.
            await page.GotoAsync("/customers");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("customer-grid")).ToHaveCountAsync(0);

            // The portal fits a phone.
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/portal");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("portal-credit")).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);
            await page.GotoAsync("/portal/statement");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("portal-aging")).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);
        });
    }
}
