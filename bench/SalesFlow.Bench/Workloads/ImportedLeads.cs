using System.Data.Common;
using SalesFlow.Bench.Running;

namespace SalesFlow.Bench.Workloads;

/// <summary>A lead of the import file as it was stored: what both W1 paths must agree on.</summary>
internal sealed record StoredLead(string Mobile, string Company, string Name, string? Email, string Source, string? Needs, string? RegionId, string OwnerId, string UnitId, string Status)
{
    public override string ToString() => $"{Mobile}|{Company}|{Name}|{Email}|{Source}|{Needs}|{RegionId}|{OwnerId}|{UnitId}|{Status}";
}

/// <summary>
/// The leads W1 imports (every mobile of series '8' belongs to the import file, nothing else uses it), read back or
/// deleted with their audit lines and the bench's import jobs, so each run starts from the dataset as generated.
/// </summary>
internal sealed class ImportedLeads(PlainSql sql)
{
    public const string FileName = "bench-w1-leads.csv";

    private const string Imported = "mobile LIKE '18%'";

    /// <summary>Streams the imported leads; returns how many and an order-independent checksum over every stored value.</summary>
    public async Task<(int Count, ulong Checksum)> ReadAsync(Action<StoredLead>? each, CancellationToken ct)
    {
        await using var connection = await sql.OpenAsync(ct);
        await using var command = sql.Command(connection,
            $"SELECT mobile, company, name, email, source, needs, region_id, owner_id, org_unit_id, status FROM leads WHERE {Imported}", new Dictionary<string, object>());
        await using var reader = await command.ExecuteReaderAsync(ct);
        var count = 0;
        ulong checksum = 0;
        while (await reader.ReadAsync(ct))
        {
            var lead = new StoredLead(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), Text(reader, 3), reader.GetString(4), Text(reader, 5),
                reader.IsDBNull(6) ? null : sql.Guid(reader, 6), sql.Guid(reader, 7), sql.Guid(reader, 8), reader.GetString(9));
            each?.Invoke(lead);
            count++;
            checksum += Fnv(lead.ToString());
        }

        return (count, checksum);
    }

    /// <summary>The imported leads, their audit lines and the bench's import jobs with their row errors.</summary>
    public async Task DeleteAsync(CancellationToken ct)
    {
        var leadId = sql.IsSqlite ? "lower(id)" : "id::text";
        await using var connection = await sql.OpenAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        // Fresh statistics first: right after a 1M-row import PostgreSQL still believes the audit trail holds no lead
        // entries, plans a nested loop over it for every imported lead and runs for hours (seen at L).
        string[] analyze = sql.IsSqlite ? [] : ["ANALYZE leads, audit_entries"];
        foreach (var text in analyze.Concat(
        [
            $"DELETE FROM audit_entries WHERE entity_type = 'Lead' AND entity_id IN (SELECT {leadId} FROM leads WHERE {Imported})",
            $"DELETE FROM leads WHERE {Imported}",
            $"DELETE FROM import_row_errors WHERE job_id IN (SELECT id FROM import_jobs WHERE file_name = '{FileName}')",
            $"DELETE FROM import_jobs WHERE file_name = '{FileName}'",
        ]))
        {
            await using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = text;
            command.CommandTimeout = 0;
            await command.ExecuteNonQueryAsync(ct);
        }

        await transaction.CommitAsync(ct);
        if (!sql.IsSqlite)
        {
            // The million dead rows are vacuumed now, not by autovacuum in the middle of the next pair's timed import: at L
            // that made one product run take 196 s against 120 s for the one before it.
            foreach (var table in (string[])["leads", "audit_entries"])
            {
                await using var vacuum = connection.CreateCommand();
                vacuum.CommandText = $"VACUUM (ANALYZE) {table}";
                vacuum.CommandTimeout = 0;
                await vacuum.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static string? Text(DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static ulong Fnv(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }
}
