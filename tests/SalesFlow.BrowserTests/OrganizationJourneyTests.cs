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
            await page.GetByTestId("lang-en").ClickAsync();
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("nav-org")).ToContainTextAsync("Organization");
            await Expect(page.GetByTestId("page-title")).ToHaveTextAsync("Organization");

            await page.GetByTestId("logout").ClickAsync();
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/account/login"));
            await Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        });
    }
}
