namespace SalesFlow.Testing;

/// <summary>
/// Whether tests that need Debian's Chromium (browser journeys, PDF printing) can run. Where it is missing they are
/// skipped with the fix, unless SALESFLOW_REQUIRE_BROWSER=1 (CI), where that is a failure. Shared by the browser and
/// web test projects (linked source), so both decide the same way.
/// </summary>
public static class BrowserRequirement
{
    public const string Fix = "apt-get install -y chromium fonts-noto-cjk";

    /// <summary>Debian's Chromium; SALESFLOW_CHROMIUM points elsewhere (another distribution, or a missing browser on purpose).</summary>
    public static readonly string ChromiumPath = Environment.GetEnvironmentVariable("SALESFLOW_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static bool Required => Environment.GetEnvironmentVariable("SALESFLOW_REQUIRE_BROWSER") == "1";

    public static bool ChromiumInstalled => File.Exists(ChromiumPath);

    /// <summary>Skips the current test (or fails it when the browser is required) when Chromium is not installed.</summary>
    public static void EnsureChromium()
    {
        if (!ChromiumInstalled)
        {
            SkipOrFail($"Chromium is not installed at {ChromiumPath}; install it with: {Fix}");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    public static void SkipOrFail(string reason)
    {
        if (Required)
        {
            Assert.Fail(reason + " (SALESFLOW_REQUIRE_BROWSER=1 makes this a failure).");
        }

        Assert.Skip(reason);
    }
}
