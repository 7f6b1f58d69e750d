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
/// The real app on Kestrel, on a free loopback port, with its own SQLite file holding the demo company.
/// One per test class, so a class's journeys never see another class's data. The first server of the test process
/// seeds a template file through the app's own start-up; every server copies it (SQLite online backup) before it starts.
/// </summary>
public sealed class SalesFlowServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? _template;

    private readonly string _database;
    private readonly bool _fromTemplate;

    public SalesFlowServer()
        : this(fromTemplate: true, NewDatabasePath())
    {
    }

    private SalesFlowServer(bool fromTemplate, string database)
    {
        _fromTemplate = fromTemplate;
        _database = database;
    }

    public Uri BaseAddress { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        if (_fromTemplate)
        {
            await CopyTemplateAsync(_database);
        }

        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.First());
    }

    private static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"salesflow-browser-{Guid.NewGuid():N}.db");

    private static async Task CopyTemplateAsync(string database)
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (_template is null)
            {
                var path = NewDatabasePath();
                var seeding = new SalesFlowServer(fromTemplate: false, path);
                await seeding.InitializeAsync();
                await seeding.StopAsync();
                _template = path;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFiles(path);
            }

            using var source = new SqliteConnection($"Data Source={_template};Mode=ReadOnly;Pooling=False");
            using var target = new SqliteConnection($"Data Source={database};Pooling=False");
            source.Open();
            target.Open();
            source.BackupDatabase(target);
        }
        finally
        {
            TemplateGate.Release();
        }
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
        DeleteFiles(_database);
    }

    /// <summary>Stops the app and keeps its database file (the template).</summary>
    private async ValueTask StopAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    private static void DeleteFiles(string database)
    {
        foreach (var file in new[] { database, database + "-wal", database + "-shm" })
        {
            File.Delete(file);
        }
    }
}
