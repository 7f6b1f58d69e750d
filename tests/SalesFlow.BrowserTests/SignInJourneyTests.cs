using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class SignInJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task A_wrong_password_shows_the_error_and_stays_on_the_login_page()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await page.GotoAsync("/account/login");
            await page.GetByTestId("username").FillAsync("director");
            await page.GetByTestId("password").FillAsync("not-the-password");
            await page.GetByTestId("sign-in").ClickAsync();

            await Expect(page.GetByTestId("login-error")).ToHaveTextAsync("用户名或密码错误。");
            await Expect(page).ToHaveURLAsync(Journey.UrlPath("/account/login"));
            await Expect(page.GetByTestId("sign-in")).ToBeVisibleAsync();
        });
    }

    [Fact]
    public async Task The_API_reference_renders_its_operations_under_the_content_security_policy()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await page.GotoAsync("/api/docs");

            // Scalar draws the document's title as a heading only once its script ran.
            await Expect(page.Locator("h1", new() { HasTextString = "SalesFlow API" }).First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        });
    }

    [Fact]
    public async Task A_sales_rep_is_not_offered_the_org_admin_and_is_refused_at_its_address()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huadong.1");

            await Expect(page.GetByTestId("nav-home")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("nav-org")).ToHaveCountAsync(0);
            await Expect(page.GetByTestId("nav-users")).ToHaveCountAsync(0);

            await page.GotoAsync("/org");
            await Expect(page.GetByTestId("no-permission")).ToHaveTextAsync("您没有权限访问此页面。");
            await Expect(page.GetByTestId("org-tree")).ToHaveCountAsync(0);
        });
    }

    [Fact]
    public async Task At_phone_width_the_home_page_fits_the_screen_without_sideways_scrolling()
    {
        await Journey.RunAsync(await browser.NewContextAsync(server, width: 375, height: 740), async page =>
        {
            await Journey.SignInAsync(page, "director");

            await Expect(page.GetByTestId("my-scope")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("my-team")).ToBeVisibleAsync();
            await Journey.AssertFitsAsync(page);
            await Expect(page.GetByTestId("drawer")).Not.ToBeInViewportAsync();
        });
    }
}
