using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Bench.Running;
using SalesFlow.Bench.Workloads.Http;
using SalesFlow.Core.Data;

namespace SalesFlow.Bench.Workloads;

/// <summary>
/// W8: a soak of the real app on Kestrel at half the order rate its own short W3 probe reached, 80 % reads (order,
/// customer and lead lists and details) and 20 % writes (orders placed as in W3), sent open-loop on a fixed schedule.
/// Reports errors, the p99 of the first and last minute and the app's memory at start, idle and end. No baseline.
/// Targets: 0 errors; last-minute p99 ≤ 1.2× the first minute's; memory growth ≤ 10 %.
/// </summary>
internal sealed class W8Soak : IWorkload
{
    public const int MaxInFlight = 64;

    /// <summary>Set by <c>--soak-seconds</c>; otherwise 10 minutes, or 4 seconds at the tests' tiny scale.</summary>
    public static int? Seconds { get; set; }

    public string Name => "W8";

    public string Title => "soak at half of W3's maximum, 80 % reads / 20 % writes";

    private sealed record Sample(double AtSeconds, double Ms, bool Ok, bool Write);

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var duration = TimeSpan.FromSeconds(Seconds ?? (run.Quick ? 4 : 600));
        var bucket = TimeSpan.FromSeconds(duration.TotalSeconds >= 120 ? 60 : duration.TotalSeconds / 4);
        var actor = await run.ActorAsync(W3OrderCreate.UserName, ct);
        var templates = await OrderTemplates.MakeAsync(run, actor, run.Quick ? 8 : 64, ct);
        var reads = await ReadsAsync(run, ct);
        var cleanup = await OrderCleanup.MarkAsync(run.Services, ct);
        var placed = new ConcurrentBag<Guid>();
        await using var host = ProductHost.Start(run.Database);
        try
        {
            var clients = await host.ClientsAsync(W3OrderCreate.UserName, W3OrderCreate.Clients, ct);
            var sequence = 0;
            async Task Write(HttpClient client, int c, int i, CancellationToken t)
            {
                var order = await OrderClients.PlaceWithProductAsync(client, templates[((c * 7) + i) % templates.Count], $"{cleanup.KeyPrefix}{Interlocked.Increment(ref sequence)}", t);
                placed.Add(order.Id);
            }

            // The maximum: W3's product side for a short window (it also warms every path up).
            var probe = await OrderClients.RunWindowAsync(
                clients, TimeSpan.FromSeconds(run.Quick ? 1 : 10), async (client, c, i, t) =>
                {
                    var order = await OrderClients.PlaceWithProductAsync(client, templates[((c * 7) + i) % templates.Count], $"{cleanup.KeyPrefix}{Interlocked.Increment(ref sequence)}", t);
                    placed.Add(order.Id);
                    return order;
                },
                ct);
            foreach (var read in reads)
            {
                await ReadAsync(clients[0], read, ct);
            }

            var rate = Math.Max(probe.PerSecond / 2, 1);
            var atStart = Memory.Measure();
            await Task.Delay(TimeSpan.FromSeconds(run.Quick ? 0.5 : 5), ct);
            var idle = Memory.Measure();
            var samples = await SoakAsync(clients, reads, Write, rate, duration, ct);
            var atEnd = Memory.Measure();
            return [Result(run, samples, duration, bucket, rate, probe.PerSecond, atStart, idle, atEnd)];
        }
        finally
        {
            await cleanup.RunAsync(run.Services, W3OrderCreate.UserName, placed, null, ct);
        }
    }

    /// <summary>Operations started on a fixed schedule (open loop), at most <see cref="MaxInFlight"/> at a time; every fifth one a write.</summary>
    private static async Task<List<Sample>> SoakAsync(
        List<HttpClient> clients, List<string> reads, Func<HttpClient, int, int, CancellationToken, Task> write, double rate, TimeSpan duration, CancellationToken ct)
    {
        var samples = new ConcurrentBag<Sample>();
        using var slots = new SemaphoreSlim(MaxInFlight);
        var running = new List<Task>();
        var started = Stopwatch.GetTimestamp();
        for (var k = 0; ; k++)
        {
            var due = TimeSpan.FromSeconds(k / rate);
            if (due >= duration)
            {
                break;
            }

            var wait = due - Stopwatch.GetElapsedTime(started);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, ct);
            }

            await slots.WaitAsync(ct);
            var operation = k;
            running.Add(Task.Run(
                async () =>
                {
                    var at = Stopwatch.GetElapsedTime(started).TotalSeconds;
                    var client = clients[operation % clients.Count];
                    var isWrite = operation % 5 == 4;
                    var ok = true;
                    var begun = Stopwatch.GetTimestamp();
                    try
                    {
                        if (isWrite)
                        {
                            await write(client, operation % clients.Count, operation / clients.Count, ct);
                        }
                        else
                        {
                            await ReadAsync(client, reads[operation % reads.Count], ct);
                        }
                    }
                    catch (HttpRequestException)
                    {
                        ok = false;
                    }
                    finally
                    {
                        slots.Release();
                    }

                    samples.Add(new Sample(at, Stopwatch.GetElapsedTime(begun).TotalMilliseconds, ok, isWrite));
                },
                ct));
        }

        await Task.WhenAll(running);
        return [.. samples];
    }

    private static async Task ReadAsync(HttpClient client, string path, CancellationToken ct)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseContentRead, ct);
        await OrderClients.EnsureAsync(response, "GET " + path, ct);
    }

    /// <summary>The reads a sales desk makes: the lists as they open and a few records of each.</summary>
    private static async Task<List<string>> ReadsAsync(BenchRun run, CancellationToken ct)
    {
        await using var db = await run.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(ct);
        var orders = await db.Orders.OrderByDescending(o => o.OrderDate).Select(o => o.Id).Take(4).ToListAsync(ct);
        var customers = await db.Customers.Where(c => !c.IsDeleted).OrderBy(c => c.Id).Select(c => c.Id).Take(4).ToListAsync(ct);
        var leads = await db.Leads.OrderBy(l => l.Id).Select(l => l.Id).Take(4).ToListAsync(ct);
        return
        [
            "/api/v1/orders?pageSize=50", "/api/v1/customers?pageSize=50", "/api/v1/leads?pageSize=50", "/api/v1/orders?status=Confirmed&sort=-orderDate&pageSize=20",
            .. orders.Select(id => $"/api/v1/orders/{id}"), .. customers.Select(id => $"/api/v1/customers/{id}"), .. leads.Select(id => $"/api/v1/leads/{id}"),
        ];
    }

    private BenchResult Result(
        BenchRun run, List<Sample> samples, TimeSpan duration, TimeSpan bucket, double rate, double maxOrdersPerSecond, Memory atStart, Memory idle, Memory atEnd)
    {
        var errors = samples.Count(s => !s.Ok);
        var first = samples.Where(s => s.AtSeconds < bucket.TotalSeconds).Select(s => s.Ms).ToList();
        var last = samples.Where(s => s.AtSeconds >= duration.TotalSeconds - bucket.TotalSeconds).Select(s => s.Ms).ToList();
        var firstP99 = AbRunner.Percentile(first, 99);
        var lastP99 = AbRunner.Percentile(last, 99);
        var drift = lastP99 / Math.Max(firstP99, 1e-6);
        var growth = (atEnd.HeapBytes - atStart.HeapBytes) / (double)Math.Max(atStart.HeapBytes, 1);
        const double Mb = 1024 * 1024;
        return new BenchResult(
            Name, $"{duration.TotalSeconds:0} s at {rate:0.#} ops/s (last vs first {bucket.TotalSeconds:0} s p99)", run.Database.Provider.ToString().ToLowerInvariant(),
            run.Database.Scale.Name, 1, lastP99, firstP99, drift, drift, drift, "0 errors; last p99 ≤ 1.2× first; memory growth ≤ 10 %", errors == 0 && drift <= 1.2 && growth <= 0.10)
        {
            Figures = new Dictionary<string, double>
            {
                ["errors"] = errors,
                ["operations"] = samples.Count,
                ["writes"] = samples.Count(s => s.Write),
                ["w3_max_orders_per_s"] = maxOrdersPerSecond,
                ["p50_ms"] = AbRunner.Median(samples.Select(s => s.Ms)),
                ["p99_ms"] = AbRunner.Percentile(samples.Select(s => s.Ms).ToList(), 99),
                ["heap_start_mb"] = atStart.HeapBytes / Mb,
                ["heap_idle_mb"] = idle.HeapBytes / Mb,
                ["heap_end_mb"] = atEnd.HeapBytes / Mb,
                ["heap_growth_pct"] = growth * 100,
                ["working_set_start_mb"] = atStart.WorkingSetBytes / Mb,
                ["working_set_idle_mb"] = idle.WorkingSetBytes / Mb,
                ["working_set_end_mb"] = atEnd.WorkingSetBytes / Mb,
            },
        };
    }
}

/// <summary>
/// The bench process's memory (the app runs in it): the managed heap after a full collection (what the app keeps
/// alive, the growth the soak judges) and the working set.
/// </summary>
internal sealed record Memory(long HeapBytes, long WorkingSetBytes)
{
    public static Memory Measure()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return new Memory(GC.GetTotalMemory(forceFullCollection: true), process.WorkingSet64);
    }
}
