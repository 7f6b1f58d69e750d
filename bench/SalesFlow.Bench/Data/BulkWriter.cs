using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace SalesFlow.Bench.Data;

/// <summary>One column as the product maps it: its name, its store type and how a record's value is written there.</summary>
internal sealed record BulkColumn(string Name, string StoreType, Func<object, object?> Read);

/// <summary>
/// A table as the product's EF Core model maps it, so the bulk paths write exactly what SaveChanges would: the same
/// columns, the provider's value converters (enums as text, money in minor units on SQLite, UTC timestamps).
/// Store-generated keys are left to the database.
/// </summary>
internal sealed record BulkTable(string Name, IReadOnlyList<BulkColumn> Columns)
{
    public static BulkTable Of<T>(IModel model)
    {
        var entity = model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<BulkColumn>();
        foreach (var property in entity.GetProperties())
        {
            if (property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey() && property.ClrType != typeof(Guid))
            {
                continue;
            }

            var getter = property.GetGetter();
            var converter = property.GetTypeMapping().Converter;
            Func<object, object?> read = converter is null
                ? getter.GetClrValueUsingContainingEntity
                : e => getter.GetClrValueUsingContainingEntity(e) is { } value ? converter.ConvertToProvider(value) : null;
            columns.Add(new BulkColumn(property.GetColumnName(store)!, property.GetColumnType(store), read));
        }

        return new BulkTable(name, columns);
    }
}

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
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) " +
                              $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        long count = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].Read(row) ?? DBNull.Value;
            }

            command.ExecuteNonQuery();
            count++;
        }

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
    protected override async Task<long> WriteAsync<T>(BulkTable table, IEnumerable<T> rows, CancellationToken ct)
    {
        var types = table.Columns.Select(c => c.StoreType.Split('(')[0].Trim()).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY \"{table.Name}\" ({string.Join(", ", table.Columns.Select(c => $"\"{c.Name}\""))}) FROM STDIN (FORMAT BINARY)", ct);

        // Finishing a 10M-row COPY (foreign keys checked at the end) takes far longer than the default 30 s command timeout.
        importer.Timeout = TimeSpan.FromHours(2);
        long count = 0;
        foreach (var row in rows)
        {
            // Synchronous writes: the importer buffers, and the async overloads cost more than they save per value.
            importer.StartRow();
            for (var i = 0; i < types.Length; i++)
            {
                if (table.Columns[i].Read(row) is { } value)
                {
                    importer.Write(value, types[i]);
                }
                else
                {
                    importer.WriteNull();
                }
            }

            count++;
        }

        await importer.CompleteAsync(ct);
        return count;
    }

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
