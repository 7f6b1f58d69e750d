using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

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
            DatabaseProvider.Postgres => options.UseNpgsql(WithStatementPreparation(connectionString), o => o.MigrationsAssembly("SalesFlow.Migrations.Postgres")),
        };
        // EF's own SQLite table rebuilds turn foreign keys off outside the migration transaction and warn about it
        // on every start; the rebuilds are EF-generated and idempotent, so the warning only buries real output.
        return options.UseSnakeCaseNamingConvention()
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.NonTransactionalMigrationOperationWarning));
    }

    /// <summary>The statements a pooled PostgreSQL connection keeps prepared when the connection string does not say.</summary>
    public const int DefaultMaxAutoPrepare = 256;

    /// <summary>
    /// Npgsql prepares a statement on the server once a connection has run it a few times, so PostgreSQL parses and
    /// plans each of the app's statements once per connection instead of on every call (placing an order sends about
    /// fifty). A connection string that sets <c>Max Auto Prepare</c> keeps its value: 0 turns preparation off, as a
    /// pooler without prepared-statement support needs.
    /// </summary>
    public static string WithStatementPreparation(string connectionString)
    {
        // Npgsql's own builder answers ContainsKey for every keyword it knows, set or not: the plain builder keeps what was written.
        var written = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!written.Keys.Cast<string>().Any(k => k.Replace(" ", "", StringComparison.Ordinal).Equals("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase)))
        {
            builder.MaxAutoPrepare = DefaultMaxAutoPrepare;
        }

        return builder.ConnectionString;
    }
}
