using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Tests.Hosting;

public sealed class HostingTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_signing_in(string url)
    {
        using var client = app.Anonymous();

        using var response = await client.Get(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_employee_endpoints()
    {
        using var client = app.Anonymous();

        var document = await client.GetJsonAsync("/openapi/v1.json");

        Assert.StartsWith("3.", document.Str("openapi"), StringComparison.Ordinal);
        Assert.Equal("SalesFlow API", document.GetProperty("info").Str("title"));
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/employees", out var employees), "no /api/v1/employees in the OpenAPI document");
        Assert.True(employees.TryGetProperty("get", out _));
        Assert.True(employees.TryGetProperty("post", out _));
        Assert.True(paths.TryGetProperty("/api/v1/employees/{id}", out _));
        Assert.True(paths.TryGetProperty("/api/v1/auth/token", out _));
    }

    [Fact]
    public async Task The_browsable_API_reference_answers_after_redirects()
    {
        using var client = app.CreateClient(); // follows redirects, like a browser

        using var response = await client.Get("/api/docs");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("SalesFlow API", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_app_runs_on_the_database_engine_the_environment_asks_for_with_every_migration_applied()
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);

        var pending = await db.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken);

        Assert.Equal(app.OnPostgres, db.Database.IsNpgsql());
        Assert.Equal(!app.OnPostgres, db.Database.IsSqlite());
        Assert.Empty(pending);
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }
}
