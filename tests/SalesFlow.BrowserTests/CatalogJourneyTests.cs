using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class CatalogJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task The_director_creates_a_bulk_product_prices_it_on_a_new_list_submits_it_active_at_once_and_a_rep_sees_no_cost()
    {
        var suffix = Random.Shared.Next(1000, 9999);
        var sku = $"T-BULK-{suffix}";
        var code = $"PL-T-{suffix}";

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "director");
            await page.GetByTestId("nav-products").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/products"));
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-cost").First).ToBeVisibleAsync();
            await page.GetByTestId("product-search").FillAsync("CS-BRG");
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-sku")).ToHaveCountAsync(2);
            await page.GetByTestId("product-search").FillAsync("");
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-sku")).ToHaveCountAsync(20);

            await page.GetByTestId("new-product").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("product-sku-input").FillAsync(sku);
            await dialog.GetByTestId("product-line-input").FillAsync("建材散货");
            await dialog.GetByTestId("product-name-zh-input").FillAsync("散装矿粉 S105（测试）");
            await dialog.GetByTestId("product-category-input").FillAsync("掺合料");
            await dialog.GetByTestId("product-unit-input").FillAsync("t");
            await dialog.GetByTestId("product-decimals-input").FillAsync("3");
            await dialog.GetByTestId("product-cost-input").FillAsync("298.5");
            await dialog.GetByTestId("add-conversion").ClickAsync();
            await dialog.GetByTestId("conversion-unit").FillAsync("kg");
            await dialog.GetByTestId("conversion-factor").FillAsync("0.001");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await page.GetByTestId("product-search").FillAsync(sku);
            // One row once the search has run (a text check on the unfiltered 20 rows would fail at once, not wait).
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-sku")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-sku")).ToHaveTextAsync(sku);
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-cost")).ToContainTextAsync("298.50");

            await page.GetByTestId("nav-price-lists").ClickAsync();
            await Expect(page.GetByTestId("price-list-grid").GetByTestId("price-list-status").First).ToBeVisibleAsync();
            await page.GetByTestId("new-price-list").ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("price-list-code-input").FillAsync(code);
            await dialog.GetByTestId("price-list-name-input").FillAsync("矿粉调价（测试）");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/price-lists/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("price-items")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("price-list-status")).ToHaveTextAsync("草稿");

            await Journey.PickAsync(page, page.GetByTestId("item-product"), sku);
            await page.GetByTestId("item-min-input").FillAsync("0");
            await page.GetByTestId("item-price-input").FillAsync("330");
            await page.GetByTestId("item-floor-input").FillAsync("310");
            await page.GetByTestId("save-item").ClickAsync();
            await Expect(page.GetByTestId("price-item")).ToHaveCountAsync(1);
            await page.GetByTestId("item-min-input").FillAsync("50.5");
            await page.GetByTestId("item-price-input").FillAsync("318");
            await page.GetByTestId("item-floor-input").FillAsync("300");
            await page.GetByTestId("save-item").ClickAsync();
            await Expect(page.GetByTestId("price-item")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("item-min").Nth(1)).ToHaveTextAsync("50.5");

            // The director is the price lists' approver: their own submit needs nobody else and the list is active at once.
            await page.GetByTestId("submit-price-list").ClickAsync();
            await Expect(page.GetByTestId("price-list-status")).ToHaveTextAsync("已生效");
            await Expect(page.GetByTestId("item-editor")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("activate-price-list")).ToHaveCountAsync(0);
        });

        await Journey.RunAsync(await browser.NewContextAsync(server, width: 390, height: 844), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GotoAsync("/products");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-sku").First).ToBeVisibleAsync();
            await page.GetByTestId("product-search").FillAsync(sku);
            // One row once the search has run (a text check on the unfiltered 20 rows would fail at once, not wait).
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-sku")).ToHaveCountAsync(1, new() { Timeout = 15_000 });
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-sku")).ToHaveTextAsync(sku);
            await Expect(page.GetByTestId("product-grid").GetByTestId("product-cost")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("product-grid")).Not.ToContainTextAsync("成本");
            await Expect(page.GetByTestId("new-product")).ToHaveCountAsync(0);
            await Journey.AssertFitsAsync(page);
        }, "A_rep_sees_no_cost");
    }

    [Fact]
    public async Task The_2027_price_change_waits_in_the_directors_inbox_and_its_page_shows_the_approval()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server, width: 390, height: 844), async page =>
        {
            await Journey.SignInAsync(page, "director");
            await page.GotoAsync("/approvals");
            await Journey.WaitForCircuitAsync(page);
            var row = page.Locator("[data-testid=approval-row][data-subject=PL-CN-2027]");
            await Expect(row).ToContainTextAsync("全国标准价（2027 调价）");
            await Expect(row).ToContainTextAsync("项价格");
            await row.GetByTestId("approval-subject").ClickAsync();

            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/price-lists/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("price-list-status")).ToHaveTextAsync("待审批");
            await Expect(page.GetByTestId("price-list-pending-approval")).ToContainTextAsync("总监");
            await Expect(page.GetByTestId("price-list-approval")).ToHaveAttributeAsync("data-status", "Pending");
            await Expect(page.GetByTestId("approval-reason")).ToContainTextAsync("PL-CN-BASE");
            await Expect(page.GetByTestId("decide-price-list")).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);
        });
    }
}
