using System.Diagnostics;

namespace SalesFlow.Bench.Running;

/// <summary>A workload's product answer differed from its baseline's: the benchmark measured two different things.</summary>
internal sealed class BenchMismatchException(string message) : Exception(message);

/// <summary>
/// Runs a product path and its baseline in the same process, interleaved (A/B, then B/A) after a warm-up, and checks that
/// both give the same answer before any time counts. Reports the medians and the spread of the per-pair ratios.
/// </summary>
internal static class AbRunner
{
    /// <summary>
    /// The warm-up repeats its pair up to this many times, while it has taken less than <see cref="WarmUpBudget"/>. The
    /// runtime compiles a method fully optimized only after 30 calls (tiered compilation): with one warm-up pair, a case of a
    /// few milliseconds timed the product's first-tier code, which took 5.2 ms a call where the server's steady state takes
    /// 2.9 ms (W2 rep×year at L, SQLite). A case of seconds still warms up with one pair, as does every case of a quick run.
    /// </summary>
    private const int WarmUpPairs = 40;

    private static readonly TimeSpan WarmUpBudget = TimeSpan.FromSeconds(3);

    public static async Task<BenchResult> CompareAsync<T>(
        BenchRun run, string workload, string name, Func<CancellationToken, Task<T>> product, Func<CancellationToken, Task<T>> baseline,
        Func<T, T, string?> difference, BenchTarget target, CancellationToken ct)
    {
        var warmUp = Stopwatch.StartNew();
        for (var pair = 0; pair == 0 || (!run.Quick && pair < WarmUpPairs && warmUp.Elapsed < WarmUpBudget); pair++)
        {
            var productAnswer = await product(ct);
            var baselineAnswer = await baseline(ct);
            if (pair == 0 && difference(productAnswer, baselineAnswer) is { } differs)
            {
                throw new BenchMismatchException($"{workload} {name}: the product and the baseline disagree: {differs}");
            }
        }

        var productTimes = new List<double>();
        var baselineTimes = new List<double>();
        for (var pair = 0; pair < run.Pairs; pair++)
        {
            T productAnswer, baselineAnswer;
            double productMs, baselineMs;
            if (pair % 2 == 0)
            {
                (baselineAnswer, baselineMs) = await TimeAsync(baseline, ct);
                (productAnswer, productMs) = await TimeAsync(product, ct);
            }
            else
            {
                (productAnswer, productMs) = await TimeAsync(product, ct);
                (baselineAnswer, baselineMs) = await TimeAsync(baseline, ct);
            }

            if (pair == run.Pairs - 1 && difference(productAnswer, baselineAnswer) is { } differs)
            {
                throw new BenchMismatchException($"{workload} {name}: the product and the baseline disagree: {differs}");
            }

            productTimes.Add(productMs);
            baselineTimes.Add(baselineMs);
        }

        return Summarize(run, workload, name, productTimes, baselineTimes, target);
    }

    public static BenchResult Summarize(BenchRun run, string workload, string name, IReadOnlyList<double> productTimes, IReadOnlyList<double> baselineTimes, BenchTarget target, string? note = null)
    {
        var ratios = productTimes.Zip(baselineTimes, (p, b) => p / Math.Max(b, 1e-6)).ToList();
        var productMedian = Median(productTimes);
        var baselineMedian = Median(baselineTimes);
        var ratio = productMedian / Math.Max(baselineMedian, 1e-6);
        return new BenchResult(
            workload, name, run.Database.Provider.ToString().ToLowerInvariant(), run.Database.Scale.Name, productTimes.Count, productMedian, baselineMedian, ratio,
            ratios.Min(), ratios.Max(), target.Text, target.MaxRatio is { } max ? ratio <= max : null, note);
    }

    public static async Task<(T Answer, double Ms)> TimeAsync<T>(Func<CancellationToken, Task<T>> action, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var answer = await action(ct);
        return (answer, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return 0;
        }

        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    public static double Percentile(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }

    /// <summary>The first difference between two lists of answer lines, or null when they are equal.</summary>
    public static string? FirstDifference(IReadOnlyList<string> product, IReadOnlyList<string> baseline)
    {
        for (var i = 0; i < Math.Min(product.Count, baseline.Count); i++)
        {
            if (!string.Equals(product[i], baseline[i], StringComparison.Ordinal))
            {
                return $"line {i + 1}: product \"{product[i]}\" vs baseline \"{baseline[i]}\"";
            }
        }

        return product.Count == baseline.Count ? null : $"{product.Count} lines vs {baseline.Count} lines";
    }
}
