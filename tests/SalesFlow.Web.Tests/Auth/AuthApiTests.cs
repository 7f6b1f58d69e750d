using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;

namespace SalesFlow.Web.Tests.Auth;

/// <summary>A factory whose login throttle trips after three failures, so the 429 test stays quick.</summary>
public sealed class ThrottledApp : SalesFlowApp
{
    public const int MaxFailures = 3;

    protected override void ConfigureSettings(IWebHostBuilder builder) =>
        builder.UseSetting("Security:LoginThrottle:MaxFailures", MaxFailures.ToString(System.Globalization.CultureInfo.InvariantCulture));
}

// Every test signs in as its own demo user: failures are counted per user name and some tests end sessions.
public sealed class AuthApiTests(ThrottledApp app) : IClassFixture<ThrottledApp>
{
    [Fact]
    public async Task The_director_gets_a_bearer_token_that_opens_the_api()
    {
        using var anonymous = app.Anonymous();

        using var response = await anonymous.Post("/api/v1/auth/token", new { userName = "director", password = SalesFlowApp.DemoPassword });

        var body = await response.JsonAsync();
        var token = body.Str("accessToken");
        Assert.False(string.IsNullOrWhiteSpace(token));
        Assert.True(body.GetProperty("expiresAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(5));
        using var client = app.WithToken(token);
        var me = await client.GetJsonAsync("/api/v1/me");
        Assert.Equal("director", me.Str("userName"));
    }

    [Fact]
    public async Task A_wrong_password_gets_401_problem_details_identical_to_an_unknown_user()
    {
        using var anonymous = app.Anonymous();

        using var wrongPassword = await anonymous.Post("/api/v1/auth/token", new { userName = "rep.huadong.2", password = "not-the-password" });
        using var unknownUser = await anonymous.Post("/api/v1/auth/token", new { userName = "nobody.at.all", password = "not-the-password" });

        var wrong = await wrongPassword.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalidCredentials");
        var unknown = await unknownUser.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalidCredentials");
        Assert.Equal(WithoutTraceId(wrong), WithoutTraceId(unknown));
        Assert.DoesNotContain("rep.huadong.2", wrong.ToString(), StringComparison.Ordinal);
        Assert.Equal(wrongPassword.Headers.RetryAfter, unknownUser.Headers.RetryAfter);
    }

    [Fact]
    public async Task Repeated_failures_are_throttled_with_429_and_Retry_After_even_for_the_right_password()
    {
        using var anonymous = app.Anonymous();
        for (var i = 0; i < ThrottledApp.MaxFailures; i++)
        {
            using var failed = await anonymous.Post("/api/v1/auth/token", new { userName = "rep.huadong.3", password = "wrong-" + i });
            await failed.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalidCredentials");
        }

        using var throttled = await anonymous.Post("/api/v1/auth/token", new { userName = "rep.huadong.3", password = SalesFlowApp.DemoPassword });

        await throttled.ProblemAsync(HttpStatusCode.TooManyRequests, "auth.throttled");
        var retryAfter = throttled.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(16));
    }

    [Fact]
    public async Task Throttling_one_user_name_does_not_lock_out_another()
    {
        using var anonymous = app.Anonymous();
        for (var i = 0; i <= ThrottledApp.MaxFailures; i++)
        {
            using var failed = await anonymous.Post("/api/v1/auth/token", new { userName = "rep.huadong.6", password = "wrong-" + i });
        }

        using var other = await anonymous.Post("/api/v1/auth/token", new { userName = "rep.huadong.7", password = SalesFlowApp.DemoPassword });

        await other.JsonAsync();
    }

    [Fact]
    public async Task A_disabled_user_loses_their_existing_token_and_cannot_get_a_new_one()
    {
        var repToken = await app.NewTokenAsync("rep.huadong.4");
        using var rep = app.WithToken(repToken);
        await rep.GetJsonAsync("/api/v1/me");
        var repUserId = await app.UserIdAsync("rep.huadong.4");
        var director = await app.ClientAsync("director");

        using var disable = await director.Post($"/api/v1/users/{repUserId}/disable", null);

        Assert.Equal(HttpStatusCode.NoContent, disable.StatusCode);
        using var withOldToken = await rep.Get("/api/v1/me");
        await withOldToken.ProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = app.Anonymous();
        using var newToken = await anonymous.Post("/api/v1/auth/token", new { userName = "rep.huadong.4", password = SalesFlowApp.DemoPassword });
        await newToken.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalidCredentials");
        var users = await director.GetJsonAsync("/api/v1/users?q=rep.huadong.4&disabled=true");
        Assert.Contains(users.Items(), u => u.Str("userName") == "rep.huadong.4" && u.GetProperty("isDisabled").GetBoolean());
    }

    [Fact]
    public async Task Changing_the_password_ends_the_old_token_and_only_the_new_password_signs_in()
    {
        const string newPassword = "Brand-new-pass-2026";
        var oldToken = await app.NewTokenAsync("rep.huadong.5");
        using var rep = app.WithToken(oldToken);

        using var change = await rep.Post("/api/v1/me/password", new { currentPassword = SalesFlowApp.DemoPassword, newPassword });

        Assert.Equal(HttpStatusCode.NoContent, change.StatusCode);
        using var withOldToken = await rep.Get("/api/v1/me");
        await withOldToken.ProblemAsync(HttpStatusCode.Unauthorized);
        using var anonymous = app.Anonymous();
        using var oldPassword = await anonymous.Post("/api/v1/auth/token", new { userName = "rep.huadong.5", password = SalesFlowApp.DemoPassword });
        await oldPassword.ProblemAsync(HttpStatusCode.Unauthorized, "auth.invalidCredentials");
        using var withNewPassword = app.WithToken(await app.NewTokenAsync("rep.huadong.5", newPassword));
        Assert.Equal("rep.huadong.5", (await withNewPassword.GetJsonAsync("/api/v1/me")).Str("userName"));
    }

    [Fact]
    public async Task A_password_change_with_the_wrong_current_password_is_refused_and_changes_nothing()
    {
        var token = await app.NewTokenAsync("rep.huadong.8");
        using var rep = app.WithToken(token);

        using var change = await rep.Post("/api/v1/me/password", new { currentPassword = "not-my-password", newPassword = "Another-pass-2026" });

        var problem = await change.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("currentPassword", problem.ErrorFields());
        await rep.GetJsonAsync("/api/v1/me");
        await app.NewTokenAsync("rep.huadong.8");
    }

    [Fact]
    public async Task Revoking_a_token_makes_it_stop_working()
    {
        var token = await app.NewTokenAsync("rep.huadong.9");
        using var rep = app.WithToken(token);

        using var revoke = await rep.Delete("/api/v1/auth/token");

        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        using var after = await rep.Get("/api/v1/me");
        await after.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    private static string WithoutTraceId(JsonElement problem)
    {
        var node = JsonNode.Parse(problem.GetRawText())!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString();
    }
}
