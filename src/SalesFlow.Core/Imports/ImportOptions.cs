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

    /// <summary>
    /// How long a job stays with the instance running it without a renewal (renewed every third of it). A job whose
    /// instance died (a crash, a kill, a lost machine) is taken over and run again from the start once this has passed.
    /// With several instances the data folder must be shared, or the instance taking a job over will not find its file.
    /// </summary>
    public int LeaseSeconds { get; set; } = 60;

    /// <summary>How often the worker looks for jobs nobody runs: queued by another instance, or cut off with their instance.</summary>
    public int PollSeconds { get; set; } = 15;

    /// <summary>Runs a job may start; a file that cut its runner off this many times is failed instead of crashing the app forever.</summary>
    public int MaxAttempts { get; set; } = 3;

    public TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, LeaseSeconds));

    public string PathOf(Guid jobId) => Path.Combine(Path.GetFullPath(DataFolder), jobId.ToString("N") + ".upload");
}

/// <summary>
/// Jobs waiting for this instance's worker: a wake-up list only, since which instance runs a job is decided by the job's lease
/// in the database (<see cref="ImportRunner"/>). A job already waiting is not added twice.
/// </summary>
public sealed class ImportQueue
{
    private readonly Channel<Guid> channel = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<Guid, byte> waiting = new();

    /// <summary>This app instance, as it signs the leases it takes.</summary>
    public string Instance { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    public void Enqueue(Guid jobId)
    {
        if (waiting.TryAdd(jobId, 0))
        {
            channel.Writer.TryWrite(jobId);
        }
    }

    public async IAsyncEnumerable<Guid> ReadAllAsync([System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var jobId in channel.Reader.ReadAllAsync(ct))
        {
            waiting.TryRemove(jobId, out _);
            yield return jobId;
        }
    }
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
