using SalesFlow.Bench.Data;
using SalesFlow.Core.Data;

[assembly: AssemblyFixture(typeof(SalesFlow.Bench.Tests.TinyDatasets))]

namespace SalesFlow.Bench.Tests;

/// <summary>
/// The tiny dataset, generated once per test run by the benchmark's own generator: on SQLite in a temporary folder, and on
/// PostgreSQL when <c>SALESFLOW_TEST_POSTGRES</c> names a server (CI does). Dropped at the end.
/// </summary>
public sealed class TinyDatasets : IAsyncLifetime
{
    public const string PostgresVariable = "SALESFLOW_TEST_POSTGRES";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "salesflow-bench-tests-" + Guid.NewGuid().ToString("N"));
    private readonly string _name = "salesflow_bench_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly SemaphoreSlim _generating = new(1, 1);
    private readonly Dictionary<DatabaseProvider, BenchDatabase> _ready = [];

    public static bool PostgresConfigured => Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 };

    /// <summary>The tiny dataset on the provider, generated on first use; skips (with the reason) a PostgreSQL test where no server is configured.</summary>
    public async Task<BenchDatabase> OnAsync(string provider)
    {
        var kind = provider == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        if (kind == DatabaseProvider.Postgres && !PostgresConfigured)
        {
            Assert.Skip($"PostgreSQL is not configured: set {PostgresVariable} to a server where the user may CREATE DATABASE (CI does).");
        }

        await _generating.WaitAsync();
        try
        {
            if (!_ready.TryGetValue(kind, out var database))
            {
                database = BenchDatabase.For(kind, Scale.Tiny, _name, _folder);
                await DatasetGenerator.GenerateAsync(database, TestContext.Current.CancellationToken);
                _ready[kind] = database;
            }

            return database;
        }
        finally
        {
            _generating.Release();
        }
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var database in _ready.Values)
        {
            await database.DropAsync(CancellationToken.None);
        }

        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        _generating.Dispose();
    }
}
