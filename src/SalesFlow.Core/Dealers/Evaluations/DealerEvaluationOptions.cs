using SalesFlow.Core.Catalog.Prices;

namespace SalesFlow.Core.Dealers.Evaluations;

/// <summary>The weights of the six criteria (configuration section <c>Dealers:Evaluation:Weights</c>); they must sum to 100.</summary>
public sealed class EvaluationWeights
{
    public int TargetAchievement { get; set; } = 30;

    public int SellThrough { get; set; } = 20;

    public int InventoryHealth { get; set; } = 15;

    public int PaymentTimeliness { get; set; } = 15;

    public int StoreCoverage { get; set; } = 10;

    public int Compliance { get; set; } = 10;

    public int Sum => TargetAchievement + SellThrough + InventoryHealth + PaymentTimeliness + StoreCoverage + Compliance;

    public int Of(EvaluationCriterion criterion) => criterion switch
    {
        EvaluationCriterion.TargetAchievement => TargetAchievement,
        EvaluationCriterion.SellThrough => SellThrough,
        EvaluationCriterion.InventoryHealth => InventoryHealth,
        EvaluationCriterion.PaymentTimeliness => PaymentTimeliness,
        EvaluationCriterion.StoreCoverage => StoreCoverage,
        _ => Compliance,
    };
}

/// <summary>
/// The quarterly dealer evaluation (PRODUCT.md §8, configuration section <c>Dealers:Evaluation</c>): the criteria's weights, the
/// outcome thresholds on the weighted total, the stores each tier must cover and the stock report's due day.
/// </summary>
public sealed class DealerEvaluationOptions
{
    public EvaluationWeights Weights { get; set; } = new();

    /// <summary>A total at or above this proposes a tier up (a gold dealer, already at the top, is kept).</summary>
    public decimal TierUpFrom { get; set; } = 90m;

    /// <summary>A total at or above this (and below <see cref="TierUpFrom"/>) proposes to keep the dealer as it is.</summary>
    public decimal KeepFrom { get; set; } = 70m;

    /// <summary>
    /// A total at or above this (and below <see cref="KeepFrom"/>) proposes a tier down; a bronze dealer, already at the bottom,
    /// gets a territory change (a smaller territory) instead. Below it: terminate.
    /// </summary>
    public decimal TierDownFrom { get; set; } = 50m;

    /// <summary>Active stores a dealer of each tier must serve for full store coverage.</summary>
    public int GoldStores { get; set; } = 12;

    public int SilverStores { get; set; } = 8;

    public int BronzeStores { get; set; } = 5;

    /// <summary>
    /// Days after an invoice's due date within which a payment still counts as on time (宽限期); receipts in the demo, as in life,
    /// arrive around the due date. 0 = strictly by the due date.
    /// </summary>
    public int PaymentGraceDays { get; set; } = 7;

    /// <summary>A month's stock report counts as filed on time when submitted by this day of the month after (company date).</summary>
    public int StockReportDueDay { get; set; } = 10;

    public int RequiredStores(DealerTier tier) => tier switch
    {
        DealerTier.Gold => GoldStores,
        DealerTier.Silver => SilverStores,
        _ => BronzeStores,
    };

    /// <summary>What is wrong with the settings (empty when they are usable); the host refuses to start otherwise.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Weights.Sum != 100)
        {
            problems.Add($"Dealers:Evaluation:Weights must sum to 100 (they sum to {Weights.Sum}).");
        }

        if (Enum.GetValues<EvaluationCriterion>().Any(c => Weights.Of(c) < 0))
        {
            problems.Add("Dealers:Evaluation:Weights must not be negative.");
        }

        if (!(TierDownFrom >= 0 && TierDownFrom <= KeepFrom && KeepFrom <= TierUpFrom && TierUpFrom <= 100))
        {
            problems.Add("Dealers:Evaluation thresholds must satisfy 0 <= TierDownFrom <= KeepFrom <= TierUpFrom <= 100.");
        }

        if (GoldStores < 0 || SilverStores < 0 || BronzeStores < 0)
        {
            problems.Add("Dealers:Evaluation store counts must not be negative.");
        }

        if (PaymentGraceDays is < 0 or > 90)
        {
            problems.Add("Dealers:Evaluation:PaymentGraceDays must be between 0 and 90.");
        }

        if (StockReportDueDay is < 1 or > 28)
        {
            problems.Add("Dealers:Evaluation:StockReportDueDay must be between 1 and 28.");
        }

        return problems;
    }

    /// <summary>Throws at startup when the settings are not usable (weights not summing to 100, thresholds out of order).</summary>
    public DealerEvaluationOptions EnsureValid() =>
        Problems() is { Count: > 0 } problems ? throw new InvalidOperationException(string.Join(" ", problems)) : this;
}
