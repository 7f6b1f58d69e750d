using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net.Http.Headers;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// The built app (SalesFlow.Web.dll, copied beside the tests) run as a real child process on a free loopback port, so that a
/// test can kill it with SIGKILL — no shutdown hook, no finally block, no flush — and start it again on the same database.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private AppProcess(Process process)
    {
        _process = process;
    }

    public Uri BaseAddress { get; private set; } = default!;

    /// <summary>The last lines the app wrote, for a failure message.</summary>
    public string Tail => string.Join('\n', _output.TakeLast(40));

    public static async Task<AppProcess> StartAsync(AppDatabase database, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SalesFlow.Web.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Database__Provider"] = database.OnPostgres ? "Postgres" : "Sqlite";
        start.Environment["ConnectionStrings__SalesFlow"] = database.ConnectionString;
        start.Environment["Database__MigrateOnStartup"] = "true";
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Jobs__Reminders__Enabled"] = "false";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        foreach (var (key, value) in settings)
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var app = new AppProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        app._process.OutputDataReceived += (_, e) => app.Seen(e.Data);
        app._process.ErrorDataReceived += (_, e) => app.Seen(e.Data);
        app._process.Exited += (_, _) => app._listening.TrySetException(new InvalidOperationException("The app exited before listening:\n" + app.Tail));
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        try
        {
            app.BaseAddress = await app._listening.Task.WaitAsync(TimeSpan.FromMinutes(2), TestContext.Current.CancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    /// <summary>SIGKILL: the process ends where it stands.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>An API client signed in as a demo user with a bearer token.</summary>
    public async Task<HttpClient> ClientAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var token = await client.PostJsonAsync("/api/v1/auth/token", new { userName, password = SalesFlowApp.DemoPassword });
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Str("accessToken"));
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
    }

    private void Seen(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 200)
        {
            _output.TryDequeue(out _);
        }

        const string Listening = "Now listening on: ";
        var at = line.IndexOf(Listening, StringComparison.Ordinal);
        if (at >= 0)
        {
            _listening.TrySetResult(new Uri(line[(at + Listening.Length)..].Trim()));
        }
    }
}

/// <summary>
/// A database holding the demo company that outlives the app processes using it: a SQLite file, or a PostgreSQL database of
/// its own when <c>SALESFLOW_TEST_POSTGRES</c> is set. Read directly (ADO.NET) by the tests, never through the app.
/// </summary>
public sealed class AppDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresServer;
    private readonly string? _postgresDatabase;

    private AppDatabase(string connectionString, string? sqliteFile, string? postgresServer, string? postgresDatabase)
    {
        ConnectionString = connectionString;
        _sqliteFile = sqliteFile;
        _postgresServer = postgresServer;
        _postgresDatabase = postgresDatabase;
    }

    public string ConnectionString { get; }

    public bool OnPostgres => _postgresServer is not null;

    public static async Task<AppDatabase> CreateAsync()
    {
        if (Environment.GetEnvironmentVariable(SalesFlowApp.PostgresVariable) is { Length: > 0 } server)
        {
            var name = $"salesflow_test_{Guid.NewGuid():N}";
            await DemoTemplate.CreatePostgresDatabaseAsync(server, name, await DemoTemplate.PostgresAsync(server));
            return new AppDatabase(new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString, null, server, name);
        }

        var file = Path.Combine(Path.GetTempPath(), $"salesflow-process-{Guid.NewGuid():N}.db");
        await using (var target = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            await target.OpenAsync();
            await DemoTemplate.CopySqliteIntoAsync(target);
        }

        return new AppDatabase($"Data Source={file}", file, null, null);
    }

    /// <summary>A connection of the test's own, not pooled, so a SQLite file is never held open between checks.</summary>
    public async Task<DbConnection> OpenAsync()
    {
        DbConnection connection = OnPostgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString)
            : new SqliteConnection(ConnectionString + ";Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        return connection;
    }

    /// <summary>The rows of a query, each as its columns' text.</summary>
    public async Task<List<string?[]>> QueryAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }

        var rows = new List<string?[]>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgresServer is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(_postgresServer);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresDatabase}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }

        if (_sqliteFile is not null)
        {
            foreach (var file in new[] { _sqliteFile, _sqliteFile + "-wal", _sqliteFile + "-shm" })
            {
                File.Delete(file);
            }
        }
    }
}
