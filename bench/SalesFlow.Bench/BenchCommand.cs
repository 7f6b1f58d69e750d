using System.Diagnostics;
using System.Text.Json;
using SalesFlow.Bench.Data;
using SalesFlow.Bench.Running;
using SalesFlow.Bench.Workloads;
using SalesFlow.Core.Data;

namespace SalesFlow.Bench;

/// <summary>
/// <c>generate --scale S|M|L --provider sqlite|postgres</c> creates a dataset; <c>run &lt;workload|all&gt; --scale ...
/// --provider ... [--pairs 7]</c> runs workloads on it and prints one line per case (also written as JSON under
/// <c>bench/results</c>).
/// </summary>
internal static class BenchCommand
{
    public static IReadOnlyList<IWorkload> Workloads { get; } =
        [new W1LeadImport(), new W2PlanVsActual(), new W3OrderCreate(), new W4ListViews(), new W7Exports(), new W8Soak()];

    public static async Task<int> RunAsync(string[] args, CancellationToken ct)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("""
                usage:
                  startup [--dll <SalesFlow.Web.dll>] [--idle-seconds 10]   (the built app's start time and idle memory on a new demo database)
                  generate --scale S|M|L|tiny --provider sqlite|postgres [--name <database>]
                  run <W1..W8|all> --scale S|M|L|tiny --provider sqlite|postgres [--pairs 7] [--name <database>] [--soak-seconds 600] [--cases <part of a W4 case name>,…]
                PostgreSQL: SALESFLOW_BENCH_POSTGRES (else SALESFLOW_TEST_POSTGRES) names the server; the database is salesflow_bench_<scale>.
                """);
            return 1;
        }

        var options = Options(args.Skip(1));
        if (args[0] == "startup")
        {
            var idle = double.Parse(options.GetValueOrDefault("idle-seconds", "10"), System.Globalization.CultureInfo.InvariantCulture);
            foreach (var start in await StartupProbe.RunAsync(options.GetValueOrDefault("dll"), idle, ct))
            {
                Console.WriteLine(string.Create(
                    System.Globalization.CultureInfo.InvariantCulture,
                    $"startup {start.Start}: ready in {start.ReadySeconds:0.00} s; idle after {idle:0} s: working set {start.IdleWorkingSetMb:0} MB, private {start.IdlePrivateMb:0} MB"));
            }

            return 0;
        }

        var scale = Scale.Parse(options.GetValueOrDefault("scale", "S"));
        var provider = options.GetValueOrDefault("provider", "sqlite").ToLowerInvariant() switch
        {
            "sqlite" => DatabaseProvider.Sqlite,
            "postgres" or "postgresql" or "pg" => DatabaseProvider.Postgres,
            var other => throw new ArgumentException($"Unknown provider {other}: use sqlite or postgres."),
        };
        var database = BenchDatabase.For(provider, scale, options.GetValueOrDefault("name"));
        switch (args[0])
        {
            case "generate":
                await DatasetGenerator.GenerateAsync(database, ct);
                return 0;
            case "run":
                var which = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : "all";
                if (options.TryGetValue("cases", out var cases))
                {
                    W4ListViews.Only = cases.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                }

                if (options.TryGetValue("soak-seconds", out var soak))
                {
                    W8Soak.Seconds = int.Parse(soak, System.Globalization.CultureInfo.InvariantCulture);
                }

                var pairs = int.Parse(options.GetValueOrDefault("pairs", "7"), System.Globalization.CultureInfo.InvariantCulture);
                if (!await database.ExistsAsync(ct))
                {
                    Console.Error.WriteLine($"No {scale.Name} dataset on {provider}: run generate first.");
                    return 1;
                }

                await DatasetGenerator.AnalyzeNewIndexesAsync(database, ct);
                var results = await RunWorkloadsAsync(database, which, pairs, Console.WriteLine, ct);
                var file = Save(database, results);
                Console.WriteLine($"results: {file}");
                return 0;
            default:
                Console.Error.WriteLine($"Unknown command {args[0]}.");
                return 1;
        }
    }

    /// <summary>Runs the named workloads (or all) and reports each line as it is measured.</summary>
    public static async Task<List<BenchResult>> RunWorkloadsAsync(BenchDatabase database, string which, int pairs, Action<string> report, CancellationToken ct)
    {
        var chosen = which.Equals("all", StringComparison.OrdinalIgnoreCase)
            ? Workloads
            : Workloads.Where(w => which.Split(',').Contains(w.Name, StringComparer.OrdinalIgnoreCase)).ToList();
        if (chosen.Count == 0)
        {
            throw new ArgumentException($"No workload {which}: choose from {string.Join(", ", Workloads.Select(w => w.Name))} or all.");
        }

        var results = new List<BenchResult>();
        await using var run = new BenchRun(database, database.Services(), pairs, line => report("    · " + line));
        report("workload case, provider, scale, product, baseline, ratio (min–max)  [target: verdict]");
        foreach (var workload in chosen)
        {
            var started = Stopwatch.GetTimestamp();
            report($"--- {workload.Name}: {workload.Title}");
            foreach (var result in await workload.RunAsync(run, ct))
            {
                results.Add(result);
                report(result.ToString());
            }

            report($"    ({Stopwatch.GetElapsedTime(started).TotalSeconds:N0} s)");
        }

        return results;
    }

    private static string Save(BenchDatabase database, IReadOnlyList<BenchResult> results)
    {
        var folder = Path.Combine(Path.GetDirectoryName(BenchDatabase.DefaultFolder)!);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{database.Provider.ToString().ToLowerInvariant()}-{database.Scale.Name}.json");
        var document = new
        {
            machine = new { Environment.ProcessorCount, os = Environment.OSVersion.ToString(), runtime = Environment.Version.ToString() },
            scale = database.Scale,
            provider = database.Provider.ToString(),
            results = results.Select(r => new { r.Workload, r.Case, r.ProductMs, r.BaselineMs, r.Ratio, r.RatioMin, r.RatioMax, r.Noisy, r.Target, r.Met, r.Note, r.Figures, r.Pairs }),
        };
        File.WriteAllText(file, JsonSerializer.Serialize(document, Json));
        return file;
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static Dictionary<string, string> Options(IEnumerable<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string? name = null;
        foreach (var arg in args)
        {
            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                name = arg[2..];
                options[name] = "true";
            }
            else if (name is not null)
            {
                options[name] = arg;
                name = null;
            }
        }

        return options;
    }
}
