using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace SalesFlow.Core.Data;

/// <summary>
/// Work a save interceptor does to a context's pending changes before they are written (audit stamps and entries, the
/// summary marks), so <see cref="BulkInsert"/> can do exactly the same before it writes them another way.
/// </summary>
internal interface IBeforeSave
{
    void BeforeSave(SalesFlowDbContext db);
}

/// <summary>
/// Saves a context's added records by the engine's bulk path — PostgreSQL binary COPY, SQLite one prepared INSERT per
/// table — on the context's connection and inside its open transaction. Everything SaveChanges does first still runs
/// (every <see cref="IBeforeSave"/> interceptor: the audit trail is written alongside, in the same transaction), and
/// the columns and values are the model's (<see cref="BulkTable"/>). For large add-only work such as an import's
/// apply pass, where EF Core's per-row INSERT pipeline costs more than the rows themselves. Afterwards the change
/// tracker is empty.
/// </summary>
internal static class BulkInsert
{
    public static async Task<int> SaveAddedAsync(SalesFlowDbContext db, CancellationToken ct)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("BulkInsert writes inside the caller's transaction; begin one first.");
        // Entries() detects changes first unless the caller turned that off (an add-only import, whose records never change).
        if (db.ChangeTracker.Entries().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
        {
            throw new InvalidOperationException("BulkInsert only adds records; save changes to loaded records with SaveChanges.");
        }

        var hooks = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.OfType<IBeforeSave>() ?? [];
        foreach (var hook in hooks)
        {
            hook.BeforeSave(db);
        }

        var groups = InDependencyOrder(db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).GroupBy(e => e.Metadata).ToList());
        var written = 0;
        foreach (var group in groups)
        {
            var table = BulkTable.Of(group.Key);
            var records = group.Select(e => e.Entity).ToList();
            try
            {
                written += (int)(transaction.Connection is NpgsqlConnection postgres
                    ? await CopyAsync(postgres, table, records, ct)
                    : await InsertAsync((SqliteConnection)transaction.Connection!, (SqliteTransaction)transaction, table, records, ct));
            }
            catch (System.Data.Common.DbException e)
            {
                // Fails as SaveChanges fails, so callers handle a refused row one way whichever path saved it.
                throw new DbUpdateException($"The database refused a {group.Key.DisplayName()} record: {e.Message}", e);
            }
        }

        db.ChangeTracker.Clear();
        return written;
    }

    // A table whose rows point at rows added in the same save is written after the table they point at.
    private static List<IGrouping<IEntityType, EntityEntry>> InDependencyOrder(List<IGrouping<IEntityType, EntityEntry>> groups)
    {
        var ordered = new List<IGrouping<IEntityType, EntityEntry>>();
        var pending = groups.ToList();
        while (pending.Count > 0)
        {
            var next = pending.FirstOrDefault(g => !g.Key.GetForeignKeys().Any(k => k.PrincipalEntityType != g.Key && pending.Any(p => p.Key == k.PrincipalEntityType)))
                ?? throw new NotSupportedException("The added records reference each other in a cycle; save them with SaveChanges.");
            ordered.Add(next);
            pending.Remove(next);
        }

        return ordered;
    }

    /// <summary>Binary COPY of the records into their table; <paramref name="timeout"/> bounds finishing it (the foreign keys are checked then).</summary>
    internal static async Task<long> CopyAsync(NpgsqlConnection connection, BulkTable table, IEnumerable<object> records, CancellationToken ct, TimeSpan? timeout = null)
    {
        var types = table.Columns.Select(c => c.StoreType.Split('(')[0].Trim()).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {table.Target} FROM STDIN (FORMAT BINARY)", ct);
        if (timeout is { } limit)
        {
            importer.Timeout = limit;
        }

        long count = 0;
        foreach (var record in records)
        {
            count++;
            // Synchronous writes: the importer buffers, and the async overloads cost more than they save per value.
            importer.StartRow();
            for (var i = 0; i < types.Length; i++)
            {
                if (table.Columns[i].Read(record) is { } value)
                {
                    importer.Write(value, types[i]);
                }
                else
                {
                    importer.WriteNull();
                }
            }
        }

        await importer.CompleteAsync(ct);
        return count;
    }

    /// <summary>One prepared INSERT run for every record, in the given transaction.</summary>
    internal static async Task<long> InsertAsync(SqliteConnection connection, SqliteTransaction transaction, BulkTable table, IEnumerable<object> records, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO {table.Target} VALUES ({string.Join(", ", table.Columns.Select((_, i) => "$p" + i))})";
        var parameters = table.Columns.Select((_, i) => command.Parameters.Add(new SqliteParameter("$p" + i, null))).ToArray();
        command.Prepare();
        long count = 0;
        foreach (var record in records)
        {
            for (var i = 0; i < parameters.Length; i++)
            {
                parameters[i].Value = table.Columns[i].Read(record) ?? DBNull.Value;
            }

            // Synchronous: SQLite has no asynchronous I/O, and the async path only adds overhead per row.
            command.ExecuteNonQuery();
            count++;
        }

        return count;
    }
}
