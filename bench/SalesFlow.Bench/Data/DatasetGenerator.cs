using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Planning.Summaries;

namespace SalesFlow.Bench.Data;

/// <summary>
/// Generates a scale's dataset into an empty database: the product's migrations and reference data, the company tree
/// through EF Core, then the big tables through the bulk writer (secondary indexes and SQLite's search index rebuilt
/// after the load), the sales summaries through the product's own rebuild, the number series moved past the generated
/// numbers, and statistics refreshed. Deterministic: the same scale gives the same records.
/// </summary>
internal static class DatasetGenerator
{
    public static async Task GenerateAsync(BenchDatabase database, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var scale = database.Scale;
        Console.WriteLine($"generating {scale.Name} on {database.Provider}: {scale.Customers:N0} customers, {scale.Leads:N0} leads, {scale.Dealers:N0} dealers, " +
                          $"{scale.Reps:N0} reps, {scale.Products:N0} products, {scale.Orders:N0} orders (~{scale.OrderLines:N0} lines)");
        await database.RecreateAsync(ct);
        await using var services = database.Services();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(migrate: true, seedDemo: false, "", ct);
        }

        var organization = await BenchCompany.AddAsync(services, scale, ct);
        var records = new BenchRecords(scale, organization);
        var orders = new BenchOrders(scale, organization, records);
        Microsoft.EntityFrameworkCore.Metadata.IModel model;
        await using (var db = await BenchContexts.OpenAsync(services, ct))
        {
            model = db.Model;
        }

        await using (var writer = await BulkWriter.OpenAsync(database, model, ct))
        {
            if (database.IsSqlite)
            {
                // A generated file can be generated again: durability during the load buys nothing.
                await writer.ExecuteAsync("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;", ct);
                foreach (var statement in SearchIndexSql.SqliteDown())
                {
                    await writer.ExecuteAsync(statement, ct);
                }
            }

            var deferred = new List<Func<CancellationToken, Task>>();
            foreach (var table in new[] { "customers", "contacts", "leads", "orders", "order_lines", "targets" })
            {
                deferred.Add(await writer.DeferIndexesAsync(table, ct));
            }

            await writer.WriteAsync(records.ProductRecords(), ct);
            var (list, items) = records.PriceList();
            await writer.WriteAsync([list], ct);
            await writer.WriteAsync(items, ct);
            await writer.WriteAsync(records.Customers(), ct);
            await writer.WriteAsync(records.Contacts(), ct);
            await writer.WriteAsync(records.Dealers(), ct);
            await writer.WriteAsync(records.Leads(), ct);
            await writer.WriteAsync(orders.Orders(countActuals: true), ct);
            await writer.WriteAsync(orders.Orders(countActuals: false).SelectMany(o => o.Lines), ct);
            await writer.WriteAsync(BenchTargets.For(organization, records, orders), ct);
            foreach (var recreate in deferred)
            {
                await recreate(ct);
            }

            if (database.IsSqlite)
            {
                var search = Stopwatch.GetTimestamp();
                foreach (var statement in SearchIndexSql.SqliteUp())
                {
                    await writer.ExecuteAsync(statement, ct);
                }

                Console.WriteLine($"  {"search index",-28} {"",12}       {Stopwatch.GetElapsedTime(search).TotalSeconds,7:N1} s");
            }
        }

        await using (var db = await BenchContexts.OpenAsync(services, ct))
        {
            db.Counters.Add(new Counter(Customer.NumberSeries, SequenceNumbers.NoYear, scale.Customers));
            db.Counters.Add(new Counter(Dealer.NumberSeries, SequenceNumbers.NoYear, scale.Dealers));
            foreach (var (year, last) in orders.LastNumberByYear)
            {
                db.Counters.Add(new Counter(Order.NumberSeries, year, last));
            }

            await db.SaveChangesAsync(ct);
        }

        var summaries = Stopwatch.GetTimestamp();
        await using (var db = await BenchContexts.OpenAsync(services, ct))
        {
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            await SalesSummaries.RebuildAsync(db, ct);
        }

        Console.WriteLine($"  {"sales summaries (product)",-28} {"",12}       {Stopwatch.GetElapsedTime(summaries).TotalSeconds,7:N1} s");
        await AnalyzeAsync(database, ct);
        Console.WriteLine($"generated {scale.Name} on {database.Provider} in {Stopwatch.GetElapsedTime(started).TotalMinutes:N1} min ({orders.LineCount:N0} order lines)");
    }

    /// <summary>
    /// Statistics for the indexes a migration added after the dataset was generated (SQLite). The generator analyzed the
    /// dataset; a new index without a <c>sqlite_stat1</c> row looks more selective to SQLite than the analyzed ones, so it
    /// wins plans it should not: the orders status index made a rep's raw year scan read every order of the year (115 ms → 11 s).
    /// PostgreSQL keeps its statistics per column, so its new indexes need none.
    /// </summary>
    public static async Task AnalyzeNewIndexesAsync(BenchDatabase database, CancellationToken ct)
    {
        if (!database.IsSqlite)
        {
            return;
        }

        await using var connection = await database.OpenConnectionAsync(ct);
        var indexes = new List<string>();
        await using (var find = connection.CreateCommand())
        {
            find.CommandText = """
                SELECT i.name FROM sqlite_master i
                WHERE i.type = 'index' AND i.tbl_name IN (SELECT tbl FROM sqlite_stat1) AND i.name NOT IN (SELECT idx FROM sqlite_stat1 WHERE idx IS NOT NULL)
                """;
            await using var reader = await find.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                indexes.Add(reader.GetString(0));
            }
        }

        foreach (var index in indexes)
        {
            var started = Stopwatch.GetTimestamp();
            await using var analyze = connection.CreateCommand();
            analyze.CommandTimeout = 0;
            analyze.CommandText = $"ANALYZE \"{index}\"";
            await analyze.ExecuteNonQueryAsync(ct);
            Console.WriteLine($"  statistics for {index}, added after the dataset was generated: {Stopwatch.GetElapsedTime(started).TotalSeconds:N1} s");
        }
    }

    private static async Task AnalyzeAsync(BenchDatabase database, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandTimeout = 0;
        command.CommandText = database.IsSqlite ? "ANALYZE; PRAGMA wal_checkpoint(TRUNCATE);" : "VACUUM ANALYZE";
        await command.ExecuteNonQueryAsync(ct);
        Console.WriteLine($"  {"statistics",-28} {"",12}       {Stopwatch.GetElapsedTime(started).TotalSeconds,7:N1} s");
    }
}
