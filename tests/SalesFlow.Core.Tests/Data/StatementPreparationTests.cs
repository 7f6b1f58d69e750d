using Microsoft.EntityFrameworkCore;
using Npgsql;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Tests.Data;

public class StatementPreparationTests
{
    [Fact]
    public void A_connection_string_that_does_not_say_gets_the_default()
    {
        var prepared = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithStatementPreparation("Host=db;Database=salesflow;Username=app;Password=secret"));

        Assert.Equal(DatabaseSetup.DefaultMaxAutoPrepare, prepared.MaxAutoPrepare);
        Assert.Equal("secret", prepared.Password);
        Assert.Equal("salesflow", prepared.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0", 0)]
    [InlineData("Host=db;MaxAutoPrepare=12", 12)]
    [InlineData("Host=db;max auto prepare=40", 40)]
    public void A_connection_string_that_sets_it_keeps_its_value(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(DatabaseSetup.WithStatementPreparation(connectionString)).MaxAutoPrepare);

    [Fact]
    public async Task A_statement_run_again_on_a_connection_is_prepared_on_the_server()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        await db.Database.OpenConnectionAsync();
        for (var i = 0; i < 6; i++)
        {
            await db.Customers.Where(c => c.Name == "preparation probe " + i).CountAsync();
        }

        var prepared = await db.Database.SqlQueryRaw<string>("SELECT statement AS \"Value\" FROM pg_prepared_statements").ToListAsync();
        Assert.Contains(prepared, s => s.Contains("FROM customers", StringComparison.Ordinal));
    }
}
