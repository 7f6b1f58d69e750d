using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Bench.Running;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Orders;

namespace SalesFlow.Bench.Workloads;

/// <summary>One list view of W4: who looks, and how the product's list query is called for a page.</summary>
internal sealed record ListCase(string Name, string UserName, Func<IServiceProvider, Actor, PageRequest, CancellationToken, Task<(int Items, int? Total, string? Next)>> List, string? Sort = null);

/// <summary>
/// W4: ten list views (filters, sorts, counts, contains-search, scoped and unscoped users) through the product's list
/// queries, page 1 with its count and page 200 by its cursor, called by 8 concurrent clients. The baseline is the
/// product's own SQL, captured from EF Core and replayed over plain ADO.NET in the same run, so the ratio is what the
/// product adds to the database's work. Targets: p99 ≤ 2× the raw p99 + 5 ms; page 200 ≤ 1.5× page 1.
/// </summary>
internal sealed class W4ListViews : IWorkload
{
    public const int Clients = 8;
    public const int PageSize = 50;
    public const int DeepPage = 200;

    /// <summary>With <c>--cases a,b</c>: only the cases whose name contains one of these, each with the SQL it sends.</summary>
    public static IReadOnlyList<string> Only { get; set; } = [];

    public string Name => "W4";

    public string Title => "list views at 8 concurrent clients";

    public static IReadOnlyList<ListCase> Cases(Guid someCustomer) =>
    [
        new("customers by name", "director", (s, a, p, c) => Customers(s, a, new CustomerFilter(), p, c), "name"),
        new("customers in 华东 newest", "director", (s, a, p, c) => Customers(s, a, new CustomerFilter(Region: "华东大区"), p, c), "-createdAt"),
        new("customers class A (manager)", "manager.huadong", (s, a, p, c) => Customers(s, a, new CustomerFilter(Class: CustomerClass.A), p, c), "number"),
        new("customers search 恒达", "director", (s, a, p, c) => Customers(s, a, new CustomerFilter(Q: "恒达机电"), p, c), "name"),
        new("leads new newest", "director", (s, a, p, c) => Leads(s, a, new LeadFilter(Status: LeadStatus.New), p, c), "-createdAt"),
        new("leads search mobile", "director", (s, a, p, c) => Leads(s, a, new LeadFilter(Q: "1500"), p, c), "-createdAt"),
        new("orders confirmed latest", "director", (s, a, p, c) => Orders(s, a, new OrderFilter(Status: OrderStatus.Confirmed), p, c), "-orderDate"),
        new("orders last month by total (manager)", "manager.huadong",
            (s, a, p, c) => Orders(s, a, new OrderFilter(From: Data.Scale.LastMonth.AddMonths(-1), To: Data.Scale.LastMonth.AddDays(-1)), p, c), "-total"),
        new("orders of one customer", "director", (s, a, p, c) => Orders(s, a, new OrderFilter(CustomerId: someCustomer), p, c), "-orderDate"),
        new("dealers gold by name", "director", (s, a, p, c) => Dealers(s, a, new DealerFilter(Tier: DealerTier.Gold), p, c), "name"),
    ];

    public async Task<IReadOnlyList<BenchResult>> RunAsync(BenchRun run, CancellationToken ct)
    {
        var sql = new PlainSql(run.Database);
        var results = new List<BenchResult>();
        foreach (var listCase in Cases(await BusiestCustomerAsync(run, ct))
            .Where(c => Only.Count == 0 || Only.Any(o => c.Name.Contains(o, StringComparison.OrdinalIgnoreCase))))
        {
            var actor = await run.ActorAsync(listCase.UserName, ct);
            var first = new PageRequest(listCase.Sort, null, PageSize, Count: true);
            var (deep, deepNumber) = await DeepPageAsync(run, listCase, actor, ct);
            var p1 = await MeasureAsync(run, sql, listCase, actor, first, "p1", ct);
            var pN = await MeasureAsync(run, sql, listCase, actor, deep, $"p{deepNumber}", ct);
            results.Add(p1.Result);
            results.Add(pN.Result);
            var deepRatio = pN.ProductMedian / Math.Max(p1.ProductMedian, 1e-6);
            results.Add(new BenchResult(Name, $"{listCase.Name} p{deepNumber}÷p1", p1.Result.Provider, p1.Result.Scale, p1.Result.Pairs, pN.ProductMedian, p1.ProductMedian,
                deepRatio, deepRatio, deepRatio, "page 200 ≤ 1.5× page 1 (product medians)", deepRatio <= 1.5));
            foreach (var line in results.TakeLast(3))
            {
                run.Progress(line.ToString());
            }
        }

        return results;
    }

    /// <summary>Page 200 (or the last page of a short list) of the case, by walking the cursors as a client would.</summary>
    private static async Task<(PageRequest Request, int Number)> DeepPageAsync(BenchRun run, ListCase listCase, Actor actor, CancellationToken ct)
    {
        var request = new PageRequest(listCase.Sort, null, PageSize, Count: false);
        var number = 1;
        while (number < DeepPage)
        {
            var page = await listCase.List(run.Services, actor, request, ct);
            if (page.Next is null)
            {
                break;
            }

            request = request with { Cursor = page.Next };
            number++;
        }

        return (request, number);
    }

    private sealed record Measured(BenchResult Result, double ProductMedian);

    private async Task<Measured> MeasureAsync(BenchRun run, PlainSql sql, ListCase listCase, Actor actor, PageRequest request, string page, CancellationToken ct)
    {
        (int Items, int? Total, string? Next) answer = default;
        var commands = await SqlCapture.CaptureAsync(async () => answer = await listCase.List(run.Services, actor, request, ct));
        var replayed = await SqlCapture.ReplayAsync(sql, commands, ct);
        if (Only.Count > 0)
        {
            foreach (var command in commands)
            {
                run.Progress($"{listCase.Name} {page} sends: {command.Text.ReplaceLineEndings(" ")} with {string.Join(", ", command.Parameters.Select(p => $"{p.Name}={p.Value}"))}");
            }
        }
        var baselineAnswer = string.Join(" ", replayed.Select((r, i) => commands[i].IsCount ? $"total={r.First}" : $"rows={Math.Min(r.Rows, request.Size)}"));
        var productAnswer = (answer.Total is { } total ? $"total={total} " : "") + $"rows={answer.Items}";
        if (!string.Equals(productAnswer, baselineAnswer, StringComparison.Ordinal))
        {
            throw new BenchMismatchException($"{Name} {listCase.Name} {page}: product {productAnswer} vs replayed SQL {baselineAnswer}");
        }

        var requestsPerClient = run.Quick ? 2 : 10;
        var productAll = new List<double>();
        var baselineAll = new List<double>();
        var pairRatios = new List<double>();
        var productMedians = new List<double>();
        for (var pair = 0; pair < run.Pairs; pair++)
        {
            List<double> product, baseline;
            if (pair % 2 == 0)
            {
                product = await BurstAsync(requestsPerClient, c => listCase.List(run.Services, actor, request, c), ct);
                baseline = await BurstAsync(requestsPerClient, c => SqlCapture.ReplayAsync(sql, commands, c), ct);
            }
            else
            {
                baseline = await BurstAsync(requestsPerClient, c => SqlCapture.ReplayAsync(sql, commands, c), ct);
                product = await BurstAsync(requestsPerClient, c => listCase.List(run.Services, actor, request, c), ct);
            }

            productAll.AddRange(product);
            baselineAll.AddRange(baseline);
            pairRatios.Add(AbRunner.Percentile(product, 99) / Math.Max(AbRunner.Percentile(baseline, 99), 1e-6));
            productMedians.Add(AbRunner.Median(product));
        }

        var p99 = AbRunner.Percentile(productAll, 99);
        var baseP99 = AbRunner.Percentile(baselineAll, 99);
        var result = new BenchResult(
            Name, $"{listCase.Name} {page}", run.Database.Provider.ToString().ToLowerInvariant(), run.Database.Scale.Name, run.Pairs, p99, baseP99, p99 / Math.Max(baseP99, 1e-6),
            pairRatios.Min(), pairRatios.Max(), "p99 ≤ 2× raw p99 + 5 ms", p99 <= (2 * baseP99) + 5)
        {
            Figures = new Dictionary<string, double>
            {
                ["product_p50_ms"] = AbRunner.Median(productAll),
                ["raw_p50_ms"] = AbRunner.Median(baselineAll),
                ["samples"] = productAll.Count,
            },
        };
        return new Measured(result, AbRunner.Median(productMedians));
    }

    /// <summary>8 clients at once, each sending its requests one after another; the latencies of all of them.</summary>
    private static async Task<List<double>> BurstAsync<T>(int requestsPerClient, Func<CancellationToken, Task<T>> call, CancellationToken ct)
    {
        var latencies = new ConcurrentBag<double>();
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(
            async () =>
            {
                for (var i = 0; i < requestsPerClient; i++)
                {
                    var started = Stopwatch.GetTimestamp();
                    await call(ct);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            },
            ct)));
        return [.. latencies];
    }

    private static async Task<Guid> BusiestCustomerAsync(BenchRun run, CancellationToken ct)
    {
        await using var db = await run.Services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(ct);
        return await db.Orders.Where(o => o.DealerId != null).OrderBy(o => o.Id).Select(o => o.CustomerId).FirstAsync(ct);
    }

    private static Task<(int, int?, string?)> Customers(IServiceProvider services, Actor actor, CustomerFilter filter, PageRequest page, CancellationToken ct) =>
        Shape(services.GetRequiredService<CustomerQueries>().ListAsync(actor, filter, page, ct));

    private static Task<(int, int?, string?)> Leads(IServiceProvider services, Actor actor, LeadFilter filter, PageRequest page, CancellationToken ct) =>
        Shape(services.GetRequiredService<LeadQueries>().ListAsync(actor, filter, page, ct));

    private static Task<(int, int?, string?)> Orders(IServiceProvider services, Actor actor, OrderFilter filter, PageRequest page, CancellationToken ct) =>
        Shape(services.GetRequiredService<OrderQueries>().ListAsync(actor, filter, page, ct));

    private static Task<(int, int?, string?)> Dealers(IServiceProvider services, Actor actor, DealerFilter filter, PageRequest page, CancellationToken ct) =>
        Shape(services.GetRequiredService<DealerQueries>().ListAsync(actor, filter, page, ct));

    private static async Task<(int, int?, string?)> Shape<T>(Task<Result<Page<T>>> list)
    {
        var result = await list;
        var page = result.Value ?? throw new InvalidOperationException(result.Error?.Message);
        return (page.Items.Count, page.TotalCount, page.NextCursor);
    }
}
