using Microsoft.Data.Sqlite;

namespace SalesFlow.Core.Data;

/// <summary>
/// Online backup and restore of the SQLite database, through SQLite's own backup API. A backup copies every page in
/// one step inside one read transaction, so it is the database as of one moment; in WAL mode (the app's) writers go on
/// meanwhile and readers are never blocked. The copy is written beside the target, checked with
/// <c>PRAGMA integrity_check</c> and only then moved into place, so a target file is always a whole, checked backup.
/// </summary>
public static class SqliteBackup
{
    /// <summary>Copies the database of <paramref name="connectionString"/> into the new file <paramref name="target"/>.</summary>
    public static async Task BackupAsync(string connectionString, string target, CancellationToken ct)
    {
        var path = Path.GetFullPath(target);
        if (File.Exists(path))
        {
            throw new IOException($"{path} exists already; a backup never overwrites a file.");
        }

        var partial = path + ".partial";
        DeleteWithSidecars(partial);
        try
        {
            await using (var source = new SqliteConnection(connectionString))
            await using (var destination = new SqliteConnection(FileConnection(partial)))
            {
                await source.OpenAsync(ct);
                await destination.OpenAsync(ct);
                source.BackupDatabase(destination);
            }

            await EnsureIntactAsync(partial, ct);
            File.Move(partial, path);
        }
        finally
        {
            DeleteWithSidecars(partial);
        }
    }

    /// <summary>
    /// Replaces the database of <paramref name="connectionString"/> with the checked backup <paramref name="backup"/>, through
    /// the same API, so SQLite's own locking and journal keep the live file whole (a stale <c>-wal</c> is never replayed
    /// onto the restored pages). Run it with the app stopped.
    /// </summary>
    public static async Task RestoreAsync(string backup, string connectionString, CancellationToken ct)
    {
        var path = Path.GetFullPath(backup);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No backup at {path}.", path);
        }

        await EnsureIntactAsync(path, ct);
        await using var source = new SqliteConnection(FileConnection(path, SqliteOpenMode.ReadWrite));
        await using var destination = new SqliteConnection(connectionString);
        await source.OpenAsync(ct);
        await destination.OpenAsync(ct);
        source.BackupDatabase(destination);
    }

    /// <summary><c>PRAGMA integrity_check</c> of a database file: "ok", or what SQLite found wrong.</summary>
    public static async Task<string> IntegrityCheckAsync(string file, CancellationToken ct)
    {
        await using var connection = new SqliteConnection(FileConnection(file, SqliteOpenMode.ReadWrite));
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var lines = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join("\n", lines);
    }

    private static async Task EnsureIntactAsync(string file, CancellationToken ct)
    {
        if (await IntegrityCheckAsync(file, ct) is var result && result != "ok")
        {
            throw new InvalidDataException($"{file} fails SQLite's integrity check: {result}");
        }
    }

    private static string FileConnection(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();

    private static void DeleteWithSidecars(string file)
    {
        foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
        {
            File.Delete(path);
        }
    }
}
