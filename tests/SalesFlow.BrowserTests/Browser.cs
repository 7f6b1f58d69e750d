using Microsoft.Playwright;
using SalesFlow.Testing;

[assembly: AssemblyFixture(typeof(SalesFlow.BrowserTests.Browser))]

// One Chromium for the run; journeys share it and each gets a fresh context, so they must not run at once.
[assembly: Xunit.v3.Parallelization(Mode = Xunit.Sdk.ParallelMode.None)]

namespace SalesFlow.BrowserTests;

/// <summary>
/// Debian's Chromium driven by Playwright (no <c>playwright install</c>). Where the browser is missing the
/// journeys are skipped with the fix, unless SALESFLOW_REQUIRE_BROWSER=1 (CI), where that is a failure.
/// </summary>
public sealed class Browser : IAsyncLifetime
{
    /// <summary>Debian's Chromium; SALESFLOW_CHROMIUM points elsewhere (another distribution, or a missing browser on purpose).</summary>
    public static readonly string ChromiumPath = BrowserRequirement.ChromiumPath;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    /// <summary>A fresh browser context (own cookies) for one journey; skips or fails the test without Chromium.</summary>
    public async Task<IBrowserContext> NewContextAsync(SalesFlowServer server, string locale = "zh-CN", int width = 1366, int height = 768)
    {
        if (_browser is null)
        {
            BrowserRequirement.SkipOrFail($"Chromium is not installed at {ChromiumPath}; install it with: {BrowserRequirement.Fix}");
        }

        var context = await _browser.NewContextAsync(new()
        {
            BaseURL = server.BaseAddress.ToString(),
            Locale = locale,
            ViewportSize = new() { Width = width, Height = height },
        });
        // Generous on purpose: CI runs the three test projects side by side on two cores, and a page's first
        // render after start-up (demo seeding, Razor warm-up) can take many seconds there. A real hang still fails.
        context.SetDefaultTimeout(45_000);
        context.SetDefaultNavigationTimeout(60_000);
        // The same for assertions, whose 5 s default a data-heavy page (plan vs. actual for the whole company) overran in CI.
        Assertions.SetDefaultExpectTimeout(20_000);
        return context;
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
