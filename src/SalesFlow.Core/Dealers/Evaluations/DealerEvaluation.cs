using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers.Evaluations;

public enum EvaluationStatus
{
    Proposed,
    Confirmed,
}

/// <summary>
/// One dealer's quarterly evaluation (PRODUCT.md §8): the measured facts, the six scores (null = not measured), the weights used
/// (a snapshot, so a later change of the settings does not rewrite history), the weighted total and the proposed outcome. It stays
/// Proposed — and is measured again when the quarter is generated again — until the area manager's superior confirms an outcome,
/// which may differ from the proposal (with a comment). Unique per dealer and quarter.
/// </summary>
public sealed class DealerEvaluation : IHasId, IAudited, IVersioned
{
    public const int CommentMaxLength = 500;

    private DealerEvaluation()
    {
    }

    public DealerEvaluation(Guid dealerId, int year, int quarter)
    {
        Id = Guid.CreateVersion7();
        DealerId = dealerId;
        Year = year;
        Quarter = quarter;
        Status = EvaluationStatus.Proposed;
    }

    public Guid Id { get; private set; }

    public Guid DealerId { get; private set; }

    public int Year { get; private set; }

    public int Quarter { get; private set; }

    /// <summary>The dealer's tier in force on the quarter's last day: what tier up / down starts from.</summary>
    public DealerTier Tier { get; private set; }

    public decimal? TargetAmount { get; private set; }

    public decimal SellInAmount { get; private set; }

    public decimal SellInQuantity { get; private set; }

    public decimal SellThroughQuantity { get; private set; }

    public int StockReports { get; private set; }

    public bool QuarterEndReport { get; private set; }

    public int StockLines { get; private set; }

    public int HealthyLines { get; private set; }

    public decimal InvoicedDue { get; private set; }

    public decimal PaidOnTime { get; private set; }

    public int ActiveStores { get; private set; }

    public int RequiredStores { get; private set; }

    public int ObligationsDue { get; private set; }

    public int ObligationsMet { get; private set; }

    public decimal? TargetScore { get; private set; }

    public decimal? SellThroughScore { get; private set; }

    public decimal? InventoryScore { get; private set; }

    public decimal? PaymentScore { get; private set; }

    public decimal? CoverageScore { get; private set; }

    public decimal? ComplianceScore { get; private set; }

    public int TargetWeight { get; private set; }

    public int SellThroughWeight { get; private set; }

    public int InventoryWeight { get; private set; }

    public int PaymentWeight { get; private set; }

    public int CoverageWeight { get; private set; }

    public int ComplianceWeight { get; private set; }

    public decimal Total { get; private set; }

    public EvaluationOutcome ProposedOutcome { get; private set; }

    public EvaluationStatus Status { get; private set; }

    public EvaluationOutcome? ConfirmedOutcome { get; private set; }

    public string? Comment { get; private set; }

    public string? ConfirmedBy { get; private set; }

    public DateTime? ConfirmedAtUtc { get; private set; }

    /// <summary>The tier change requested when a tier up or down was confirmed.</summary>
    public Guid? TierChangeId { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public EvaluationFacts Facts => new(
        TargetAmount, SellInAmount, SellInQuantity, SellThroughQuantity, StockReports, QuarterEndReport, StockLines, HealthyLines,
        InvoicedDue, PaidOnTime, ActiveStores, RequiredStores, ObligationsDue, ObligationsMet);

    public EvaluationWeights Weights => new()
    {
        TargetAchievement = TargetWeight,
        SellThrough = SellThroughWeight,
        InventoryHealth = InventoryWeight,
        PaymentTimeliness = PaymentWeight,
        StoreCoverage = CoverageWeight,
        Compliance = ComplianceWeight,
    };

    public IReadOnlyDictionary<EvaluationCriterion, decimal?> Scores => new Dictionary<EvaluationCriterion, decimal?>
    {
        [EvaluationCriterion.TargetAchievement] = TargetScore,
        [EvaluationCriterion.SellThrough] = SellThroughScore,
        [EvaluationCriterion.InventoryHealth] = InventoryScore,
        [EvaluationCriterion.PaymentTimeliness] = PaymentScore,
        [EvaluationCriterion.StoreCoverage] = CoverageScore,
        [EvaluationCriterion.Compliance] = ComplianceScore,
    };

    /// <summary>Stores (again) what was measured and scored; a confirmed evaluation is never re-measured.</summary>
    public Result Measure(EvaluationFacts facts, DealerTier tier, DealerEvaluationOptions options)
    {
        if (Status != EvaluationStatus.Proposed)
        {
            return EvaluationErrors.NotProposed(Status);
        }

        var card = DealerScorecard.Score(facts, tier, options);
        Tier = tier;
        (TargetAmount, SellInAmount, SellInQuantity, SellThroughQuantity) = (facts.TargetAmount, facts.SellInAmount, facts.SellInQuantity, facts.SellThroughQuantity);
        (StockReports, QuarterEndReport, StockLines, HealthyLines) = (facts.StockReports, facts.QuarterEndReport, facts.StockLines, facts.HealthyLines);
        (InvoicedDue, PaidOnTime, ActiveStores, RequiredStores) = (facts.InvoicedDue, facts.PaidOnTime, facts.ActiveStores, facts.RequiredStores);
        (ObligationsDue, ObligationsMet) = (facts.ObligationsDue, facts.ObligationsMet);
        TargetScore = card.ScoreOf(EvaluationCriterion.TargetAchievement);
        SellThroughScore = card.ScoreOf(EvaluationCriterion.SellThrough);
        InventoryScore = card.ScoreOf(EvaluationCriterion.InventoryHealth);
        PaymentScore = card.ScoreOf(EvaluationCriterion.PaymentTimeliness);
        CoverageScore = card.ScoreOf(EvaluationCriterion.StoreCoverage);
        ComplianceScore = card.ScoreOf(EvaluationCriterion.Compliance);
        var w = options.Weights;
        (TargetWeight, SellThroughWeight, InventoryWeight) = (w.TargetAchievement, w.SellThrough, w.InventoryHealth);
        (PaymentWeight, CoverageWeight, ComplianceWeight) = (w.PaymentTimeliness, w.StoreCoverage, w.Compliance);
        Total = card.Total;
        ProposedOutcome = card.Proposed;
        return Result.Ok();
    }

    /// <summary>Proposed → Confirmed with the outcome decided (a different one than proposed needs a comment).</summary>
    public Result Confirm(EvaluationOutcome outcome, string? comment, string by, DateTime atUtc, Guid? tierChangeId)
    {
        if (Status != EvaluationStatus.Proposed)
        {
            return EvaluationErrors.NotProposed(Status);
        }

        if (outcome != ProposedOutcome && string.IsNullOrWhiteSpace(comment))
        {
            return Error.Invalid("comment", "required");
        }

        Status = EvaluationStatus.Confirmed;
        ConfirmedOutcome = outcome;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        ConfirmedBy = by;
        ConfirmedAtUtc = atUtc;
        TierChangeId = tierChangeId;
        return Result.Ok();
    }
}
