using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SalesFlow.Core.Data;

namespace SalesFlow.Bench.Data;

/// <summary>
/// Writes records straight into their tables by the engine's bulk path: PostgreSQL binary COPY, SQLite one
/// transaction with a prepared INSERT. Secondary indexes of a big table can be dropped for the load and rebuilt after
/// (<see cref="DeferIndexesAsync"/>), as any bulk load into a large table does.
/// </summary>
internal abstract class BulkWriter(DbConnection connection, IModel model) : IAsyncDisposable
{
    protected DbConnection Connection { get; } = connection;

    public static async Task<BulkWriter> OpenAsync(BenchDatabase database, IModel model, CancellationToken ct)
    {
        var connection = await database.OpenConnectionAsync(ct);
        return database.IsSqlite ? new SqliteBulkWriter((SqliteConnection)connection, model) : new PostgresBulkWriter((NpgsqlConnection)connection, model);
    }

    public async Task<long> WriteAsync<T>(IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var started = Stopwatch.GetTimestamp();
        var table = BulkTable.Of<T>(model);
        var count = await WriteAsync(table, rows, ct);
        Console.WriteLine($"  {table.Name,-28} {count,12:N0} rows  {Stopwatch.GetElapsedTime(started).TotalSeconds,7:N1} s");
        return count;
    }

    protected abstract Task<long> WriteAsync<T>(BulkTable table, IEnumerable<T> rows, CancellationToken ct)
        where T : class;

    /// <summary>Drops the table's secondary indexes and returns a callback that creates them again.</summary>
    public abstract Task<Func<CancellationToken, Task>> DeferIndexesAsync(string table, CancellationToken ct);

    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }

    protected async Task<List<(string Name, string Sql)>> ReadPairsAsync(string sql, string table, CancellationToken ct)
    {
        await using var command = Connection.CreateCommand();
        command.CommandText = sql;
        var parameter = command.CreateParameter();
        parameter.ParameterName = "table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var pairs = new List<(string, string)>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }

    protected Func<CancellationToken, Task> Recreate(string table, IReadOnlyList<(string Name, string Sql)> indexes) => async ct =>
    {
        var started = Stopwatch.GetTimestamp();
        foreach (var (_, sql) in indexes)
        {
            await ExecuteAsync(sql, ct);
        }

        Console.WriteLine($"  {table,-28} {indexes.Count,12} indexes {Stopwatch.GetElapsedTime(started).TotalSeconds,7:N1} s");
    };

    public ValueTask DisposeAsync() => Connection.DisposeAsync();
}

internal sealed class SqliteBulkWriter(SqliteConnection connection, IModel model) : BulkWriter(connection, model)
{
    protected override async Task<long> WriteAsync<T>(BulkTable table, IEnumerable<T> rows, CancellationToken ct)
    {
        await using var transaction = (SqliteTransaction)await Connection.BeginTransactionAsync(ct);
        var count = await BulkInsert.InsertAsync(connection, transaction, table, rows, ct);
        await transaction.CommitAsync(ct);
        return count;
    }

    public override async Task<Func<CancellationToken, Task>> DeferIndexesAsync(string table, CancellationToken ct)
    {
        var indexes = await ReadPairsAsync("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = $table AND sql IS NOT NULL", table, ct);
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
        }

        return Recreate(table, indexes);
    }
}

internal sealed class PostgresBulkWriter(NpgsqlConnection connection, IModel model) : BulkWriter(connection, model)
{
    // Finishing a 10M-row COPY (foreign keys checked at the end) takes far longer than the default 30 s command timeout.
    protected override Task<long> WriteAsync<T>(BulkTable table, IEnumerable<T> rows, CancellationToken ct) =>
        BulkInsert.CopyAsync(connection, table, rows, ct, TimeSpan.FromHours(2));

    public override async Task<Func<CancellationToken, Task>> DeferIndexesAsync(string table, CancellationToken ct)
    {
        // Constraint indexes (primary and unique keys) stay: foreign keys and ON CONFLICT need them.
        var indexes = await ReadPairsAsync(
            "SELECT i.indexname, i.indexdef FROM pg_indexes i WHERE i.schemaname = 'public' AND i.tablename = @table " +
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)", table, ct);
        foreach (var (name, _) in indexes)
        {
            await ExecuteAsync($"DROP INDEX \"{name}\"", ct);
        }

        return Recreate(table, indexes);
    }
}
