using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class PlanningJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    private const string Company = "远航工业集团销售公司";
    private const string Huadong = "华东大区";

    [Fact]
    public async Task Director_sets_and_splits_a_year_target_a_manager_splits_further_a_plan_is_returned_then_approved_and_plan_vs_actual_shows_the_gap()
    {
        var year = (DateTime.UtcNow.AddHours(8).Year + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);

        // 1. The director sets next year's collections (回款) target for the company and splits it by last year's share.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "director");
            await page.GetByTestId("nav-targets").ClickAsync();
            await ShowAsync(page, year, "回款");
            await Expect(page.GetByTestId("targets-empty")).ToBeVisibleAsync();
            await page.GetByTestId("target-create").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByTestId("create-owner")).ToContainTextAsync(Company);
            await dialog.GetByTestId("create-amount").FillAsync("60000000");
            await dialog.GetByTestId("create-reason").FillAsync("2027 年回款目标");
            await dialog.GetByTestId("create-save").ClickAsync();
            var company = page.GetByTestId("target-row-" + Company);
            await Expect(company.GetByTestId("target-amount")).ToContainTextAsync("60,000,000");

            await company.GetByTestId("target-split").ClickAsync();
            var split = page.GetByRole(AriaRole.Dialog);
            await Expect(split.GetByTestId("split-child-" + Huadong)).ToBeVisibleAsync();
            await Expect(split.Locator("tr[data-testid^='split-child-']")).ToHaveCountAsync(6);
            await split.GetByTestId("split-save").ClickAsync();
            await Expect(page.GetByTestId("target-row-" + Huadong)).ToBeVisibleAsync();
            await Expect(company.GetByTestId("target-sum-check").Locator("svg")).ToBeVisibleAsync(); // the parts sum to the parent
        });

        // 2. The 华东 manager splits the region's share down to the teams.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GetByTestId("nav-targets").ClickAsync();
            await ShowAsync(page, year, "回款");
            var region = page.GetByTestId("target-row-" + Huadong);
            await Expect(region).ToBeVisibleAsync();
            await Expect(page.GetByTestId("target-row-华北大区")).ToHaveCountAsync(0); // another region is out of scope
            await region.GetByTestId("target-split").ClickAsync();
            var split = page.GetByRole(AriaRole.Dialog);
            await Expect(split.Locator("tr[data-testid^='split-child-']").First).ToBeVisibleAsync();
            var teams = await split.Locator("tr[data-testid^='split-child-']").CountAsync();
            Assert.True(teams >= 2, $"{teams} teams offered");
            await split.GetByTestId("split-save").ClickAsync();
            await Expect(page.Locator("tr[data-testid^='target-row-']")).ToHaveCountAsync(1 + teams);
            await Expect(region.GetByTestId("target-sum-check").Locator("svg")).ToBeVisibleAsync();
        });

        // 3. The rep's plan for next month (lines through the API), submitted in the UI; the manager returns it, the rep
        //    submits again, the manager approves.
        Guid planId;
        using (var rep = await server.ApiAsync("rep.huadong.1"))
        {
            using var created = await rep.PostAsJsonAsync("/api/v1/plans", new { });
            Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
            var plan = await created.Content.ReadFromJsonAsync<JsonElement>();
            planId = plan.GetProperty("id").GetGuid();
            var customers = await rep.GetFromJsonAsync<JsonElement>("/api/v1/customers?pageSize=1&sort=name");
            var customerId = customers.GetProperty("items")[0].GetProperty("id").GetGuid();
            var products = await rep.GetFromJsonAsync<JsonElement>($"/api/v1/orders/priced-products?customerId={customerId}");
            var productId = products.EnumerateArray().First(p => p.GetProperty("sku").GetString() == "BM-RBR-HRB400").GetProperty("id").GetGuid();
            using var saved = await rep.PutAsJsonAsync($"/api/v1/plans/{planId}", new
            {
                notes = "春节前备货，推广新型号",
                lines = new[] { new { customerId, productId, quantity = 50m } },
                version = plan.GetProperty("version").GetInt32(),
            });
            Assert.True(saved.IsSuccessStatusCode, await saved.Content.ReadAsStringAsync());
        }

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GetByTestId("nav-plans").ClickAsync();
            await page.GetByTestId("plan-link").First.ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath($"/plans/{planId}"));
            await Expect(page.GetByTestId("plan-line")).ToHaveCountAsync(1);
            await page.GetByTestId("plan-submit").ClickAsync();
            await Expect(page.GetByTestId("plan-status")).ToContainTextAsync("已提交");
        });

        await DecideAsync("plan-return", "客户A的数量偏低，请按去年同期调整");
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");
            await page.GotoAsync($"/plans/{planId}");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("plan-status")).ToContainTextAsync("已退回");
            await Expect(page.GetByTestId("plan-manager-comment")).ToContainTextAsync("按去年同期调整");
            await page.GetByTestId("line-quantity").FillAsync("80");
            await page.GetByTestId("plan-save").ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已保存");
            await page.GetByTestId("plan-submit").ClickAsync();
            await Expect(page.GetByTestId("plan-status")).ToContainTextAsync("已提交");
        });
        await DecideAsync("plan-approve", "同意");

        // 4. Plan vs. actual: the director's company node shows target, actual and the gap, and drills down to 华东.
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "director");
            await page.GetByTestId("nav-plan-vs-actual").ClickAsync();
            await Expect(page.GetByTestId("pva-table")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("pva-gap")).ToContainTextAsync("¥");
            await Expect(page.GetByTestId("pva-chart")).ToBeVisibleAsync();
            await page.GetByTestId("pva-row-" + Huadong).GetByTestId("pva-drill").ClickAsync();
            await Expect(page.GetByTestId("pva-breadcrumb")).ToContainTextAsync(Company);
            await Expect(page.GetByTestId("pva-node")).ToContainTextAsync(Huadong);
            await Expect(page.GetByTestId("pva-orders")).ToBeVisibleAsync();

            // On a phone the same page (opened there, so the charts are drawn for its width) fits the screen.
            await page.SetViewportSizeAsync(390, 844);
            await page.ReloadAsync();
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("pva-node")).ToContainTextAsync(Huadong);
            await Expect(page.GetByTestId("pva-chart")).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);
        });

        async Task DecideAsync(string button, string comment) =>
            await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
            {
                await Journey.SignInAsync(page, "manager.huadong");
                await page.GotoAsync($"/plans/{planId}");
                await Journey.WaitForCircuitAsync(page);
                await page.GetByTestId(button).ClickAsync();
                await page.GetByTestId("decision-comment").FillAsync(comment);
                await page.GetByTestId("dialog-confirm").ClickAsync();
                await Expect(page.GetByTestId("plan-status")).ToContainTextAsync(button == "plan-approve" ? "已批准" : "已退回");
            });
    }

    private static async Task ShowAsync(IPage page, string period, string measure)
    {
        var input = page.GetByTestId("target-period");
        await input.FillAsync(period);
        await input.PressAsync("Enter");
        await page.GetByTestId("target-measure").ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = measure }).First.ClickAsync();
    }
}
