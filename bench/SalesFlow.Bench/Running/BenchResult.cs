using System.Globalization;

namespace SalesFlow.Bench.Running;

/// <summary>What a workload's answer must meet, as a bound on product time ÷ baseline time (or on another figure it names).</summary>
internal sealed record BenchTarget(string Text, double? MaxRatio)
{
    public static BenchTarget AtMost(double ratio, string text) => new(text, ratio);

    public static BenchTarget Throughput(double share) => new($"throughput ≥ {share:0.##}× (time ≤ {1 / share:0.##}×)", 1 / share);

    public static BenchTarget None(string text) => new(text, null);
}

/// <summary>One line of the report: medians of the interleaved pairs, their ratio and the spread of the per-pair ratios.</summary>
internal sealed record BenchResult(
    string Workload, string Case, string Provider, string Scale, int Pairs, double ProductMs, double BaselineMs, double Ratio, double RatioMin, double RatioMax,
    string Target, bool? Met, string? Note = null)
{
    /// <summary>A spread of more than 2× between the fastest and slowest pair means the medians are not to be trusted alone.</summary>
    public bool Noisy => RatioMin > 0 && RatioMax / RatioMin > 2;

    public IDictionary<string, double> Figures { get; init; } = new Dictionary<string, double>();

    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var met = Met switch { true => "met", false => "MISSED", null => "" };
        var figures = Figures.Count == 0 ? "" : "  " + string.Join(", ", Figures.Select(f => string.Create(c, $"{f.Key}={f.Value:0.##}")));
        return string.Create(c, $"{Workload} {Case}, {Provider}, {Scale}, {ProductMs:0.###} ms, {BaselineMs:0.###} ms, {Ratio:0.00}× ({RatioMin:0.00}–{RatioMax:0.00})")
               + (Noisy ? " noisy" : "") + $"  [{Target}: {met}]" + figures + (Note is null ? "" : "  " + Note);
    }
}
