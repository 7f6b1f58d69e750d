using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesFlow.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Database settings (configuration section <c>Database</c>).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Null means: migrate on startup for SQLite, not for PostgreSQL.</summary>
    public bool? MigrateOnStartup { get; set; }

    public bool ShouldMigrateOnStartup => MigrateOnStartup ?? Provider == DatabaseProvider.Sqlite;
}

public static class DatabaseSetup
{
    public const string DefaultSqliteConnection = "Data Source=salesflow.db";

    /// <summary>The one place the database provider is chosen. Both providers use the same snake_case names.</summary>
    public static DbContextOptionsBuilder UseSalesFlowDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => options.UseSqlite(connectionString, o => o.MigrationsAssembly("SalesFlow.Migrations.Sqlite")),
            DatabaseProvider.Postgres => options.UseNpgsql(connectionString, o => o.MigrationsAssembly("SalesFlow.Migrations.Postgres")),
        };
        // EF's own SQLite table rebuilds turn foreign keys off outside the migration transaction and warn about it
        // on every start; the rebuilds are EF-generated and idempotent, so the warning only buries real output.
        return options.UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
    }
}
