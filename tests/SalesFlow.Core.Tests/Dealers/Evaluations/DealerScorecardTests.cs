using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Dealers.Evaluations;

namespace SalesFlow.Core.Tests.Dealers.Evaluations;

/// <summary>
/// The quarterly scorecard against the default settings: weights 30/20/15/15/10/10, tier up from 90, keep from 70, tier down from 50,
/// 12/8/5 stores for gold/silver/bronze.
/// </summary>
public class DealerScorecardTests
{
    private static readonly DealerEvaluationOptions Options = new();

    /// <summary>Every criterion at 100 %: target met, all sold through, healthy stock, paid on time, stores covered, everything filed.</summary>
    private static EvaluationFacts Perfect => new(
        TargetAmount: 100_000m, SellInAmount: 100_000m, SellInQuantity: 1_000m, SellThroughQuantity: 1_000m, StockReports: 3, QuarterEndReport: true,
        StockLines: 10, HealthyLines: 10, InvoicedDue: 113_000m, PaidOnTime: 113_000m, ActiveStores: 8, RequiredStores: 8, ObligationsDue: 9, ObligationsMet: 9);

    private static Scorecard Score(EvaluationFacts facts, DealerTier tier = DealerTier.Silver) => DealerScorecard.Score(facts, tier, Options);

    [Fact]
    public void A_dealer_meeting_everything_scores_100_on_each_criterion_and_goes_up_a_tier()
    {
        var card = Score(Perfect);

        Assert.All(card.Criteria, c => Assert.Equal(100m, c.Score));
        Assert.Equal([30, 20, 15, 15, 10, 10], card.Criteria.Select(c => c.Weight));
        Assert.Equal([30m, 20m, 15m, 15m, 10m, 10m], card.Criteria.Select(c => c.Points));
        Assert.Equal(100m, card.Total);
        Assert.Equal(EvaluationOutcome.TierUp, card.Proposed);
    }

    [Fact]
    public void Each_criterion_is_its_ratio_in_percent_rounded_once_to_two_places()
    {
        var card = Score(Perfect with
        {
            SellInAmount = 86_543.21m,
            SellThroughQuantity = 777m,
            HealthyLines = 7,
            PaidOnTime = 100_000m,
            ActiveStores = 5,
            ObligationsMet = 6,
        });

        Assert.Equal(86.54m, card.ScoreOf(EvaluationCriterion.TargetAchievement));
        Assert.Equal(77.7m, card.ScoreOf(EvaluationCriterion.SellThrough));
        Assert.Equal(70m, card.ScoreOf(EvaluationCriterion.InventoryHealth));
        Assert.Equal(88.5m, card.ScoreOf(EvaluationCriterion.PaymentTimeliness));
        Assert.Equal(62.5m, card.ScoreOf(EvaluationCriterion.StoreCoverage));
        Assert.Equal(66.67m, card.ScoreOf(EvaluationCriterion.Compliance));

        // 86.54×.3 + 77.7×.2 + 70×.15 + 88.5×.15 + 62.5×.1 + 66.67×.1 = 25.962 + 15.54 + 10.5 + 13.275 + 6.25 + 6.667 = 78.194
        Assert.Equal(78.19m, card.Total);
        Assert.Equal(EvaluationOutcome.Keep, card.Proposed);
    }

    [Fact]
    public void Ratios_above_one_are_capped_so_overachieving_one_criterion_does_not_hide_another()
    {
        var card = Score(Perfect with { SellInAmount = 250_000m, SellThroughQuantity = 1_500m, ActiveStores = 30, ObligationsMet = 0 });

        Assert.Equal(100m, card.ScoreOf(EvaluationCriterion.TargetAchievement));
        Assert.Equal(100m, card.ScoreOf(EvaluationCriterion.SellThrough));
        Assert.Equal(100m, card.ScoreOf(EvaluationCriterion.StoreCoverage));
        Assert.Equal(0m, card.ScoreOf(EvaluationCriterion.Compliance));
        Assert.Equal(90m, card.Total);
    }

    [Theory]
    [InlineData(90.00, DealerTier.Silver, EvaluationOutcome.TierUp)]
    [InlineData(89.99, DealerTier.Silver, EvaluationOutcome.Keep)]
    [InlineData(90.00, DealerTier.Bronze, EvaluationOutcome.TierUp)]
    [InlineData(100.00, DealerTier.Gold, EvaluationOutcome.Keep)]
    [InlineData(70.00, DealerTier.Gold, EvaluationOutcome.Keep)]
    [InlineData(69.99, DealerTier.Gold, EvaluationOutcome.TierDown)]
    [InlineData(69.99, DealerTier.Silver, EvaluationOutcome.TierDown)]
    [InlineData(69.99, DealerTier.Bronze, EvaluationOutcome.TerritoryChange)]
    [InlineData(50.00, DealerTier.Silver, EvaluationOutcome.TierDown)]
    [InlineData(50.00, DealerTier.Bronze, EvaluationOutcome.TerritoryChange)]
    [InlineData(49.99, DealerTier.Silver, EvaluationOutcome.Terminate)]
    [InlineData(49.99, DealerTier.Gold, EvaluationOutcome.Terminate)]
    [InlineData(0.00, DealerTier.Bronze, EvaluationOutcome.Terminate)]
    public void The_outcome_follows_the_thresholds_on_both_sides_and_the_tier_at_the_quarter_end(decimal total, DealerTier tier, EvaluationOutcome expected) =>
        Assert.Equal(expected, DealerScorecard.Propose(total, tier, Options));

    [Fact]
    public void The_thresholds_come_from_the_settings()
    {
        var strict = new DealerEvaluationOptions { TierUpFrom = 95m, KeepFrom = 80m, TierDownFrom = 60m };

        Assert.Equal(EvaluationOutcome.Keep, DealerScorecard.Propose(94.99m, DealerTier.Silver, strict));
        Assert.Equal(EvaluationOutcome.TierDown, DealerScorecard.Propose(79.99m, DealerTier.Silver, strict));
        Assert.Equal(EvaluationOutcome.Terminate, DealerScorecard.Propose(59.99m, DealerTier.Silver, strict));
    }

    [Fact]
    public void The_weights_come_from_the_settings()
    {
        var salesOnly = new DealerEvaluationOptions { Weights = new EvaluationWeights { TargetAchievement = 100, SellThrough = 0, InventoryHealth = 0, PaymentTimeliness = 0, StoreCoverage = 0, Compliance = 0 } };
        var facts = Perfect with { SellInAmount = 72_000m, HealthyLines = 0, PaidOnTime = 0m, ObligationsMet = 0 };

        var card = DealerScorecard.Score(facts, DealerTier.Silver, salesOnly);

        Assert.Equal(72m, card.Total);
        Assert.Equal(EvaluationOutcome.Keep, card.Proposed);
        Assert.Equal(51.6m, Score(facts).Total); // default weights: 72×.3 + 100×.2 + 0 + 0 + 100×.1 + 0 = 21.6 + 20 + 10
    }

    [Fact]
    public void No_stock_report_in_the_quarter_scores_zero_for_sell_through_and_inventory_because_the_dealer_did_not_report()
    {
        var card = Score(Perfect with { StockReports = 0, SellThroughQuantity = 0m, QuarterEndReport = false, StockLines = 0, HealthyLines = 0 });

        Assert.Equal(0m, card.ScoreOf(EvaluationCriterion.SellThrough));
        Assert.Equal(0m, card.ScoreOf(EvaluationCriterion.InventoryHealth));
        Assert.Equal(65m, card.Total);
        Assert.Equal(EvaluationOutcome.TierDown, card.Proposed);
    }

    [Fact]
    public void Reports_in_the_quarter_but_none_for_its_last_month_score_inventory_zero_and_sell_through_from_what_was_reported()
    {
        var card = Score(Perfect with { StockReports = 2, SellThroughQuantity = 600m, QuarterEndReport = false, StockLines = 0, HealthyLines = 0 });

        Assert.Equal(60m, card.ScoreOf(EvaluationCriterion.SellThrough));
        Assert.Equal(0m, card.ScoreOf(EvaluationCriterion.InventoryHealth));
    }

    [Fact]
    public void A_criterion_whose_basis_is_missing_on_our_side_is_not_measured_and_the_others_carry_the_total()
    {
        // No target set, no sell-in, no invoice due, no store required: only inventory (15) and compliance (10) are measured.
        var card = Score(Perfect with { TargetAmount = null, SellInAmount = 0m, SellInQuantity = 0m, InvoicedDue = 0m, PaidOnTime = 0m, RequiredStores = 0, HealthyLines = 5 });

        Assert.Null(card.ScoreOf(EvaluationCriterion.TargetAchievement));
        Assert.Null(card.ScoreOf(EvaluationCriterion.SellThrough));
        Assert.Null(card.ScoreOf(EvaluationCriterion.PaymentTimeliness));
        Assert.Null(card.ScoreOf(EvaluationCriterion.StoreCoverage));
        Assert.Equal(0m, card.Criteria.Single(c => c.Criterion == EvaluationCriterion.TargetAchievement).Points);

        // (50×15 + 100×10) ÷ 25 = 70
        Assert.Equal(70m, card.Total);
        Assert.Equal(EvaluationOutcome.Keep, card.Proposed);
    }

    [Fact]
    public void A_zero_target_is_not_measured_but_a_target_with_no_sell_in_scores_zero()
    {
        Assert.Null(Score(Perfect with { TargetAmount = 0m }).ScoreOf(EvaluationCriterion.TargetAchievement));
        Assert.Equal(0m, Score(Perfect with { SellInAmount = 0m }).ScoreOf(EvaluationCriterion.TargetAchievement));
    }

    [Fact]
    public void A_quarter_end_report_without_lines_is_no_evidence_of_healthy_stock()
    {
        Assert.Equal(0m, Score(Perfect with { StockLines = 0, HealthyLines = 0 }).ScoreOf(EvaluationCriterion.InventoryHealth));
    }

    [Fact]
    public void Nothing_measured_at_all_totals_zero_and_proposes_termination()
    {
        var none = new DealerEvaluationOptions { Weights = new EvaluationWeights { TargetAchievement = 100, SellThrough = 0, InventoryHealth = 0, PaymentTimeliness = 0, StoreCoverage = 0, Compliance = 0 } };

        var card = DealerScorecard.Score(Perfect with { TargetAmount = null }, DealerTier.Silver, none);

        Assert.Equal(0m, card.Total);
        Assert.Equal(EvaluationOutcome.Terminate, card.Proposed);
    }

    [Fact]
    public void The_total_is_computed_from_the_rounded_scores_and_rounded_once()
    {
        // Target 1/3 → 33.33; everything else 100: 33.33×.3 + 70 = 79.999 → 80.00.
        var card = Score(Perfect with { SellInAmount = 100_000m / 3m });

        Assert.Equal(33.33m, card.ScoreOf(EvaluationCriterion.TargetAchievement));
        Assert.Equal(80m, card.Total);
        Assert.Equal(EvaluationOutcome.Keep, card.Proposed);
    }

    [Theory]
    [InlineData(DealerTier.Bronze, EvaluationOutcome.TierUp, DealerTier.Silver)]
    [InlineData(DealerTier.Silver, EvaluationOutcome.TierUp, DealerTier.Gold)]
    [InlineData(DealerTier.Gold, EvaluationOutcome.TierDown, DealerTier.Silver)]
    [InlineData(DealerTier.Silver, EvaluationOutcome.TierDown, DealerTier.Bronze)]
    [InlineData(DealerTier.Gold, EvaluationOutcome.TierUp, null)]
    [InlineData(DealerTier.Bronze, EvaluationOutcome.TierDown, null)]
    [InlineData(DealerTier.Silver, EvaluationOutcome.Keep, null)]
    public void A_tier_moves_one_step_and_not_beyond_gold_or_bronze(DealerTier from, EvaluationOutcome outcome, DealerTier? to) =>
        Assert.Equal(to, DealerScorecard.TierAfter(from, outcome));

    [Fact]
    public void Settings_whose_weights_do_not_sum_to_100_or_whose_thresholds_are_out_of_order_are_refused()
    {
        Assert.Empty(new DealerEvaluationOptions().Problems());
        var heavy = new DealerEvaluationOptions { Weights = new EvaluationWeights { TargetAchievement = 31 } };
        Assert.Contains(heavy.Problems(), p => p.Contains("sum to 100", StringComparison.Ordinal));
        Assert.Throws<InvalidOperationException>(() => heavy.EnsureValid());
        Assert.NotEmpty(new DealerEvaluationOptions { KeepFrom = 95m }.Problems());
        Assert.NotEmpty(new DealerEvaluationOptions { Weights = new EvaluationWeights { TargetAchievement = 40, SellThrough = -10 } }.Problems());
    }
}
