using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace SalesFlow.BrowserTests;

/// <summary>Steps every journey uses, and a screenshot in TestResults/ when a journey fails.</summary>
public static class Journey
{
    public const string DemoPassword = "SalesFlow#2026";

    public static string ResultsDirectory => Path.Combine(AppContext.BaseDirectory, "TestResults");

    /// <summary>
    /// Runs the journey on a new page and fails it when the Content-Security-Policy refused anything on the way;
    /// on failure saves TestResults/&lt;test&gt;.png and rethrows.
    /// </summary>
    public static async Task RunAsync(IBrowserContext context, Func<IPage, Task> journey, [CallerMemberName] string name = "")
    {
        await using (context)
        {
            var page = await context.NewPageAsync();
            var refused = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
                {
                    refused.Add(message.Text);
                }
            };
            try
            {
                await journey(page);
                // The policy must never stand in the app's own way: anything it refused is a page that half works.
                Xunit.Assert.True(refused.Count == 0, "The Content-Security-Policy refused: " + string.Join(" | ", refused));
            }
            catch (Exception e) when (e is not Xunit.Sdk.SkipException)
            {
                Directory.CreateDirectory(ResultsDirectory);
                var file = Path.Combine(ResultsDirectory, name + ".png");
                await page.ScreenshotAsync(new() { Path = file, FullPage = true });
                TestContext.Current.TestOutputHelper?.WriteLine($"Screenshot of the failure: {file} (page {page.Url})");
                throw;
            }
        }
    }

    public static async Task SignInAsync(IPage page, string userName, string password = DemoPassword)
    {
        await page.GotoAsync("/account/login");
        await page.GetByTestId("username").FillAsync(userName);
        await page.GetByTestId("password").FillAsync(password);
        await page.GetByTestId("sign-in").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/account/login", StringComparison.Ordinal));
        await WaitForCircuitAsync(page);
    }

    /// <summary>
    /// For an action that loads a new document (the language switch): waits for that document and its circuit,
    /// not the marker of the page being left, which is still there when the click returns.
    /// </summary>
    public static async Task ReloadByAsync(IPage page, Func<Task> action)
    {
        await page.EvaluateAsync("() => { window.__salesflowLeaving = true; }");
        await action();
        await page.WaitForFunctionAsync("() => !window.__salesflowLeaving");
        await WaitForCircuitAsync(page);
    }

    /// <summary>Blazor renders the page on the server first; clicks only work once the circuit is live.</summary>
    public static Task WaitForCircuitAsync(IPage page) =>
        page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>
    /// Fails when the page scrolls sideways: at phone width that means something does not fit the screen.
    /// Right after a viewport change the layout is still settling (the drawer closes, tables switch to cards),
    /// so it waits up to three seconds for the page to fit before it fails with the measured overflow.
    /// </summary>
    public static async Task AssertFitsAsync(IPage page)
    {
        const string fits = "() => document.documentElement.scrollWidth <= document.documentElement.clientWidth";
        try
        {
            await page.WaitForFunctionAsync(fits, null, new() { Timeout = 3000, PollingInterval = 100 });
        }
        catch (TimeoutException)
        {
            var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
            Xunit.Assert.Fail($"{page.Url} is {sizes[0] - sizes[1]}px wider than the {sizes[1]}px screen.");
        }
    }

    /// <summary>Matches a page's URL by its path, whatever the host, port and query.</summary>
    public static Regex UrlPath(string path) => new($"^https?://[^/]+{Regex.Escape(path)}([?#].*)?$");

    /// <summary>
    /// Types into an autocomplete and clicks the option that shows <paramref name="option"/> (the typed text unless told).
    /// The list opened on focus shows other options until the debounced search answers, hence the pause after typing.
    /// When the option has not appeared after ten seconds it types again once, as a user would, and writes what the list
    /// showed instead to the test output; if it is still missing the journey fails with that list.
    /// </summary>
    public static async Task PickAsync(IPage page, ILocator input, string text, string? option = null)
    {
        var wanted = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextString = option ?? text }).First;
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync(text);
            await page.WaitForTimeoutAsync(800); // the debounced search answers first, so the options stop changing
            try
            {
                await wanted.WaitForAsync(new() { Timeout = 10_000 });
                await wanted.ClickAsync();
                return;
            }
            catch (TimeoutException) when (attempt == 1)
            {
                TestContext.Current.TestOutputHelper?.WriteLine($"Typed \"{text}\"; no \"{option ?? text}\" after 10 s, the list showed: {await ShownOptionsAsync(page)}. Typing again.");
                await input.FillAsync("");
            }
            catch (TimeoutException)
            {
                Xunit.Assert.Fail($"Typed \"{text}\" twice; no option \"{option ?? text}\", the list showed: {await ShownOptionsAsync(page)} (input holds \"{await input.InputValueAsync()}\").");
            }
        }
    }

    private static async Task<string> ShownOptionsAsync(IPage page)
    {
        var shown = await page.Locator(".mud-popover-open .mud-list-item").AllInnerTextsAsync();
        return shown.Count == 0 ? "nothing" : string.Join(" | ", shown.Select(s => s.Trim()));
    }
}
