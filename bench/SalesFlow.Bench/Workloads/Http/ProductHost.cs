using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using SalesFlow.Bench.Data;

namespace SalesFlow.Bench.Workloads.Http;

/// <summary>
/// The real app (the web project's <c>Program</c>: middleware, bearer auth, endpoints) on Kestrel over loopback, on the
/// bench database. Nothing is migrated or seeded and the background jobs are off, so only the clients' requests run.
/// </summary>
internal sealed class ProductHost : WebApplicationFactory<Program>
{
    public const string Password = "SalesFlow#2026";

    private readonly BenchDatabase _database;

    private ProductHost(BenchDatabase database)
    {
        _database = database;
        UseKestrel(0);
    }

    public Uri Address { get; private set; } = null!;

    public static ProductHost Start(BenchDatabase database)
    {
        // The web project's folder (static web assets, appsettings), found from the repository as the web tests find it.
        var web = Path.Combine(BenchDatabase.RepositoryRoot(), "src", "SalesFlow.Web");
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_SALESFLOW_WEB", Directory.Exists(web) ? web : AppContext.BaseDirectory);
        var host = new ProductHost(database);
        host.StartServer();
        var addresses = host.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        host.Address = new Uri(addresses.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development"); // as the web tests host it: static web assets resolve from the project
        builder.UseSetting("Database:Provider", _database.IsSqlite ? "Sqlite" : "Postgres");
        builder.UseSetting("ConnectionStrings:SalesFlow", _database.ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "false");
        builder.UseSetting("Demo:Seed", "false");
        builder.UseSetting("Jobs:Reminders:Enabled", "false");
        builder.UseSetting("Jobs:SalesSummaries:Enabled", "false"); // the workload's changes are removed, not summarized
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
    }

    /// <summary>A client of the app's real socket; with a user name, signed in through <c>POST /api/v1/auth/token</c>.</summary>
    public async Task<HttpClient> ClientAsync(string? userName, CancellationToken ct)
    {
        var client = LoopbackClient(Address);
        if (userName is not null)
        {
            using var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName, password = Password }, ct);
            response.EnsureSuccessStatusCode();
            var token = (await response.Content.ReadFromJsonAsync<TokenAnswer>(ct))!.AccessToken;
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary><paramref name="count"/> clients of one signed-in user (one sign-in, one token: the password hash is not what is measured).</summary>
    public async Task<List<HttpClient>> ClientsAsync(string userName, int count, CancellationToken ct)
    {
        var first = await ClientAsync(userName, ct);
        var clients = new List<HttpClient> { first };
        for (var c = 1; c < count; c++)
        {
            var client = LoopbackClient(Address);
            client.DefaultRequestHeaders.Authorization = first.DefaultRequestHeaders.Authorization;
            clients.Add(client);
        }

        return clients;
    }

    public static HttpClient LoopbackClient(Uri address) =>
        new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(30), MaxConnectionsPerServer = 64 }) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(100) };

    private sealed record TokenAnswer(string AccessToken);
}
