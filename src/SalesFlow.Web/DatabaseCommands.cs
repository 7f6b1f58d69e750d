using SalesFlow.Core.Data;

namespace SalesFlow.Web;

/// <summary>
/// The operator's database verbs, run instead of the web host: <c>backup &lt;file&gt;</c> copies the running SQLite
/// database into a new, checked file while the app keeps serving; <c>restore &lt;file&gt;</c> puts a checked backup back
/// (app stopped). PostgreSQL is backed up with its own tools (README: the pg_dump / pg_restore drill).
/// </summary>
public static class DatabaseCommands
{
    public static bool Matches(string[] args) => args is ["backup" or "restore", ..];

    /// <summary>Runs the verb and returns the process exit code: 0 done, 1 failed, 2 misused.</summary>
    public static async Task<int> RunAsync(string[] args, DatabaseProvider provider, string connectionString, TextWriter output, TextWriter error, CancellationToken ct)
    {
        if (args is not [var verb, var file, ..] || file.StartsWith('-'))
        {
            await error.WriteLineAsync("usage: SalesFlow.Web backup <new-file> | restore <backup-file>");
            return 2;
        }

        if (provider != DatabaseProvider.Sqlite)
        {
            await error.WriteLineAsync($"'{verb}' is for the SQLite database; back up PostgreSQL with pg_dump -Fc and restore it with pg_restore (README, Backup and restore).");
            return 2;
        }

        try
        {
            var started = System.Diagnostics.Stopwatch.StartNew();
            if (verb == "backup")
            {
                await SqliteBackup.BackupAsync(connectionString, file, ct);
                await output.WriteLineAsync($"Backed up to {Path.GetFullPath(file)} in {started.Elapsed.TotalSeconds:0.0} s; integrity check ok.");
            }
            else
            {
                await SqliteBackup.RestoreAsync(file, connectionString, ct);
                await output.WriteLineAsync($"Restored {Path.GetFullPath(file)} in {started.Elapsed.TotalSeconds:0.0} s.");
            }

            return 0;
        }
        catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or Microsoft.Data.Sqlite.SqliteException)
        {
            await error.WriteLineAsync($"{verb} failed: {e.Message}");
            return 1;
        }
    }
}
