using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Npgsql;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Tests;

/// <summary>
/// The whole app over HTTP on a private database holding the deterministic demo company. SQLite in memory by
/// default; with <c>SALESFLOW_TEST_POSTGRES</c> set (a connection string to a server where the user may CREATE
/// DATABASE) each factory gets its own database and drops it when disposed. One factory per test class (class
/// fixture), so test classes never see each other's writes. The demo is seeded once per test process by the app's
/// own start-up (migrations + seeder, <see cref="DemoTemplate"/>) and each factory starts from a copy of it.
/// </summary>
public class SalesFlowApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string DemoPassword = "SalesFlow#2026";
    public const string PostgresVariable = "SALESFLOW_TEST_POSTGRES";

    private readonly SqliteConnection _sqlite = new($"Data Source=test-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
    private readonly string? _postgresServer = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;
    private readonly string? _sqliteFile;
    private readonly ConcurrentDictionary<string, string> _tokens = new();
    private readonly bool _fromTemplate;
    private readonly bool _existingSqliteFile;
    private string? _postgresDatabase;

    public SalesFlowApp()
        : this(fromTemplate: true)
    {
    }

    /// <summary>With <paramref name="fromTemplate"/> false the app migrates and seeds its empty database itself (the template does).</summary>
    internal SalesFlowApp(bool fromTemplate, string? postgresDatabase = null, bool forceSqlite = false)
    {
        _fromTemplate = fromTemplate;
        _postgresDatabase = postgresDatabase;
        if (forceSqlite)
        {
            _postgresServer = null;
        }
    }

    /// <summary>
    /// With <paramref name="sqliteFile"/> the app runs on a SQLite file (as it does for users) whatever the environment
    /// says: for the tests of SQLite's own behaviour under load, which an in-memory database does not share.
    /// </summary>
    protected SalesFlowApp(bool sqliteFile)
        : this(fromTemplate: true, forceSqlite: sqliteFile)
    {
        if (sqliteFile)
        {
            _sqliteFile = Path.Combine(Path.GetTempPath(), $"salesflow-test-{Guid.NewGuid():N}.db");
        }
    }

    /// <summary>The app on an existing SQLite file (a restored backup), which is deleted with the factory.</summary>
    internal static SalesFlowApp OnSqliteFile(string path) => new(path);

    private SalesFlowApp(string existingSqliteFile)
        : this(fromTemplate: false, forceSqlite: true)
    {
        _sqliteFile = existingSqliteFile;
        _existingSqliteFile = true;
    }

    public bool OnPostgres => _postgresServer is not null;

    public string ConnectionString { get; private set; } = "";

    /// <summary>Creates the database and starts the app, so the first test does not pay for (or fail on) start-up.</summary>
    public async ValueTask InitializeAsync()
    {
        if (_existingSqliteFile)
        {
            ConnectionString = $"Data Source={_sqliteFile}";
        }
        else if (_postgresServer is null)
        {
            await _sqlite.OpenAsync(); // keeps the shared in-memory database alive for the factory's lifetime
            ConnectionString = _sqlite.ConnectionString;
            if (_fromTemplate)
            {
                await DemoTemplate.CopySqliteIntoAsync(_sqlite);
            }

            if (_sqliteFile is not null)
            {
                await using var file = new SqliteConnection($"Data Source={_sqliteFile};Pooling=False");
                await file.OpenAsync();
                _sqlite.BackupDatabase(file);
                ConnectionString = $"Data Source={_sqliteFile}";
            }
        }
        else
        {
            _postgresDatabase ??= $"salesflow_test_{Guid.NewGuid():N}";
            var template = _fromTemplate ? await DemoTemplate.PostgresAsync(_postgresServer) : null;
            await DemoTemplate.CreatePostgresDatabaseAsync(_postgresServer, _postgresDatabase, template);
            ConnectionString = new NpgsqlConnectionStringBuilder(_postgresServer) { Database = _postgresDatabase }.ConnectionString;
        }

        _ = Server;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        if (ConnectionString.Length == 0)
        {
            // Without it the app would open an empty private database per connection and fail obscurely.
            throw new InvalidOperationException("Use SalesFlowApp as a class fixture (IClassFixture<SalesFlowApp>): InitializeAsync creates its database.");
        }

        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", OnPostgres ? "Postgres" : "Sqlite");
        builder.UseSetting("ConnectionStrings:SalesFlow", ConnectionString);
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Demo:Password", DemoPassword);
        builder.UseSetting("Jobs:Reminders:Enabled", "false"); // tests run the reminders through the API when they need them
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Warning");
        builder.UseSetting("Logging:LogLevel:Microsoft.EntityFrameworkCore", "Warning");
        ConfigureSettings(builder);
    }

    /// <summary>Extra settings for a fixture that needs them (e.g. a low login throttle).</summary>
    protected virtual void ConfigureSettings(IWebHostBuilder builder)
    {
    }

    /// <summary>A client that never follows redirects, so a 302 to the login page shows up as a 302.</summary>
    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as a demo user with a bearer token (one token per user, cached for the factory).</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        if (!_tokens.TryGetValue(userName, out var token))
        {
            token = await NewTokenAsync(userName);
            _tokens[userName] = token;
        }

        return WithToken(token);
    }

    /// <summary>A client that carries the given bearer token.</summary>
    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in through the API and returns a fresh token; fails the test when sign-in is refused.</summary>
    public async Task<string> NewTokenAsync(string userName, string password = DemoPassword)
    {
        using var client = Anonymous();
        using var response = await client.Post("/api/v1/auth/token", new { userName, password });
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"Sign-in of {userName} failed: {(int)response.StatusCode} {body}");
        return JsonDocument.Parse(body).RootElement.GetProperty("accessToken").GetString()!;
    }

    /// <summary>Stops the app but keeps its database (the template).</summary>
    internal async ValueTask StopKeepingDatabaseAsync()
    {
        await base.DisposeAsync();
        if (_postgresServer is not null)
        {
            ClearAppPool();
        }
    }

    // The pool of the connection string the app really uses (with its statement preparation), which holds its sessions.
    private void ClearAppPool() => NpgsqlConnection.ClearPool(new NpgsqlConnection(DatabaseSetup.WithStatementPreparation(ConnectionString)));

    /// <summary>The in-memory SQLite database of this factory (open while the factory lives).</summary>
    internal SqliteConnection SqliteDatabase => _sqlite;

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresServer is not null && _postgresDatabase is not null)
        {
            ClearAppPool();
            await using var admin = new NpgsqlConnection(_postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }

        GC.SuppressFinalize(this);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _sqlite.Dispose();
        }
    }
}
