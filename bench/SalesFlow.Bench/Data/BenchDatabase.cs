using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SalesFlow.Core;
using SalesFlow.Core.Data;

namespace SalesFlow.Bench.Data;

/// <summary>
/// Where a scale's dataset lives: a SQLite file under <c>bench/results/data</c> (or <paramref name="Folder"/>), or a
/// PostgreSQL database <c>salesflow_bench_{scale}</c> on the server named by <c>SALESFLOW_BENCH_POSTGRES</c> (else
/// <c>SALESFLOW_TEST_POSTGRES</c>, else 127.0.0.1:5432 as postgres).
/// </summary>
public sealed record BenchDatabase(DatabaseProvider Provider, Scale Scale, string ConnectionString, string? Folder = null)
{
    public const string PostgresVariable = "SALESFLOW_BENCH_POSTGRES";

    public static string DefaultFolder => Path.Combine(RepositoryRoot(), "bench", "results", "data");

    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } bench ? bench
        : Environment.GetEnvironmentVariable("SALESFLOW_TEST_POSTGRES") is { Length: > 0 } test ? test
        : null;

    public static BenchDatabase For(DatabaseProvider provider, Scale scale, string? name = null, string? folder = null)
    {
        name ??= $"salesflow_bench_{scale.Name.ToLowerInvariant()}";
        if (provider == DatabaseProvider.Sqlite)
        {
            folder ??= DefaultFolder;
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name + ".db");
            return new(provider, scale, new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ConnectionString, folder);
        }

        var server = PostgresServer ?? "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres";
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100, IncludeErrorDetail = true };
        return new(provider, scale, builder.ConnectionString);
    }

    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public string SqlitePath => new SqliteConnectionStringBuilder(ConnectionString).DataSource;

    /// <summary>The product's services on this database, exactly as the web host registers them (minus the web).</summary>
    public ServiceProvider Services()
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSalesFlowCore(Provider, ConnectionString);
        return services.BuildServiceProvider();
    }

    /// <summary>Throws the database away and creates it empty (migrations are the generator's first step).</summary>
    public async Task RecreateAsync(CancellationToken ct)
    {
        await DropAsync(ct);
        if (!IsSqlite)
        {
            await AdminAsync($"CREATE DATABASE \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\"", ct);
        }
    }

    public async Task DropAsync(CancellationToken ct)
    {
        if (IsSqlite)
        {
            SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(SqlitePath + suffix);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await AdminAsync($"DROP DATABASE IF EXISTS \"{new NpgsqlConnectionStringBuilder(ConnectionString).Database}\" WITH (FORCE)", ct);
    }

    public async Task<bool> ExistsAsync(CancellationToken ct)
    {
        if (IsSqlite)
        {
            return File.Exists(SqlitePath);
        }

        var target = new NpgsqlConnectionStringBuilder(ConnectionString);
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
        exists.Parameters.AddWithValue("name", target.Database!);
        return await exists.ExecuteScalarAsync(ct) is not null;
    }

    /// <summary>A plain ADO.NET connection for baselines and bulk loads (opened).</summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken ct)
    {
        System.Data.Common.DbConnection connection = IsSqlite ? new SqliteConnection(ConnectionString) : new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(ct);
        if (connection is SqliteConnection sqlite)
        {
            // The same settings the product's connections run with (EF Core's SQLite provider turns foreign keys on).
            await using var pragma = sqlite.CreateCommand();
            pragma.CommandText = "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 30000;";
            await pragma.ExecuteNonQueryAsync(ct);
        }

        return connection;
    }

    private async Task AdminAsync(string sql, CancellationToken ct)
    {
        var admin = new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SalesFlow.slnx")))
            {
                return dir.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}

/// <summary>Opens a context for generation with an actor named "bench" in the audit trail.</summary>
internal static class BenchContexts
{
    public static readonly Core.Common.Actor Generator = Core.Common.Actor.System with { UserName = "bench" };

    public static Task<SalesFlowDbContext> OpenAsync(IServiceProvider services, CancellationToken ct) =>
        services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().OpenAsync(Generator, ct);
}
