using System.Data.Common;
using System.IO.Hashing;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// A hash of every row of every table of the app's model (on either engine), to show that a sweep of refused requests
/// changed nothing. Rows are hashed in key order by their text, so the same data gives the same fingerprint.
/// Tables that requests and background jobs write without changing business data (sign-in throttling, a token's
/// last use, idempotency claims, job leases) are left out by name.
/// </summary>
public static class DatabaseFingerprint
{
    private static readonly string[] Bookkeeping = ["idempotency_keys", "login_attempts", "api_tokens", "job_leases"];

    public static Task<IReadOnlyDictionary<string, string>> TakeAsync(SalesFlowApp app) => TakeAsync(app, null);

    /// <summary>
    /// The fingerprint of the app's tables read through <paramref name="other"/> (an open connection to a backup or a
    /// restored copy), or through the app's own connection when it is null.
    /// </summary>
    public static async Task<IReadOnlyDictionary<string, string>> TakeAsync(SalesFlowApp app, DbConnection? other)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(TestContext.Current.CancellationToken);
        var tables = db.Model.GetEntityTypes()
            .Where(t => t.GetTableName() is not null && t.GetViewName() is null && !t.IsOwned())
            .Select(t => t.GetTableName()!)
            .Distinct(StringComparer.Ordinal)
            .Where(t => !Bookkeeping.Contains(t, StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

        var connection = other ?? db.Database.GetDbConnection();
        if (other is null)
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            result[table] = await HashAsync(connection, table);
        }

        return result;
    }

    /// <summary>The tables whose fingerprints differ, for a failure message.</summary>
    public static IReadOnlyList<string> Changed(IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after) =>
        before.Keys.Union(after.Keys).Where(t => before.GetValueOrDefault(t) != after.GetValueOrDefault(t)).Order(StringComparer.Ordinal).ToList();

    private static async Task<string> HashAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        // Table names come from the app's model, never from input.
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        var rows = new List<ulong>();
        var line = new StringBuilder();
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            line.Clear();
            for (var i = 0; i < reader.FieldCount; i++)
            {
                line.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('\u001f');
            }

            rows.Add(XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(line.ToString())));
        }

        // Order-independent: the rows' hashes sorted, then hashed together, with the count.
        rows.Sort();
        var all = new byte[rows.Count * 8];
        for (var i = 0; i < rows.Count; i++)
        {
            BitConverter.TryWriteBytes(all.AsSpan(i * 8), rows[i]);
        }

        return $"{rows.Count}:{XxHash3.HashToUInt64(all):x16}";
    }
}
