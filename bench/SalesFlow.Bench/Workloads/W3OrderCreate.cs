using Microsoft.EntityFrameworkCore;
using SalesFlow.Bench.Running;
using SalesFlow.Bench.Workloads.Http;
using SalesFlow.Core.Data;

namespace SalesFlow.Bench.Workloads;

/// <summary>
/// W3: orders of five lines placed over HTTP by 8 concurrent clients, through the real app on Kestrel (bearer auth,
/// scope, pricing, idempotency key, audit, then submit with its credit check) against a minimal endpoint inserting the
/// same rows in one transaction. Each pair runs both sides for a fixed window, interleaved. Targets: sustained
/// throughput ≥ 0.6× the baseline's; p99 ≤ 3× the baseline's p99.
/// </summary>
internal sealed class W3OrderCreate : IWorkload
{
    public const int Clients = 8;
    public const string UserName = "director";

    public string Name => "W3";

    public string Title => "order create over HTTP at 8 concurrent clients";

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var window = TimeSpan.FromSeconds(run.Quick ? 1 : 10);
        var actor = await run.ActorAsync(UserName, ct);
        var templates = await OrderTemplates.MakeAsync(run, actor, run.Quick ? 8 : 64, ct);
        var cleanup = await OrderCleanup.MarkAsync(run.Services, ct);
        var productOrders = new List<PlacedOrder>();
        var baselineOrders = new List<PlacedOrder>();
        await using var product = ProductHost.Start(run.Database);
        await using var baseline = await BaselineOrderServer.StartAsync(run.Database, run.Services, templates, ct);
        try
        {
            var productClients = await product.ClientsAsync(UserName, Clients, ct);
            var baselineClients = Enumerable.Range(0, Clients).Select(_ => ProductHost.LoopbackClient(baseline.Address)).ToList();
            var sequence = 0;
            Task<PlacedOrder> Product(HttpClient client, int c, int i, CancellationToken t) =>
                OrderClients.PlaceWithProductAsync(client, Pick(templates, c, i), $"{cleanup.KeyPrefix}{Interlocked.Increment(ref sequence)}", t);
            Task<PlacedOrder> Baseline(HttpClient client, int c, int i, CancellationToken t) => OrderClients.PlaceWithBaselineAsync(client, Pick(templates, c, i), t);

            var productWindows = new List<LoadWindow>();
            var baselineWindows = new List<LoadWindow>();
            for (var pair = -1; pair < run.Pairs; pair++)
            {
                LoadWindow p, b;
                if (pair % 2 == 0)
                {
                    b = await OrderClients.RunWindowAsync(baselineClients, window, Baseline, ct);
                    p = await OrderClients.RunWindowAsync(productClients, window, Product, ct);
                }
                else
                {
                    p = await OrderClients.RunWindowAsync(productClients, window, Product, ct);
                    b = await OrderClients.RunWindowAsync(baselineClients, window, Baseline, ct);
                }

                productOrders.AddRange(p.Orders);
                baselineOrders.AddRange(b.Orders);
                if (p.Errors + b.Errors > 0)
                {
                    throw new BenchMismatchException($"{Name}: {p.Errors} product and {b.Errors} baseline orders failed.");
                }

                if (pair >= 0)
                {
                    productWindows.Add(p);
                    baselineWindows.Add(b);
                }
            }

            foreach (var client in productClients.Concat(baselineClients))
            {
                client.Dispose();
            }

            await CheckAnswersAsync(run, templates, productOrders, baselineOrders, baseline.NumberPrefix, ct);
            return Results(run, productWindows, baselineWindows);
        }
        finally
        {
            await cleanup.RunAsync(run.Services, UserName, productOrders.Select(o => o.Id), baseline.NumberPrefix, ct);
        }
    }

    // Clients walk the templates from different starting points, so concurrent orders are for different customers.
    private static OrderTemplate Pick(IReadOnlyList<OrderTemplate> templates, int client, int i) => templates[((client * 7) + i) % templates.Count];

    private List<BenchResult> Results(BenchRun run, List<LoadWindow> product, List<LoadWindow> baseline)
    {
        var provider = run.Database.Provider.ToString().ToLowerInvariant();
        var throughput = AbRunner.Summarize(
            run, Name, "throughput (ms per order)", product.Select(w => w.MsPerOrder).ToList(), baseline.Select(w => w.MsPerOrder).ToList(), BenchTarget.Throughput(0.6)) with
        {
            Figures = new Dictionary<string, double>
            {
                ["product_orders_per_s"] = AbRunner.Median(product.Select(w => w.PerSecond)),
                ["baseline_orders_per_s"] = AbRunner.Median(baseline.Select(w => w.PerSecond)),
                ["throughput_ratio"] = AbRunner.Median(product.Select(w => w.PerSecond)) / Math.Max(AbRunner.Median(baseline.Select(w => w.PerSecond)), 1e-6),
                ["product_orders"] = product.Sum(w => w.Orders.Count),
                ["baseline_orders"] = baseline.Sum(w => w.Orders.Count),
                ["product_process_cpu_ms_per_order"] = AbRunner.Median(product.Select(w => w.CpuMsPerOrder.Process)),
                ["baseline_process_cpu_ms_per_order"] = AbRunner.Median(baseline.Select(w => w.CpuMsPerOrder.Process)),
                ["product_machine_cpu_ms_per_order"] = AbRunner.Median(product.Select(w => w.CpuMsPerOrder.Machine)),
                ["baseline_machine_cpu_ms_per_order"] = AbRunner.Median(baseline.Select(w => w.CpuMsPerOrder.Machine)),
            },
        };
        var productAll = product.SelectMany(w => w.Latencies).ToList();
        var baselineAll = baseline.SelectMany(w => w.Latencies).ToList();
        var pairRatios = product.Zip(baseline, (p, b) => AbRunner.Percentile(p.Latencies, 99) / Math.Max(AbRunner.Percentile(b.Latencies, 99), 1e-6)).ToList();
        var p99 = AbRunner.Percentile(productAll, 99);
        var baseP99 = AbRunner.Percentile(baselineAll, 99);
        var latency = new BenchResult(
            Name, "p99 latency per order", provider, run.Database.Scale.Name, product.Count, p99, baseP99, p99 / Math.Max(baseP99, 1e-6), pairRatios.Min(), pairRatios.Max(),
            "p99 ≤ 3× baseline p99", p99 <= 3 * baseP99)
        {
            Figures = new Dictionary<string, double>
            {
                ["product_p50_ms"] = AbRunner.Median(productAll),
                ["baseline_p50_ms"] = AbRunner.Median(baselineAll),
                ["samples"] = productAll.Count,
            },
        };
        return [throughput, latency];
    }

    /// <summary>
    /// Both sides' orders are in the database with five lines each, and every product order's total (priced by the
    /// product on the request) equals the total the baseline inserted for the same template.
    /// </summary>
    private async Task CheckAnswersAsync(
        BenchRun run, IReadOnlyList<OrderTemplate> templates, List<PlacedOrder> product, List<PlacedOrder> baseline, string baselinePrefix, CancellationToken ct)
    {
        var expected = baseline.GroupBy(o => o.Template).ToDictionary(g => g.Key, g => g.Select(o => o.Total).Distinct().ToList());
        foreach (var order in product)
        {
            if (expected.TryGetValue(order.Template, out var totals) && (totals.Count != 1 || totals[0] != order.Total))
            {
                throw new BenchMismatchException($"{Name}: template {order.Template} ({templates[order.Template].CustomerId}): product total {order.Total} vs baseline {string.Join("/", totals)}");
            }
        }

        await using var db = await run.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(ct);
        var productIds = product.Select(o => o.Id).ToList();
        var stored = new List<(int Lines, decimal Total)>();
        foreach (var chunk in productIds.Chunk(500))
        {
            stored.AddRange((await db.Orders.Where(o => chunk.Contains(o.Id)).Select(o => new { Lines = o.Lines.Count, o.Total }).ToListAsync(ct)).Select(x => (x.Lines, x.Total)));
        }

        var baselineStored = await db.Orders.Where(o => o.Number.StartsWith(baselinePrefix)).Select(o => new { Lines = o.Lines.Count, o.Total }).ToListAsync(ct);
        var productAnswer = Answer(stored.Count, stored.Sum(s => s.Lines), stored.Sum(s => s.Total));
        var productSent = Answer(product.Count, product.Count * OrderTemplates.LinesPerOrder, product.Sum(o => o.Total));
        var baselineAnswer = Answer(baselineStored.Count, baselineStored.Sum(s => s.Lines), baselineStored.Sum(s => s.Total));
        var baselineSent = Answer(baseline.Count, baseline.Count * OrderTemplates.LinesPerOrder, baseline.Sum(o => o.Total));
        if (productAnswer != productSent || baselineAnswer != baselineSent)
        {
            throw new BenchMismatchException($"{Name}: stored product {productAnswer} vs answered {productSent}; stored baseline {baselineAnswer} vs answered {baselineSent}");
        }
    }

    private static string Answer(int orders, int lines, decimal total) => $"{orders} orders, {lines} lines, total {PlainSql.Amount(total)}";
}
