using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class OrganizationJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task The_director_adds_a_team_under_a_region_then_switches_to_English_and_logs_out()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            var team = "测试团队" + Random.Shared.Next(1000, 9999);

            await Journey.SignInAsync(page, "director");
            await page.GetByTestId("nav-org").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/org"));
            var tree = page.GetByTestId("org-tree");
            await Expect(tree.GetByText("华东大区", new() { Exact = true })).ToBeVisibleAsync();

            await tree.GetByText("华东大区", new() { Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("华东大区");
            await page.GetByTestId("add-unit").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("unit-name-input").FillAsync(team);
            await dialog.GetByTestId("unit-code-input").FillAsync("HD-T" + team[^4..]);
            await dialog.GetByTestId("dialog-save").ClickAsync();

            await Expect(dialog).ToBeHiddenAsync();
            await Expect(tree.GetByText(team, new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync(team);

            await page.GetByTestId("language-menu").ClickAsync();
            await Journey.ReloadByAsync(page, () => page.GetByTestId("lang-en").ClickAsync());
            await Expect(page.GetByTestId("nav-org")).ToContainTextAsync("Organization");
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Organization");

            // The choice is saved on the director's account: switch back so the class's other journeys read Chinese.
            await page.GetByTestId("language-menu").ClickAsync();
            await Journey.ReloadByAsync(page, () => page.GetByTestId("lang-zh").ClickAsync());
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("组织架构");

            await page.GetByTestId("logout").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/account/login"));
            await Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task The_director_adds_an_employee_to_a_team_and_finds_the_addition_in_their_history()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            var name = "测试员工" + Random.Shared.Next(1000, 9999);

            await Journey.SignInAsync(page, "director");
            // The language is saved on the account and another journey switches it: choose Chinese explicitly.
            await page.GotoAsync("/account/culture?culture=zh-CN&returnUrl=%2Forg");
            await Journey.WaitForCircuitAsync(page);
            var tree = page.GetByTestId("org-tree");
            await tree.GetByText("华东大区", new() { Exact = true }).ClickAsync();
            await tree.GetByText("上海团队", new() { Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("上海团队");
            await page.GetByTestId("add-employee").ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByTestId("employee-name-input").FillAsync(name);
            await dialog.GetByTestId("employee-mobile-input").FillAsync("13800138000");
            await dialog.GetByTestId("dialog-save").ClickAsync();
            await Expect(dialog).ToBeHiddenAsync();

            await page.GetByTestId("employee-search").FillAsync(name);
            var row = page.GetByTestId("employee-grid").GetByTestId("employee-open");
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToHaveTextAsync(name);
            await row.ClickAsync();
            await page.GetByRole(AriaRole.Tab, new() { Name = "历史" }).ClickAsync();

            await Expect(page.GetByTestId("assignment-history")).ToContainTextAsync("上海团队");
            await Expect(page.GetByTestId("audit-trail")).ToContainTextAsync("创建记录");
            await Expect(page.GetByTestId("audit-trail")).ToContainTextAsync("director");
        });
    }
}
