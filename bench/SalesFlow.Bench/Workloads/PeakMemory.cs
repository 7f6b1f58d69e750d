namespace SalesFlow.Bench.Workloads;

/// <summary>Samples the managed heap and the process working set every few milliseconds while it lives and keeps the highest of each.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _heap;
    private long _workingSet;

    public PeakMemory()
    {
        Sample();
        _timer = new Timer(_ => Sample(), null, 0, 20);
    }

    public double HeapMb => Interlocked.Read(ref _heap) / 1048576.0;

    public double WorkingSetMb => Interlocked.Read(ref _workingSet) / 1048576.0;

    public void Dispose()
    {
        _timer.Dispose();
        Sample();
    }

    private void Sample()
    {
        Max(ref _heap, GC.GetTotalMemory(false));
        Max(ref _workingSet, Environment.WorkingSet);
    }

    private static void Max(ref long peak, long value)
    {
        var seen = Interlocked.Read(ref peak);
        while (value > seen && Interlocked.CompareExchange(ref peak, value, seen) != seen)
        {
            seen = Interlocked.Read(ref peak);
        }
    }
}
