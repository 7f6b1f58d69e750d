using Microsoft.EntityFrameworkCore;
using Npgsql;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Tests.Data;

/// <summary>
/// The storage rule for money and quantities (ARCHITECTURE.md, SQLite decimals), checked on a probe model
/// through the same provider switch and the same convention the product model uses: totals and ordering
/// computed by the database are exact to the cent on both engines.
/// </summary>
public class MoneyInSqlTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Sums_and_sorting_of_money_and_quantities_run_in_sql_and_are_exact(DatabaseProvider provider)
    {
        await using var probe = await ProbeContext.CreateAsync(provider);
        for (var i = 1; i <= 300; i++)
        {
            probe.Lines.Add(new ProbeLine { Id = i, Amount = (i * 3.33m) + 0.01m, Quantity = i * 0.125m, Region = i % 3 == 0 ? "华东" : "华北" });
        }

        probe.Lines.Add(new ProbeLine { Id = 1000, Amount = 9.99m, Quantity = 2.5m, Region = "华南" });
        probe.Lines.Add(new ProbeLine { Id = 1001, Amount = 10.00m, Quantity = 10m, Region = "华南" });
        await probe.SaveChangesAsync();

        var byRegion = await probe.Lines.GroupBy(l => l.Region)
            .Select(g => new { Region = g.Key, Amount = g.Sum(l => l.Amount), Quantity = g.Sum(l => l.Quantity) })
            .OrderBy(r => r.Region)
            .ToListAsync();
        var topTwo = await probe.Lines.Where(l => l.Region == "华南").OrderByDescending(l => l.Amount).Select(l => l.Amount).ToListAsync();

        var expected = Enumerable.Range(1, 300).Select(i => (Region: i % 3 == 0 ? "华东" : "华北", Amount: (i * 3.33m) + 0.01m, Quantity: i * 0.125m))
            .Append((Region: "华南", Amount: 9.99m, Quantity: 2.5m)).Append((Region: "华南", Amount: 10.00m, Quantity: 10m))
            .GroupBy(l => l.Region).OrderBy(g => g.Key)
            .Select(g => (Region: g.Key, Amount: g.Sum(l => l.Amount), Quantity: g.Sum(l => l.Quantity)));
        Assert.Equal(
            expected.OrderBy(e => e.Region, StringComparer.Ordinal),
            byRegion.Select(r => (r.Region, r.Amount, r.Quantity)).OrderBy(e => e.Region, StringComparer.Ordinal));
        Assert.Equal([10.00m, 9.99m], topTwo);
    }

    [Fact]
    public async Task On_sqlite_money_is_an_integer_column_in_cents()
    {
        await using var probe = await ProbeContext.CreateAsync(DatabaseProvider.Sqlite);
        probe.Lines.Add(new ProbeLine { Id = 1, Amount = 1234.56m, Quantity = 0.001m, Region = "华东" });
        await probe.SaveChangesAsync();

        var raw = await probe.Database.SqlQuery<long>($"SELECT amount AS \"Value\" FROM probe_lines").SingleAsync();
        var type = await probe.Database.SqlQuery<string>($"SELECT typeof(quantity) AS \"Value\" FROM probe_lines").SingleAsync();

        Assert.Equal(123456L, raw);
        Assert.Equal("integer", type);
    }

    public sealed class ProbeLine
    {
        public int Id { get; set; }

        public decimal Amount { get; set; }

        public decimal Quantity { get; set; }

        public string Region { get; set; } = "";
    }

    private sealed class ProbeContext(DbContextOptions<ProbeContext> options, Func<ValueTask>? cleanup) : DbContext(options)
    {
        public DbSet<ProbeLine> Lines => Set<ProbeLine>();

        public static async Task<ProbeContext> CreateAsync(DatabaseProvider provider)
        {
            var options = new DbContextOptionsBuilder<ProbeContext>();
            Func<ValueTask>? cleanup = null;
            if (provider == DatabaseProvider.Sqlite)
            {
                var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
                await connection.OpenAsync();
                options.UseSqlite(connection).UseSnakeCaseNamingConvention();
                cleanup = connection.DisposeAsync;
            }
            else
            {
                var admin = Environment.GetEnvironmentVariable(TestDatabase.PostgresVariable);
                if (string.IsNullOrWhiteSpace(admin))
                {
                    Assert.Skip($"PostgreSQL not configured: set {TestDatabase.PostgresVariable} (scripts/test-postgres.sh starts a throwaway server; CI always sets it).");
                }

                var name = $"salesflow_probe_{Guid.NewGuid():N}";
                options.UseSalesFlowDatabase(DatabaseProvider.Postgres, new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString);
                cleanup = async () =>
                {
                    NpgsqlConnection.ClearAllPools();
                    await using var connection = new NpgsqlConnection(admin);
                    await connection.OpenAsync();
                    await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
                    await drop.ExecuteNonQueryAsync();
                };
            }

            var context = new ProbeContext(options.Options, cleanup);
            await context.Database.EnsureCreatedAsync();
            return context;
        }

        public override async ValueTask DisposeAsync()
        {
            await base.DisposeAsync();
            if (cleanup is not null)
            {
                await cleanup();
            }
        }

        protected override void OnModelCreating(ModelBuilder modelBuilder)
        {
            modelBuilder.Entity<ProbeLine>(b =>
            {
                b.ToTable("probe_lines");
                b.Property(l => l.Id).ValueGeneratedNever();
                b.Property(l => l.Amount).IsMoney();
                b.Property(l => l.Quantity).IsQuantity();
                b.Property(l => l.Region).HasMaxLength(10);
            });
            if (Database.IsSqlite())
            {
                DecimalStorage.StoreDecimalsAsMinorUnits(modelBuilder);
            }
        }
    }
}
