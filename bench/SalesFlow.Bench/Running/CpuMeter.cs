using System.Globalization;

namespace SalesFlow.Bench.Running;

/// <summary>
/// CPU time spent while something ran: by the bench process (the app under test, its clients and the baseline server
/// all live in it) and by the whole machine (adds the PostgreSQL server's backends). Divided by the work done, it says
/// whether a path is slow because it computes or because it waits. The machine figure reads <c>/proc/stat</c>; where
/// that file does not exist it is NaN.
/// </summary>
internal readonly record struct CpuMeter(TimeSpan Process, double MachineSeconds)
{
    public static CpuMeter Start() => new(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime, MachineBusySeconds());

    /// <summary>CPU milliseconds used since <see cref="Start"/>: the process's and the machine's (all cores together).</summary>
    public (double ProcessMs, double MachineMs) Elapsed()
    {
        var process = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - Process;
        return (process.TotalMilliseconds, (MachineBusySeconds() - MachineSeconds) * 1000);
    }

    // The first line of /proc/stat counts every core's time in USER_HZ ticks (100 per second on Linux): busy is all but idle and iowait.
    private static double MachineBusySeconds()
    {
        const string Stat = "/proc/stat";
        if (!File.Exists(Stat))
        {
            return double.NaN;
        }

        var fields = File.ReadLines(Stat).First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
        var busy = fields.Sum() - fields[3] - (fields.Length > 4 ? fields[4] : 0);
        return busy / 100.0;
    }
}
