using System.Data.Common;
using System.Globalization;
using SalesFlow.Bench.Data;

namespace SalesFlow.Bench.Running;

/// <summary>
/// The baselines' side: hand-written SQL over a plain ADO.NET connection of the same pool settings, reading the columns
/// as stored (SQLite keeps money in cents and quantities in thousandths as integers, dates as ISO text).
/// </summary>
internal sealed class PlainSql(BenchDatabase database)
{
    public bool IsSqlite => database.IsSqlite;

    public Task<DbConnection> OpenAsync(CancellationToken ct) => database.OpenConnectionAsync(ct);

    /// <summary>Runs a query and turns each row into one answer line.</summary>
    public async Task<List<string>> LinesAsync(string sql, IReadOnlyDictionary<string, object> parameters, Func<DbDataReader, string> line, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(line(reader));
        }

        return lines;
    }

    public async Task<object?> ScalarAsync(string sql, IReadOnlyDictionary<string, object> parameters, CancellationToken ct)
    {
        await using var connection = await database.OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(ct);
    }

    public DbCommand Command(DbConnection connection, string sql, IReadOnlyDictionary<string, object> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 0;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = (value, IsSqlite) switch
            {
                (DateOnly date, true) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                (System.Guid id, true) => id.ToString().ToUpperInvariant(), // as EF Core's SQLite provider stores it
                _ => value,
            };
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>A money column (or a SUM of one) as decimal.</summary>
    public decimal Money(DbDataReader reader, int ordinal) => Scaled(reader, ordinal, 100m);

    /// <summary>A quantity column (or a SUM of one) as decimal; targets' amounts are stored with this scale too.</summary>
    public decimal Quantity(DbDataReader reader, int ordinal) => Scaled(reader, ordinal, 1000m);

    private decimal Scaled(DbDataReader reader, int ordinal, decimal factor) =>
        reader.IsDBNull(ordinal) ? 0m : IsSqlite ? reader.GetInt64(ordinal) / factor : reader.GetDecimal(ordinal);

    public string Guid(DbDataReader reader, int ordinal) =>
        IsSqlite ? System.Guid.Parse(reader.GetString(ordinal)).ToString() : reader.GetGuid(ordinal).ToString();

    /// <summary>"yyyy-MM" of a date column.</summary>
    public string MonthOf(string column) => IsSqlite ? $"substr({column}, 1, 7)" : $"to_char({column}, 'YYYY-MM')";

    public static string Amount(decimal value) => value.ToString("F2", CultureInfo.InvariantCulture);
}
