using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class ContractJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task A_rep_makes_a_contract_with_two_installments_links_an_order_signs_it_and_sees_the_fulfilment()
    {
        // A customer of the rep with credit, and a confirmed order of it to link.
        var name = "合同旅程客户" + Random.Shared.Next(1000, 9999) + "有限公司";
        string orderNumber;
        decimal total;
        using (var rep = await server.ApiAsync("rep.huadong.1"))
        using (var finance = await server.ApiAsync("finance"))
        {
            using var created = await rep.PostAsJsonAsync("/api/v1/customers", new { name, type = "Enterprise" });
            var customer = await created.Content.ReadFromJsonAsync<JsonElement>();
            var customerId = customer.GetProperty("id").GetGuid();
            using var credit = await finance.PostAsJsonAsync(
                $"/api/v1/customers/{customerId}/credit", new { creditLimit = 10_000_000m, paymentTermsDays = 30, version = customer.GetProperty("version").GetInt32() });
            credit.EnsureSuccessStatusCode();
            var products = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders/priced-products?customerId={customerId}");
            var product = products.EnumerateArray().First(p => p.GetProperty("sku").GetString() == "BM-RBR-HRB400").GetProperty("id").GetGuid();
            using var ordered = await rep.PostAsJsonAsync("/api/v1/orders", new { customerId, lines = new[] { new { productId = product, quantity = 20m } } });
            var order = await ordered.Content.ReadFromJsonAsync<JsonElement>();
            using var submitted = await rep.PostAsJsonAsync($"/api/v1/orders/{order.GetProperty("id").GetGuid()}/submit", new { });
            submitted.EnsureSuccessStatusCode();
            orderNumber = order.GetProperty("number").GetString()!;
            total = order.GetProperty("total").GetDecimal();
        }

        var advance = decimal.Round(total * 0.3m, 2);
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-contracts").ClickAsync();
            await page.GetByTestId("new-contract").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Journey.PickAsync(page, dialog.GetByTestId("contract-customer"), name);
            await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
            await dialog.GetByTestId("contract-title-input").FillAsync("年度螺纹钢供货合同");
            var amount = dialog.GetByTestId("contract-amount-input");
            await amount.FillAsync(total.ToString(CultureInfo.InvariantCulture));
            await amount.BlurAsync();
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/contracts/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("contract-grid")).ToHaveCountAsync(0, new() { Timeout = 30_000 }); // the list's rows carry state chips too, until the page swaps
            await Expect(page.GetByTestId("contract-state")).ToHaveTextAsync("草稿");

            // Two installments: 30 % advance, the rest offered by the editor for the second.
            await page.GetByTestId("installment-add").ClickAsync();
            var first = page.GetByTestId("installment-amount").Nth(0);
            await first.FillAsync(advance.ToString(CultureInfo.InvariantCulture));
            await first.BlurAsync();
            await page.GetByTestId("installment-milestone").Nth(0).FillAsync("预付款 30%");
            await page.GetByTestId("installment-add").ClickAsync();
            await Expect(page.GetByTestId("installment-row")).ToHaveCountAsync(2);
            await page.GetByTestId("installment-milestone").Nth(1).FillAsync("到货款 70%");
            await page.GetByTestId("contract-save").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存");

            // Link the customer's order.
            await page.GetByRole(AriaRole.Tab, new() { Name = "关联订单" }).ClickAsync();
            await Journey.PickAsync(page, page.GetByTestId("order-picker"), orderNumber);
            await page.GetByTestId("order-link").ClickAsync();
            await Expect(page.GetByTestId("linked-order")).ToContainTextAsync(orderNumber);

            // Sign it after confirming.
            await page.GetByTestId("contract-activate").ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByTestId("dialog-save").ClickAsync();
            await Expect(page.GetByTestId("contract-state")).ToHaveTextAsync("生效中");
            await Expect(page.GetByTestId("contract-activate")).ToHaveCountAsync(0);

            // The fulfilment: the whole amount is ordered, nothing delivered or collected yet; two installments.
            await page.GetByRole(AriaRole.Tab, new() { Name = "履约情况" }).ClickAsync();
            await Expect(page.GetByTestId("fulfilment-ordered")).ToContainTextAsync("100%");
            await Expect(page.GetByTestId("fulfilment-delivered")).ToContainTextAsync("0%");
            await Expect(page.GetByTestId("fulfilment-collected")).ToContainTextAsync("0%");
            await Expect(page.GetByTestId("installment-progress-row")).ToHaveCountAsync(2);
            await Expect(page.GetByTestId("installment-progress-row").Nth(0)).ToContainTextAsync("预付款 30%");

            await page.SetViewportSizeAsync(390, 844);
            await Journey.AssertFitsAsync(page);
            await page.GetByRole(AriaRole.Tab, new() { Name = "概况" }).ClickAsync();
            await Journey.AssertFitsAsync(page);
            await page.GotoAsync("/contracts");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("contract-grid")).ToContainTextAsync("年度");
            await Journey.AssertFitsAsync(page);
        });
    }
}
