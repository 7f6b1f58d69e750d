using SalesFlow.Core.Catalog.Prices;

namespace SalesFlow.Core.Dealers.Evaluations;

/// <summary>The six criteria of the quarterly scorecard (PRODUCT.md §8).</summary>
public enum EvaluationCriterion
{
    TargetAchievement,
    SellThrough,
    InventoryHealth,
    PaymentTimeliness,
    StoreCoverage,
    Compliance,
}

/// <summary>What the evaluation proposes (and the manager confirms) for the dealer.</summary>
public enum EvaluationOutcome
{
    Keep,
    TierUp,
    TierDown,
    TerritoryChange,
    Terminate,
}

/// <summary>
/// The measured facts of one dealer in one quarter (amounts net of tax, quantities in base units). How each is measured is in
/// <see cref="EvaluationFactQueries"/>.
/// </summary>
public sealed record EvaluationFacts(
    decimal? TargetAmount,
    decimal SellInAmount,
    decimal SellInQuantity,
    decimal SellThroughQuantity,
    int StockReports,
    bool QuarterEndReport,
    int StockLines,
    int HealthyLines,
    decimal InvoicedDue,
    decimal PaidOnTime,
    int ActiveStores,
    int RequiredStores,
    int ObligationsDue,
    int ObligationsMet);

/// <summary>One criterion: its score (0–100, null = not measured), its weight and the points it adds to the total.</summary>
public sealed record CriterionScore(EvaluationCriterion Criterion, decimal? Score, int Weight, decimal Points);

public sealed record Scorecard(IReadOnlyList<CriterionScore> Criteria, decimal Total, EvaluationOutcome Proposed)
{
    public decimal? ScoreOf(EvaluationCriterion criterion) => Criteria.Single(c => c.Criterion == criterion).Score;
}

/// <summary>
/// THE scorecard of the quarterly dealer evaluation, pure so it is tested alone. Each criterion is a ratio capped at 1, times 100,
/// rounded once to two places:
/// <list type="bullet">
/// <item>Target achievement = sell-in ÷ the dealer's revenue target of the quarter. No target (or 0) → not measured.</item>
/// <item>Sell-through = reported sales ÷ sell-in, in base quantities. No stock report in the quarter → 0 (the dealer did not
/// report); no sell-in → not measured.</item>
/// <item>Inventory health = lines of the quarter-end report with neither a stock-out nor an over-stock flag ÷ its lines. No
/// quarter-end report (or one without lines) → 0.</item>
/// <item>Payment timeliness = amount of the invoices due in the quarter paid (receipts or credit notes) by their due date (plus the
/// grace days of the settings) ÷ their total. Nothing due → not measured.</item>
/// <item>Store coverage = active stores ÷ the stores the tier must cover. None required → not measured.</item>
/// <item>Compliance = monthly obligations filed on time ÷ obligations due.</item>
/// </list>
/// A criterion that is not measured (the basis is missing on our side, so the dealer cannot be blamed) leaves the total: the total is
/// Σ score × weight ÷ Σ weight of the measured criteria, from the rounded scores, rounded once to two places. The outcome follows
/// the thresholds of <see cref="DealerEvaluationOptions"/> and the dealer's tier at the quarter's end.
/// </summary>
public static class DealerScorecard
{
    public static Scorecard Score(EvaluationFacts facts, DealerTier tier, DealerEvaluationOptions options) =>
        Weigh(Scores(facts), options.Weights, tier, options);

    /// <summary>The six scores of the facts, null where not measured.</summary>
    public static IReadOnlyDictionary<EvaluationCriterion, decimal?> Scores(EvaluationFacts facts) => new Dictionary<EvaluationCriterion, decimal?>
    {
        [EvaluationCriterion.TargetAchievement] = facts.TargetAmount is > 0 ? Ratio(facts.SellInAmount, facts.TargetAmount.Value) : null,
        [EvaluationCriterion.SellThrough] = facts.StockReports == 0 ? 0m : facts.SellInQuantity > 0 ? Ratio(facts.SellThroughQuantity, facts.SellInQuantity) : null,
        [EvaluationCriterion.InventoryHealth] = facts.QuarterEndReport && facts.StockLines > 0 ? Ratio(facts.HealthyLines, facts.StockLines) : 0m,
        [EvaluationCriterion.PaymentTimeliness] = facts.InvoicedDue > 0 ? Ratio(facts.PaidOnTime, facts.InvoicedDue) : null,
        [EvaluationCriterion.StoreCoverage] = facts.RequiredStores > 0 ? Ratio(facts.ActiveStores, facts.RequiredStores) : null,
        [EvaluationCriterion.Compliance] = facts.ObligationsDue > 0 ? Ratio(facts.ObligationsMet, facts.ObligationsDue) : null,
    };

    /// <summary>Weighs stored scores with the weights used (a stored evaluation shows its points with the weights of its day).</summary>
    public static Scorecard Weigh(IReadOnlyDictionary<EvaluationCriterion, decimal?> scores, EvaluationWeights weights, DealerTier tier, DealerEvaluationOptions options)
    {
        var measured = Enum.GetValues<EvaluationCriterion>().Where(c => scores[c] is not null).Sum(weights.Of);
        var criteria = Enum.GetValues<EvaluationCriterion>()
            .Select(c => new CriterionScore(c, scores[c], weights.Of(c), scores[c] is { } s && measured > 0 ? s * weights.Of(c) / measured : 0m))
            .ToList();
        var total = Math.Round(criteria.Sum(c => c.Points), 2, MidpointRounding.AwayFromZero);
        return new Scorecard(criteria, total, Propose(total, tier, options));
    }

    /// <summary>
    /// ≥ <see cref="DealerEvaluationOptions.TierUpFrom"/>: tier up (gold: keep); ≥ <see cref="DealerEvaluationOptions.KeepFrom"/>: keep;
    /// ≥ <see cref="DealerEvaluationOptions.TierDownFrom"/>: tier down (bronze: territory change); below: terminate.
    /// </summary>
    public static EvaluationOutcome Propose(decimal total, DealerTier tier, DealerEvaluationOptions options)
    {
        if (total >= options.TierUpFrom)
        {
            return tier == DealerTier.Gold ? EvaluationOutcome.Keep : EvaluationOutcome.TierUp;
        }

        if (total >= options.KeepFrom)
        {
            return EvaluationOutcome.Keep;
        }

        if (total >= options.TierDownFrom)
        {
            return tier == DealerTier.Bronze ? EvaluationOutcome.TerritoryChange : EvaluationOutcome.TierDown;
        }

        return EvaluationOutcome.Terminate;
    }

    /// <summary>The tier one step up or down from <paramref name="tier"/>, or null when there is none.</summary>
    public static DealerTier? TierAfter(DealerTier tier, EvaluationOutcome outcome) => (tier, outcome) switch
    {
        (DealerTier.Bronze, EvaluationOutcome.TierUp) => DealerTier.Silver,
        (DealerTier.Silver, EvaluationOutcome.TierUp) => DealerTier.Gold,
        (DealerTier.Gold, EvaluationOutcome.TierDown) => DealerTier.Silver,
        (DealerTier.Silver, EvaluationOutcome.TierDown) => DealerTier.Bronze,
        _ => null,
    };

    private static decimal Ratio(decimal part, decimal whole) =>
        Math.Round(Math.Min(1m, Math.Max(0m, part / whole)) * 100m, 2, MidpointRounding.AwayFromZero);
}
