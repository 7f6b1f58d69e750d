using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

/// <summary>
/// The README's pictures, in zh-CN at 1366×768, taken on a freshly seeded company. They go to
/// TestResults/screenshots/, or to SALESFLOW_SCREENSHOTS_DIR when set (docs/screenshots to refresh the README).
/// </summary>
public sealed class ReadmeScreenshotTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    private static readonly string Folder =
        Environment.GetEnvironmentVariable("SALESFLOW_SCREENSHOTS_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Journey.ResultsDirectory, "screenshots");

    [Fact]
    public async Task The_login_home_and_org_pages_render_in_Chinese_for_the_README()
    {
        Directory.CreateDirectory(Folder);
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await page.GotoAsync("/account/login");
            await Expect(page.GetByTestId("sign-in")).ToHaveTextAsync("登录");
            Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px \"Noto Sans CJK SC\"', '华东')"), "No CJK font: Chinese would render as boxes. Install fonts-noto-cjk.");
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, "login.png") });

            await Journey.SignInAsync(page, "director");
            await Expect(page.GetByTestId("my-team")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, "home.png") });

            await page.GetByTestId("nav-org").ClickAsync();
            var tree = page.GetByTestId("org-tree");
            await tree.GetByText("华东大区", new() { Exact = true }).ClickAsync();
            await Expect(page.GetByTestId("unit-name")).ToHaveTextAsync("华东大区");
            await Expect(tree.GetByText("上海团队", new() { Exact = true })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("employee-grid").GetByTestId("employee-open").First).ToBeVisibleAsync();
            await page.Mouse.MoveAsync(0, 0);
            await page.WaitForTimeoutAsync(500); // the tree's expand animation
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, "org.png") });
        });
    }

    [Fact]
    public async Task The_opportunity_board_and_visits_render_in_Chinese_for_the_README()
    {
        Directory.CreateDirectory(Folder);
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "manager.huadong");
            await page.GetByTestId("nav-opportunities").ClickAsync();
            await page.GetByTestId("view-kanban").ClickAsync();
            await Expect(page.Locator("[data-testid=kanban-card]").First).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(500);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, "opportunities.png") });

            await page.GetByTestId("nav-visit-compliance").ClickAsync();
            await Expect(page.GetByTestId("compliance-total")).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(500);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, "visit-compliance.png") });
        });
    }

    [Fact]
    public async Task Targets_and_plan_vs_actual_render_in_Chinese_for_the_README()
    {
        Directory.CreateDirectory(Folder);
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "director");
            await page.GetByTestId("nav-targets").ClickAsync();
            await Expect(page.GetByTestId("target-row-华东大区")).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(500);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, "targets.png") });

            await page.GetByTestId("nav-plan-vs-actual").ClickAsync();
            await Expect(page.GetByTestId("pva-row-华东大区")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("pva-chart")).ToBeVisibleAsync();
            await page.WaitForTimeoutAsync(800); // the charts' animation
            await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, "plan-vs-actual.png"), FullPage = true });
        });
    }
}
