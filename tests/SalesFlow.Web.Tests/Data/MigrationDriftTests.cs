using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Tests.Data;

// No server needed: both checks compare the model with the compiled migrations of each provider.
public sealed class MigrationDriftTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite, "Data Source=:memory:")]
    [InlineData(DatabaseProvider.Postgres, "Host=unused")]
    public void Every_provider_has_a_migration_for_the_current_model(DatabaseProvider provider, string connectionString)
    {
        using var db = Context(provider, connectionString);

        Assert.False(db.Database.HasPendingModelChanges(), $"Run scripts/add-migration.sh: {provider} is behind the model.");
    }

    [Fact]
    public void Both_providers_have_the_same_migrations_in_the_same_order()
    {
        using var sqlite = Context(DatabaseProvider.Sqlite, "Data Source=:memory:");
        using var postgres = Context(DatabaseProvider.Postgres, "Host=unused");

        var sqliteNames = sqlite.Database.GetMigrations().Select(NameOf).ToList();
        var postgresNames = postgres.Database.GetMigrations().Select(NameOf).ToList();

        Assert.NotEmpty(sqliteNames);
        Assert.Equal(sqliteNames, postgresNames);
    }

    private static SalesFlowDbContext Context(DatabaseProvider provider, string connectionString)
    {
        var options = new DbContextOptionsBuilder<SalesFlowDbContext>();
        options.UseSalesFlowDatabase(provider, connectionString);
        return new SalesFlowDbContext(options.Options);
    }

    // "20261123153345_Initial" → "Initial": the timestamps differ by the seconds between the two adds.
    private static string NameOf(string migrationId) => migrationId[(migrationId.IndexOf('_', StringComparison.Ordinal) + 1)..];
}
