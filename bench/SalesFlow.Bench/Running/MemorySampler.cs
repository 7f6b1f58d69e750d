using System.Diagnostics;

namespace SalesFlow.Bench.Running;

/// <summary>
/// Samples the process while something runs: the highest managed heap (GC) and working set seen, in MB. The working
/// set is the whole bench process (runtime, EF model, drivers), so it is an upper bound on what the measured path needs.
/// </summary>
internal sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private long _peakHeap;
    private long _peakWorkingSet;

    private MemorySampler()
    {
        Sample();
        StartWorkingSetMb = PeakWorkingSetMb;
        _sampling = Task.Run(LoopAsync);
    }

    public double PeakHeapMb => _peakHeap / 1048576.0;

    public double PeakWorkingSetMb => _peakWorkingSet / 1048576.0;

    /// <summary>The working set when sampling began: what the process held before the measured path ran.</summary>
    public double StartWorkingSetMb { get; }

    /// <summary>How far the working set rose above where it started: the measured path's own share of the process.</summary>
    public double WorkingSetGrowthMb => PeakWorkingSetMb - StartWorkingSetMb;

    /// <summary>Starts sampling after a full collection, so earlier garbage does not count.</summary>
    public static MemorySampler Start()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return new MemorySampler();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        Sample();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(10));
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                Sample();
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private void Sample()
    {
        _peakHeap = Math.Max(_peakHeap, GC.GetTotalMemory(forceFullCollection: false));
        using var process = Process.GetCurrentProcess();
        _peakWorkingSet = Math.Max(_peakWorkingSet, process.WorkingSet64);
    }
}
