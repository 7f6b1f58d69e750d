using static Microsoft.Playwright.Assertions;

namespace SalesFlow.BrowserTests;

public sealed class PasswordJourneyTests(Browser browser, SalesFlowServer server) : IClassFixture<SalesFlowServer>
{
    [Fact]
    public async Task Changing_the_password_keeps_this_browser_signed_in_and_ends_the_other_session()
    {
        await using var other = await browser.NewContextAsync(server);
        var otherPage = await other.NewPageAsync();
        await Journey.SignInAsync(otherPage, "rep.huabei.2");

        await Journey.RunAsync(await browser.NewContextAsync(server), async page =>
        {
            await Journey.SignInAsync(page, "rep.huabei.2");
            await page.GotoAsync("/account/profile");
            await Expect(page.GetByTestId("profile-user-name")).ToContainTextAsync("rep.huabei.2");

            await page.GetByTestId("current-password").FillAsync(Journey.DemoPassword);
            await page.GetByTestId("new-password").FillAsync("short");
            await page.GetByTestId("confirm-password").FillAsync("short");
            await page.GetByTestId("change-password-submit").ClickAsync();
            await Expect(page.GetByTestId("new-password-error")).ToContainTextAsync("新密码");

            await page.GetByTestId("current-password").FillAsync(Journey.DemoPassword);
            await page.GetByTestId("new-password").FillAsync("Another#2027");
            await page.GetByTestId("confirm-password").FillAsync("Another#2027");
            await page.GetByTestId("change-password-submit").ClickAsync();
            await Expect(page.GetByTestId("password-changed")).ToBeVisibleAsync();

            await page.GotoAsync("/");
            await Journey.WaitForCircuitAsync(page);
            await Expect(page.GetByTestId("my-scope")).ToBeVisibleAsync();

            await otherPage.GotoAsync("/");
            await Expect(otherPage).ToHaveURLAsync(Journey.UrlPath("/account/login"));
        });
    }
}
