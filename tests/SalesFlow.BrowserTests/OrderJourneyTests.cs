using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class OrderJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    private async Task<HttpClient> ApiAsync(string userName)
    {
        var api = new HttpClient { BaseAddress = server.BaseAddress };
        using var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Journey.DemoPassword });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return api;
    }

    [Fact]
    public async Task An_order_over_the_limit_is_held_finance_releases_it_invoices_it_and_the_receipt_shows_in_the_aging()
    {
        // A customer of the rep with a small credit limit (set by finance).
        var name = "信用旅程客户" + Random.Shared.Next(1000, 9999) + "有限公司";
        using (var rep = await ApiAsync("rep.huadong.1"))
        using (var finance = await ApiAsync("finance"))
        {
            using var created = await rep.PostAsJsonAsync("/api/v1/customers", new { name, type = "Enterprise" });
            var customer = await created.Content.ReadFromJsonAsync<JsonElement>();
            using var credit = await finance.PostAsJsonAsync(
                $"/api/v1/customers/{customer.GetProperty("id").GetGuid()}/credit", new { creditLimit = 1_000m, paymentTermsDays = 30, version = customer.GetProperty("version").GetInt32() });
            credit.EnsureSuccessStatusCode();
        }

        string orderUrl = "";
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-orders").ClickAsync();
            await page.GetByTestId("new-order").ClickAsync();
            await page.GetByTestId("order-customer-picker").FillAsync(name);
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = name }).First.ClickAsync();
            await page.GetByTestId("line-product").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = "螺纹钢" }).First.ClickAsync();
            await Expect(page.GetByTestId("line-price")).ToContainTextAsync("/t");
            var quantity = page.GetByTestId("line-quantity");
            await quantity.FillAsync("12.5");
            await quantity.BlurAsync();
            await page.GetByTestId("order-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/orders/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("草稿");
            await Expect(page.GetByTestId("credit-panel")).ToContainTextAsync("¥1,000.00");

            await page.GetByTestId("order-submit").ClickAsync();
            await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("信用冻结");
            await Expect(page.GetByTestId("order-hold-reason")).ToHaveTextAsync("超出信用额度");
            await Expect(page.GetByTestId("order-release")).ToHaveCountAsync(0);
            orderUrl = page.Url;
        });

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "finance");
            await page.GotoAsync(orderUrl);
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("order-release").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("reason-input").FillAsync("客户已预付货款");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("已确认");
            await Expect(page.GetByTestId("order-release-reason")).ToHaveTextAsync("客户已预付货款");

            await page.GetByTestId("order-invoice").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/invoices/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("invoice-status")).ToHaveTextAsync("未收款");
            await page.GetByTestId("invoice-receive").DispatchEventAsync("click"); // the "invoice created" snackbar lies over the button
            dialog = page.GetByRole(AriaRole.Dialog);
            var amount = dialog.GetByTestId("receipt-amount");
            await amount.FillAsync("10000");
            await amount.BlurAsync();
            var allocation = dialog.GetByTestId("allocation-amount");
            await allocation.FillAsync("10000");
            await allocation.BlurAsync();
            await dialog.GetByTestId("receipt-reference").FillAsync("BK20261130001");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByTestId("invoice-status")).ToHaveTextAsync("部分收款");

            await page.GetByTestId("nav-aging").ClickAsync();
            await page.GetByTestId("aging-filter").FillAsync(name);
            var row = page.GetByTestId("aging-row").Filter(new() { HasTextString = name });
            await Expect(row).ToBeVisibleAsync();
            await Expect(page.GetByTestId("aging-table")).ToContainTextAsync("未到期");
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/receipts");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("receipt-grid")).ToContainTextAsync("BK20261130001");
            await Journey.AssertFitsAsync(page);
        });
    }
}
