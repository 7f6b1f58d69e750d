using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace SalesFlow.Core.Data;

/// <summary>
/// Human-readable document numbers such as <c>SO-2026-000042</c>: gap-free per type and year.
/// The counter row is incremented inside the caller's transaction, so the number is taken only if the
/// document is saved, and concurrent callers queue on the row lock (PostgreSQL) or the write lock (SQLite).
/// </summary>
public static class SequenceNumbers
{
    /// <summary>Numbers that run across years use this year.</summary>
    public const int NoYear = 0;

    public static async Task<long> NextValueAsync(SalesFlowDbContext db, string name, int year, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("SequenceNumbers must run inside the transaction that saves the numbered document.");
        }

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var next = await db.Database
                .SqlQuery<long>($"UPDATE counters SET value = value + 1 WHERE name = {name} AND year = {year} RETURNING value AS \"Value\"")
                .ToListAsync(ct);
            if (next.Count == 1)
            {
                return next[0];
            }

            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO counters (name, year, value) VALUES ({name}, {year}, 0) ON CONFLICT (name, year) DO NOTHING", ct);
        }

        throw new InvalidOperationException($"Counter {name}/{year} could not be created.");
    }

    public static async Task<string> NextAsync(SalesFlowDbContext db, string prefix, int year, CancellationToken ct)
    {
        var value = await NextValueAsync(db, prefix, year, ct);
        return year == NoYear ? $"{prefix}-{value:D6}" : $"{prefix}-{year}-{value:D6}";
    }

    /// <summary>Begins the transaction a numbered insert needs, unless one is already open.</summary>
    public static async Task<IDbContextTransaction?> BeginIfNeededAsync(SalesFlowDbContext db, CancellationToken ct) =>
        db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
}
