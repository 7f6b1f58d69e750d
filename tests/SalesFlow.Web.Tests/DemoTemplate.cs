using Microsoft.Data.Sqlite;
using Npgsql;

namespace SalesFlow.Web.Tests;

/// <summary>
/// The demo company seeded once per test process, through the app's real start-up (migrations, then the seeder on an
/// empty database), and copied for every <see cref="SalesFlowApp"/>: SQLite by the online backup API into the
/// factory's in-memory database, PostgreSQL by <c>CREATE DATABASE … TEMPLATE</c>. Seeding costs tens of seconds;
/// a copy costs well under a second, and every test class still gets a database of its own.
/// </summary>
internal static class DemoTemplate
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly SemaphoreSlim CopyGate = new(1, 1);
    private static SqliteConnection? _sqlite;
    private static string? _postgres;

    public static async Task CopySqliteIntoAsync(SqliteConnection target)
    {
        await Gate.WaitAsync();
        try
        {
            if (_sqlite is null)
            {
                await using var seeding = new SalesFlowApp(fromTemplate: false, forceSqlite: true);
                await seeding.InitializeAsync();
                var keeper = new SqliteConnection($"Data Source=template-{Guid.NewGuid():N};Mode=Memory;Cache=Shared");
                await keeper.OpenAsync();
                seeding.SqliteDatabase.BackupDatabase(keeper);
                _sqlite = keeper; // lives as long as the test process
            }

            _sqlite.BackupDatabase(target);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The name of the seeded template database on the server, made on first use and dropped when the process exits.</summary>
    public static async Task<string> PostgresAsync(string server)
    {
        await Gate.WaitAsync();
        try
        {
            if (_postgres is null)
            {
                var name = $"salesflow_template_{Guid.NewGuid():N}";
                var seeding = new SalesFlowApp(fromTemplate: false, postgresDatabase: name);
                await seeding.InitializeAsync();
                await seeding.StopKeepingDatabaseAsync();
                _postgres = name;
                AppDomain.CurrentDomain.ProcessExit += (_, _) => DropQuietly(server, name);
            }

            return _postgres;
        }
        finally
        {
            Gate.Release();
        }
    }

    public static async Task CreatePostgresDatabaseAsync(string server, string database, string? template)
    {
        await using var admin = new NpgsqlConnection(server);
        await admin.OpenAsync();
        var sql = template is null ? $"CREATE DATABASE \"{database}\"" : $"CREATE DATABASE \"{database}\" TEMPLATE \"{template}\"";

        // Copies from one template are serialized: PostgreSQL refuses a copy while another session is connected to the template.
        await CopyGate.WaitAsync();
        try
        {
            await using var create = new NpgsqlCommand(sql, admin);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            CopyGate.Release();
        }
    }

    private static void DropQuietly(string server, string database)
    {
        try
        {
            using var admin = new NpgsqlConnection(server);
            admin.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", admin);
            drop.ExecuteNonQuery();
        }
        catch (NpgsqlException)
        {
            // The server may already be gone at exit; a leftover template is only disk space on a test server.
        }
    }
}
