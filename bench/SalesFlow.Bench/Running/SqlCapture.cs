using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace SalesFlow.Bench.Running;

/// <summary>One command the product sent: its text and its parameters as they went to the driver.</summary>
internal sealed record CapturedCommand(string Text, IReadOnlyList<DbParameterCopy> Parameters)
{
    /// <summary>EF Core's COUNT query of a paged list (it reads one row with one value).</summary>
    public bool IsCount => Text.TrimStart().StartsWith("SELECT COUNT(*)", StringComparison.OrdinalIgnoreCase);
}

internal sealed record DbParameterCopy(string Name, object? Value, DbType DbType, NpgsqlTypes.NpgsqlDbType? NpgsqlType);

/// <summary>
/// Records the SQL EF Core sends while a capture is open on the current async flow (EF Core's diagnostic events), so
/// a baseline can run exactly the product's SQL over plain ADO.NET: the difference is then everything the product adds.
/// </summary>
internal sealed class SqlCapture : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>
{
    private static readonly AsyncLocal<List<CapturedCommand>?> Current = new();
    private static int _subscribed;

    public static void Install()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            DiagnosticListener.AllListeners.Subscribe(new SqlCapture());
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns the commands it sent.</summary>
    public static async Task<IReadOnlyList<CapturedCommand>> CaptureAsync(Func<Task> action)
    {
        Install();
        var commands = new List<CapturedCommand>();
        Current.Value = commands;
        try
        {
            await action();
        }
        finally
        {
            Current.Value = null;
        }

        return commands;
    }

    /// <summary>Replays captured commands on a fresh pooled connection, reading every value of every row; returns each command's row count and first value.</summary>
    public static async Task<List<(int Rows, object? First)>> ReplayAsync(PlainSql sql, IReadOnlyList<CapturedCommand> commands, CancellationToken ct)
    {
        var answers = new List<(int, object?)>();
        await using var connection = await sql.OpenAsync(ct);
        foreach (var captured in commands)
        {
            await using var command = ToCommand(connection, captured);
            await using var reader = await command.ExecuteReaderAsync(ct);
            var rows = 0;
            object? first = null;
            var values = new object[reader.FieldCount];
            while (await reader.ReadAsync(ct))
            {
                reader.GetValues(values);
                first ??= values[0];
                rows++;
            }

            answers.Add((rows, first));
        }

        return answers;
    }

    /// <summary>The captured command on a plain connection, with its parameters as EF Core sent them.</summary>
    public static DbCommand ToCommand(DbConnection connection, CapturedCommand captured)
    {
        var command = connection.CreateCommand();
        command.CommandText = captured.Text;
        foreach (var p in captured.Parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = p.Name;
            parameter.Value = p.Value ?? DBNull.Value;
            parameter.DbType = p.DbType;
            if (parameter is NpgsqlParameter npgsql && p.NpgsqlType is { } type)
            {
                npgsql.NpgsqlDbType = type;
            }

            command.Parameters.Add(parameter);
        }

        return command;
    }

    public void OnNext(DiagnosticListener value)
    {
        if (value.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
        {
            value.Subscribe(this);
        }
    }

    public void OnNext(KeyValuePair<string, object?> value)
    {
        if (Current.Value is { } commands && value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data)
        {
            var parameters = data.Command.Parameters.Cast<DbParameter>()
                .Select(p => new DbParameterCopy(p.ParameterName, p.Value, p.DbType, p is NpgsqlParameter n ? n.NpgsqlDbType : null)).ToList();
            commands.Add(new CapturedCommand(data.Command.CommandText, parameters));
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error)
    {
    }
}
