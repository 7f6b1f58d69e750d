using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class OrderJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    /// <summary>
    /// The whole order to cash in one journey (issue 4): a quote with a discount over the rep's authority → the manager
    /// approves it in the inbox → the customer accepts → the order → credit hold → finance releases → logistics ships
    /// with a damage exception it resolves → finance invoices → a receipt → the aging shows it.
    /// </summary>
    [Fact]
    public async Task A_quote_over_authority_becomes_an_order_that_is_held_released_shipped_with_an_exception_invoiced_paid_and_aged()
    {
        // A customer of the rep with a token credit limit (set by finance), so any order is held.
        var name = "全流程客户" + Random.Shared.Next(1000, 9999) + "有限公司";
        using (var rep = await server.ApiAsync("rep.huadong.1"))
        using (var finance = await server.ApiAsync("finance"))
        {
            using var created = await rep.PostAsJsonAsync("/api/v1/customers", new { name, type = "Enterprise" });
            var customer = await created.Content.ReadFromJsonAsync<JsonElement>();
            using var credit = await finance.PostAsJsonAsync(
                $"/api/v1/customers/{customer.GetProperty("id").GetGuid()}/credit", new { creditLimit = 1m, paymentTermsDays = 30, version = customer.GetProperty("version").GetInt32() });
            credit.EnsureSuccessStatusCode();
        }

        var title = "全流程报价" + Random.Shared.Next(1000, 9999);
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-quotes").ClickAsync();
            await page.GetByTestId("new-quote").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("quote-title").FillAsync(title);
            await Journey.PickAsync(page, dialog.GetByTestId("quote-customer"), name);
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/quotes/[0-9a-f-]{36}$"));

            await page.GetByTestId("add-line").ClickAsync();
            await page.GetByTestId("line-product").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").First.ClickAsync();
            var discount = page.GetByTestId("line-discount");
            await discount.FillAsync("8");
            await discount.BlurAsync();
            await page.GetByTestId("save-quote").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存");
            await page.GetByTestId("submit-quote").ClickAsync();
            await Expect(page.GetByTestId("quote-status")).ToHaveTextAsync("待审批");
        });

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GetByTestId("nav-approvals").ClickAsync();
            var row = page.GetByTestId("approval-row").Filter(new() { HasTextString = title });
            await row.GetByTestId("approve").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("approval-comment").FillAsync("同意 8%");
            await dialog.GetByTestId("approval-confirm").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已批准");
        });

        // The rep sends it, the customer accepts, and the order made from it is submitted: held for credit (the
        // discount the manager approved is not asked for again).
        string orderUrl = "";
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-quotes").ClickAsync();
            await page.GetByTestId("quote-search").FillAsync(title);
            await page.GetByTestId("quote-link").First.ClickAsync();
            await page.GetByTestId("send-quote").ClickAsync();
            await Expect(page.GetByTestId("quote-status")).ToHaveTextAsync("已发送");
            await page.GetByTestId("accept-quote").ClickAsync();
            await Expect(page.GetByTestId("quote-status")).ToHaveTextAsync("已接受");
            await page.GetByTestId("quote-order").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/orders/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("草稿");
            await Expect(page.GetByTestId("order-source-quote")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("credit-panel")).ToContainTextAsync("¥1.00");
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
        });

        // Logistics plans the delivery from the order, ships it, and handles a damage case.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "logistics");
            await page.GotoAsync(orderUrl);
            await Journey.WaitForCircuitAsync(page);
            await page.GetByTestId("order-plan-delivery").ClickAsync();
            await Expect(page.GetByTestId("plan-remaining").First).Not.ToHaveTextAsync("0");
            await page.GetByTestId("plan-carrier").FillAsync("顺丰");
            await page.GetByTestId("plan-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/deliveries/[0-9a-f-]{36}$"));
            await page.GetByTestId("delivery-ship").DispatchEventAsync("click");
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("verb-tracking").FillAsync("SF1234567890");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(page.GetByTestId("delivery-status")).ToHaveTextAsync("运输中");
            await page.GetByTestId("delivery-open-exception").DispatchEventAsync("click");
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("exception-description").FillAsync("外包装破损");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            var card = page.GetByTestId("exception-card");
            await Expect(card.GetByTestId("exception-status")).ToHaveTextAsync("处理中");
            await card.GetByTestId("exception-resolve").DispatchEventAsync("click");
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("resolve-text").FillAsync("承运商赔付，客户确认收货");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(card.GetByTestId("exception-status")).ToHaveTextAsync("已处理");
        });

        // Finance invoices the delivered order, records a part receipt, and the aging shows the customer.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "finance");
            await page.GotoAsync(orderUrl);
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("已发货");
            await page.GetByTestId("order-invoice").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/invoices/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("invoice-status")).ToHaveTextAsync("未收款");
            await page.GetByTestId("invoice-receive").DispatchEventAsync("click"); // the "invoice created" snackbar lies over the button
            var dialog = page.GetByRole(AriaRole.Dialog);
            var amount = dialog.GetByTestId("receipt-amount");
            await amount.FillAsync("1");
            await amount.BlurAsync();
            var allocation = dialog.GetByTestId("allocation-amount");
            await allocation.FillAsync("1");
            await allocation.BlurAsync();
            await dialog.GetByTestId("receipt-reference").FillAsync("BK20261130001");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();
            await Expect(page.GetByTestId("invoice-status")).ToHaveTextAsync("部分收款");

            await page.GetByTestId("nav-aging").ClickAsync();
            await page.GetByTestId("aging-filter").FillAsync(name);
            await Expect(page.GetByTestId("aging-row").Filter(new() { HasTextString = name })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("aging-table")).ToContainTextAsync("未到期");
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/receipts");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("receipt-grid")).ToContainTextAsync("BK20261130001");
            await Journey.AssertFitsAsync(page);
        });
    }
}
