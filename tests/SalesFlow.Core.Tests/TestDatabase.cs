using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Tests;

/// <summary>
/// A private, migrated database for one test: shared in-memory SQLite, or a fresh PostgreSQL database when
/// <c>SALESFLOW_TEST_POSTGRES</c> names a server. Use cases run against it through the real service registrations.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "SALESFLOW_TEST_POSTGRES";

    private readonly SqliteConnection? _keepAlive;
    private readonly string? _postgresAdmin;
    private readonly string? _postgresName;

    private TestDatabase(ServiceProvider services, FakeTimeProvider time, SqliteConnection? keepAlive, string? postgresAdmin, string? postgresName)
    {
        Services = services;
        Time = time;
        _keepAlive = keepAlive;
        _postgresAdmin = postgresAdmin;
        _postgresName = postgresName;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    public IDbContextFactory<SalesFlowDbContext> Factory => Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>();

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Skips (with the reason and the fix) when PostgreSQL is asked for but not configured.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 1, 0, 0, TimeSpan.Zero));
        SqliteConnection? keepAlive = null;
        string? admin = null;
        string? name = null;
        string connectionString;
        if (provider == DatabaseProvider.Sqlite)
        {
            keepAlive = new SqliteConnection($"Data Source=core-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
            await keepAlive.OpenAsync();
            connectionString = keepAlive.ConnectionString;
        }
        else
        {
            admin = Environment.GetEnvironmentVariable(PostgresVariable);
            if (string.IsNullOrWhiteSpace(admin))
            {
                Assert.Skip($"PostgreSQL not configured: set {PostgresVariable} to a connection string (scripts/test-postgres.sh starts a throwaway server; CI always sets it).");
            }

            name = $"salesflow_core_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin))
            {
                await connection.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await create.ExecuteNonQueryAsync();
            }

            connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
        }

        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(time);
        services.AddLogging();
        services.AddSalesFlowCore(provider, connectionString);
        var built = services.BuildServiceProvider();
        var database = new TestDatabase(built, time, keepAlive, admin, name);
        await using (var scope = built.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, seedDemo: false, "", CancellationToken.None);
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        if (_keepAlive is not null)
        {
            await _keepAlive.DisposeAsync();
        }

        if (_postgresAdmin is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
