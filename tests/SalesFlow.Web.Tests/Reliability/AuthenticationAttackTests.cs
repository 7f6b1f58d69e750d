using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>Tokens that live two seconds, so a test can watch one expire.</summary>
public sealed class ShortTokenApp : SalesFlowApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Security:LoginThrottle:TokenLifetime", "00:00:02");
}

/// <summary>
/// R15, with AuthApiTests (throttling, disabled users, password changes and revoked tokens): tampered and expired
/// tokens are refused, the cookie sign-in form needs its antiforgery token, and a cookie session dies with a
/// password change.
/// </summary>
public sealed partial class AuthenticationAttackTests(ShortTokenApp app) : IClassFixture<ShortTokenApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Tampered_tokens_are_refused_with_401_and_never_reach_the_data()
    {
        var token = await app.NewTokenAsync("rep.huadong.1");
        var last = token[^1] == 'A' ? 'B' : 'A';
        string[] tampered =
        [
            token[..^1] + last,
            token[..^4],
            token + "A",
            string.Equals(token.ToUpperInvariant(), token, StringComparison.Ordinal) ? token.ToLowerInvariant() : token.ToUpperInvariant(),
            new string('A', token.Length),
            "null",
            "' OR '1'='1",
            new string('x', 10_000),
        ];

        foreach (var forged in tampered)
        {
            using var client = app.WithToken(forged);
            using var response = await client.Get("/api/v1/customers");
            await response.ProblemAsync(HttpStatusCode.Unauthorized);
            Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
        }

        // A fresh token: this fixture's tokens live two seconds.
        using var genuine = app.WithToken(await app.NewTokenAsync("rep.huadong.1"));
        Assert.Equal(HttpStatusCode.OK, (await genuine.Get("/api/v1/customers?pageSize=1")).StatusCode);
    }

    [Fact]
    public async Task An_expired_token_is_refused()
    {
        using var client = app.WithToken(await app.NewTokenAsync("rep.huadong.2"));
        using (var fresh = await client.Get("/api/v1/me"))
        {
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        }

        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);

        using var expired = await client.Get("/api/v1/me");
        await expired.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_sign_in_form_refuses_a_post_without_its_antiforgery_token_and_a_cookie_session_dies_with_a_password_change()
    {
        var browser = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await browser.GetStringAsync("/account/login", Ct);
        var antiforgery = AntiforgeryField().Match(form);
        Assert.True(antiforgery.Success, "The sign-in form carries no antiforgery token.");

        using (var forged = await browser.PostAsync("/account/login", Form(("_handler", "login"), ("Input.UserName", "rep.huadong.3"), ("Input.Password", SalesFlowApp.DemoPassword)), Ct))
        {
            Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
            Assert.DoesNotContain(forged.Headers.TryGetValues("Set-Cookie", out var set) ? set : [], c => c.StartsWith("SalesFlow.Auth=", StringComparison.Ordinal));
        }

        using (var signIn = await browser.PostAsync("/account/login", Form(
            ("_handler", "login"), ("__RequestVerificationToken", antiforgery.Groups[1].Value), ("Input.UserName", "rep.huadong.3"), ("Input.Password", SalesFlowApp.DemoPassword)), Ct))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }

        using (var home = await browser.GetAsync("/", Ct))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        using var api = app.WithToken(await app.NewTokenAsync("rep.huadong.3"));
        using (var change = await api.Post("/api/v1/me/password", new { currentPassword = SalesFlowApp.DemoPassword, newPassword = "Another-pass-2026" }))
        {
            Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        }

        using var after = await browser.GetAsync("/", Ct);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("/account/login", after.Headers.Location?.IsAbsoluteUri == true ? after.Headers.Location.PathAndQuery : after.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
