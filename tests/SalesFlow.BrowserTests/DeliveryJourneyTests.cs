using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class DeliveryJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    /// <summary>A confirmed demo order nothing of which is planned or delivered yet.</summary>
    private async Task<string> OpenDemoOrderAsync()
    {
        using var logistics = await server.ApiAsync("logistics");
        var orders = (await logistics.GetFromJsonAsync<JsonElement>("/api/v1/orders?status=Confirmed&pageSize=50")).GetProperty("items").EnumerateArray();
        foreach (var order in orders)
        {
            var plannable = await logistics.GetFromJsonAsync<JsonElement>($"/api/v1/deliveries/plannable?orderId={order.GetProperty("id").GetGuid()}");
            if (plannable.GetProperty("lines").EnumerateArray().All(l => l.GetProperty("remaining").GetDecimal() == l.GetProperty("ordered").GetDecimal()))
            {
                return order.GetProperty("number").GetString()!;
            }
        }

        throw new InvalidOperationException("The demo has no confirmed order without a planned delivery.");
    }

    [Fact]
    public async Task Logistics_plans_and_ships_a_demo_order_then_reports_and_resolves_damage()
    {
        var number = await OpenDemoOrderAsync();
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "logistics");
            await page.GetByTestId("nav-deliveries").ClickAsync();
            await Expect(page.GetByTestId("delivery-grid")).ToContainTextAsync("DL-");
            await page.GetByTestId("new-delivery").ClickAsync();
            await Journey.PickAsync(page, page.GetByTestId("pick-order"), number);
            await Expect(page.GetByTestId("plan-order")).ToHaveTextAsync(number);
            await Expect(page.GetByTestId("plan-remaining").First).Not.ToHaveTextAsync("0");
            await page.GetByTestId("plan-carrier").FillAsync("德邦");
            await page.GetByTestId("plan-quote").ClickAsync();
            await Expect(page.GetByTestId("plan-freight")).ToContainTextAsync("¥");
            await page.GetByTestId("plan-save").ClickAsync();
            await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/deliveries/[0-9a-f-]{36}$"));
            await Expect(page.GetByTestId("delivery-status")).ToHaveTextAsync("待发货");
            await Expect(page.GetByTestId("delivery-order")).ToHaveTextAsync(number);

            await page.GetByTestId("delivery-ship").DispatchEventAsync("click"); // the "planned" snackbar may lie over the button
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("verb-tracking").FillAsync("DPK202611300001");
            await dialog.GetByTestId("verb-location").FillAsync("上海成品仓");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(page.GetByTestId("delivery-status")).ToHaveTextAsync("运输中");
            await Expect(page.GetByTestId("delivery-tracking")).ToHaveTextAsync("DPK202611300001");
            await Expect(page.GetByTestId("delivery-timeline")).ToContainTextAsync("上海成品仓");

            await page.GetByTestId("delivery-open-exception").DispatchEventAsync("click");
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("exception-description").FillAsync("外箱破损，一台设备面板划伤");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            var card = page.GetByTestId("exception-card");
            await Expect(card.GetByTestId("exception-status")).ToHaveTextAsync("处理中");
            await Expect(card).ToContainTextAsync("破损");

            await card.GetByTestId("exception-resolve").DispatchEventAsync("click");
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("resolve-text").FillAsync("补发面板，运损由承运商赔付");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(card.GetByTestId("exception-status")).ToHaveTextAsync("已处理");
            await Expect(card.GetByTestId("exception-resolution")).ToContainTextAsync("补发面板");

            // The order took the shipped quantities.
            await page.GetByTestId("delivery-order").ClickAsync();
            await Expect(page.GetByTestId("order-status")).ToHaveTextAsync("已发货");

            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/deliveries");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("delivery-grid")).ToContainTextAsync("DL-");
            await Journey.AssertFitsAsync(page);
        });
    }
}
