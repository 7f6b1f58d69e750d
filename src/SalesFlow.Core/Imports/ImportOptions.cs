using System.Collections.Concurrent;
using System.Threading.Channels;

namespace SalesFlow.Core.Imports;

/// <summary>Import settings (configuration section <c>Imports</c>).</summary>
public sealed class ImportOptions
{
    /// <summary>Where uploaded files wait for the worker; relative paths are under the app's folder.</summary>
    public string DataFolder { get; set; } = Path.Combine("data", "imports");

    /// <summary>Rows saved per round trip while applying; the change tracker is emptied after each.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Row errors kept per job (and shown, and put in the error file); the counts are always complete.</summary>
    public int MaxStoredErrors { get; set; } = 1000;

    /// <summary>Largest upload accepted, in bytes.</summary>
    public long MaxFileBytes { get; set; } = 512L * 1024 * 1024;

    public string PathOf(Guid jobId) => Path.Combine(Path.GetFullPath(DataFolder), jobId.ToString("N") + ".upload");
}

/// <summary>Jobs waiting for the worker. In-process: a job queued when the app stops is picked up again at start.</summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    public void Enqueue(Guid jobId) => channel.Writer.TryWrite(jobId);

    public IAsyncEnumerable<Guid> ReadAllAsync(CancellationToken ct) => channel.Reader.ReadAllAsync(ct);
}

/// <summary>How far a running job is, kept in memory so that progress never writes to the database mid-transaction.</summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<Guid, Snapshot> running = new();

    public sealed record Snapshot(int RowsRead, int RowsValid, int RowsInvalid, int RowsApplied, int Percent);

    public void Report(Guid jobId, Snapshot snapshot) => running[jobId] = snapshot;

    public Snapshot? Of(Guid jobId) => running.GetValueOrDefault(jobId);

    public void Forget(Guid jobId) => running.TryRemove(jobId, out _);
}
