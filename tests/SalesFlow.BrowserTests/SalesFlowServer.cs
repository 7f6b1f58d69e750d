using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace SalesFlow.BrowserTests;

/// <summary>
/// The real app on Kestrel, on a free loopback port, with its own SQLite file seeded with the demo company.
/// One per test class, so a class's journeys never see another class's data.
/// </summary>
public sealed class SalesFlowServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"salesflow-browser-{Guid.NewGuid():N}.db");

    public Uri BaseAddress { get; private set; } = default!;

    public ValueTask InitializeAsync()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
        return ValueTask.CompletedTask;
    }

    /// <summary>An API client signed in as a demo user (bearer token), for the set-up a journey needs before the browser.</summary>
    public async Task<HttpClient> ApiAsync(string userName)
    {
        var api = new HttpClient { BaseAddress = BaseAddress };
        using var token = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Journey.DemoPassword });
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return api;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:SalesFlow", $"Data Source={_database}");
        builder.UseSetting("Demo:Seed", "true");
        // Start/stop lines of 20+ servers would bury a failing journey's message in the CI log.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _database, _database + "-wal", _database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
