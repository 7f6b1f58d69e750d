using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;
using Npgsql;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Tests.Reliability;

/// <summary>
/// R16 on SQLite: the operator's <c>backup &lt;file&gt;</c> verb (<see cref="DatabaseCommands"/>) run against the app's
/// database file while clients write and read through the API; the app keeps answering, the backup passes
/// <c>PRAGMA integrity_check</c>, holds one consistent moment (everything answered before it, nothing asked after it,
/// every record matching its audit trail), is restored with the <c>restore</c> verb and served by the app again. Taken
/// with the writers stopped, it equals the source table by table.
/// </summary>
public sealed class SqliteBackupRestoreTests(SqliteFileApp app) : IClassFixture<SqliteFileApp>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("salesflow-backup-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_backup_taken_under_write_load_keeps_the_app_answering_and_restores_to_one_consistent_moment()
    {
        Assert.False(app.OnPostgres);
        var clock = Stopwatch.StartNew();
        var written = new ConcurrentBag<(Guid Id, string Name, TimeSpan Asked, TimeSpan Answered)>();
        var failures = new ConcurrentBag<string>();
        var reads = new ConcurrentBag<(TimeSpan Start, TimeSpan End)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var writers = Enumerable.Range(1, 4).Select(w => Task.Run(async () =>
        {
            var rep = await app.ClientAsync($"rep.huadong.{w}");
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var name = $"备份负载{w}-{n}号有限公司";
                var asked = clock.Elapsed;
                using var response = await rep.Post("/api/v1/customers", new { name, type = "Smb" });
                var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    failures.Add($"write {name}: {(int)response.StatusCode} {body}");
                    continue;
                }

                written.Add((System.Text.Json.JsonDocument.Parse(body).RootElement.Id(), name, asked, clock.Elapsed));
            }
        })).ToList();
        var reader = Task.Run(async () =>
        {
            var director = await app.ClientAsync("director");
            while (!stop.IsCancellationRequested)
            {
                var start = clock.Elapsed;
                using var response = await director.Get("/api/v1/customers?pageSize=20&q=备份负载");
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    failures.Add($"read: {(int)response.StatusCode}");
                }

                reads.Add((start, clock.Elapsed));
            }
        });

        // Logging the clients in takes its own time on a busy machine; the backup starts once writes and reads flow.
        await WaitUntilAsync(() => written.Count >= 8 && reads.Count >= 3);
        var backup = Path.Combine(_folder, "under-load.db");
        var output = new StringWriter();
        var backupStart = clock.Elapsed;
        var exit = await Task.Run(() => DatabaseCommands.RunAsync(["backup", backup], DatabaseProvider.Sqlite, app.ConnectionString, output, output, Ct));
        var backupEnd = clock.Elapsed;
        await WaitUntilAsync(() => written.Count(w => w.Asked > backupEnd) >= 4);
        await stop.CancelAsync();
        await Task.WhenAll([.. writers, reader]);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"backup took {(backupEnd - backupStart).TotalMilliseconds:0} ms; {written.Count} customers written, {reads.Count} reads; {output}");

        Assert.True(exit == 0, output.ToString());
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        var during = reads.Where(r => r.Start <= backupEnd && r.End >= backupStart).ToList();
        Assert.NotEmpty(during);
        var slowest = during.Max(r => r.End - r.Start);
        Assert.True(slowest < TimeSpan.FromSeconds(2), $"a read took {slowest.TotalMilliseconds:0} ms while the backup ran");
        Assert.Contains(written, w => w.Answered >= backupStart); // writers were not held off for the whole backup either
        Assert.Equal("ok", await SqliteBackup.IntegrityCheckAsync(backup, Ct));

        // One moment: every write answered before the backup began is in it, none asked after it ended is.
        var inBackup = await CustomerIdsAsync(backup);
        var missing = written.Where(w => w.Answered < backupStart && !inBackup.Contains(w.Id)).ToList();
        var extra = written.Where(w => w.Asked > backupEnd && inBackup.Contains(w.Id)).ToList();
        Assert.True(missing.Count == 0, $"answered before the backup but missing from it: {string.Join(", ", missing.Select(m => m.Name))}");
        Assert.True(extra.Count == 0, $"asked after the backup but in it: {string.Join(", ", extra.Select(m => m.Name))}");

        // Restored (with the verb, into a fresh database file) the app serves it, and every record matches its trail.
        var restoredFile = Path.Combine(_folder, "restored.db");
        var restoredExit = await DatabaseCommands.RunAsync(["restore", backup], DatabaseProvider.Sqlite, $"Data Source={restoredFile}", output, output, Ct);
        Assert.True(restoredExit == 0, output.ToString());
        await using var restored = SalesFlowApp.OnSqliteFile(restoredFile);
        await restored.InitializeAsync();
        var director = await restored.ClientAsync("director");
        var sample = written.Where(w => w.Answered < backupStart).OrderBy(w => w.Name, StringComparer.Ordinal).Take(5).ToList();
        Assert.NotEmpty(sample);
        foreach (var customer in sample)
        {
            Assert.Equal(customer.Name, (await director.GetJsonAsync($"/api/v1/customers/{customer.Id}")).Str("name"));
        }

        var mismatches = await AuditReplayTests.ReplayAsync(restored);
        Assert.True(mismatches.Count == 0, AuditReplayTests.Describe(mismatches));
    }

    [Fact]
    public async Task A_backup_of_a_quiet_database_equals_it_table_by_table()
    {
        var rep = await app.ClientAsync("rep.huadong.5");
        await rep.PostJsonAsync("/api/v1/customers", new { name = "备份核对客户有限公司", type = "Enterprise" }, HttpStatusCode.Created);
        var backup = Path.Combine(_folder, "quiet.db");
        var output = new StringWriter();

        Assert.Equal(0, await DatabaseCommands.RunAsync(["backup", backup], DatabaseProvider.Sqlite, app.ConnectionString, output, output, Ct));
        Assert.Equal(1, await DatabaseCommands.RunAsync(["backup", backup], DatabaseProvider.Sqlite, app.ConnectionString, output, output, Ct)); // never overwrites

        var source = await DatabaseFingerprint.TakeAsync(app);
        await using var copy = new SqliteConnection($"Data Source={backup};Mode=ReadOnly;Pooling=False");
        await copy.OpenAsync(Ct);
        var copied = await DatabaseFingerprint.TakeAsync(app, copy);
        Assert.True(DatabaseFingerprint.Changed(source, copied).Count == 0, "tables differing: " + string.Join(", ", DatabaseFingerprint.Changed(source, copied)));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the load never got going");
            await Task.Delay(100, Ct);
        }
    }

    private static async Task<HashSet<Guid>> CustomerIdsAsync(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id FROM customers";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var ids = new HashSet<Guid>();
        while (await reader.ReadAsync(Ct))
        {
            ids.Add(reader.GetGuid(0));
        }

        return ids;
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

/// <summary>
/// R16 on PostgreSQL: the README's drill — <c>pg_dump -Fc</c> of the app's database, <c>pg_restore</c> into a new
/// database — gives back the same data, table by table. Skipped without PostgreSQL or its client tools.
/// </summary>
public sealed class PostgresDumpRestoreTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_pg_dump_and_pg_restore_drill_gives_back_the_same_data()
    {
        if (!app.OnPostgres)
        {
            Assert.Skip($"Needs PostgreSQL ({SalesFlowApp.PostgresVariable}): the drill dumps and restores a PostgreSQL database.");
        }

        var tools = PostgresTools();
        if (tools is null)
        {
            Assert.Skip("pg_dump and pg_restore were found neither on PATH nor in /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql-client).");
        }

        var rep = await app.ClientAsync("rep.huadong.6");
        await rep.PostJsonAsync("/api/v1/customers", new { name = "转储演练客户有限公司", type = "Enterprise" }, HttpStatusCode.Created);
        var source = new NpgsqlConnectionStringBuilder(app.ConnectionString);
        var restoredName = source.Database + "_restored";
        var dump = Path.Combine(Path.GetTempPath(), $"salesflow-{Guid.NewGuid():N}.dump");
        await using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await admin.OpenAsync(Ct);
        try
        {
            await RunAsync(Path.Combine(tools, "pg_dump"), source, ["-Fc", "--no-owner", "-f", dump, "-d", source.Database!]);
            await using (var create = new NpgsqlCommand($"CREATE DATABASE \"{restoredName}\"", admin))
            {
                await create.ExecuteNonQueryAsync(Ct);
            }

            await RunAsync(Path.Combine(tools, "pg_restore"), source, ["--no-owner", "--exit-on-error", "-d", restoredName, dump]);

            var original = await DatabaseFingerprint.TakeAsync(app);
            await using var copy = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(app.ConnectionString) { Database = restoredName, Pooling = false }.ConnectionString);
            await copy.OpenAsync(Ct);
            var restored = await DatabaseFingerprint.TakeAsync(app, copy);
            Assert.True(DatabaseFingerprint.Changed(original, restored).Count == 0, "tables differing: " + string.Join(", ", DatabaseFingerprint.Changed(original, restored)));
        }
        finally
        {
            File.Delete(dump);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{restoredName}\" WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>The folder of pg_dump and pg_restore: on PATH, else the newest /usr/lib/postgresql/*/bin.</summary>
    private static string? PostgresTools()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(d => d.Length > 0 && File.Exists(Path.Combine(d, "pg_dump")) && File.Exists(Path.Combine(d, "pg_restore")));
        if (onPath is not null)
        {
            return onPath;
        }

        return Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "pg_dump")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var major) ? major : 0)
                .FirstOrDefault()
            : null;
    }

    private static async Task RunAsync(string tool, NpgsqlConnectionStringBuilder server, string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-h", server.Host!, "-p", server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", server.Username ?? "postgres" }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        if (!string.IsNullOrEmpty(server.Password))
        {
            start.Environment["PGPASSWORD"] = server.Password;
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync(Ct);
        await process.StandardOutput.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"{Path.GetFileName(tool)} exited {process.ExitCode}: {await errors}");
    }
}
