using SalesFlow.Core.Common;

namespace SalesFlow.Core.Dealers.Evaluations;

public static class EvaluationErrors
{
    public static Error NotFound(Guid id) => Error.NotFound("DealerEvaluation", id);

    public static Error NotProposed(EvaluationStatus status) =>
        Error.Rule("evaluation.notProposed", $"The evaluation is already {status}.", ("evaluationStatus", status.ToString()));

    public static Error QuarterNotOver(int year, int quarter) =>
        Error.Rule("evaluation.quarterNotOver", $"{year}-Q{quarter} has not ended yet.", ("year", year), ("quarter", quarter));

    public static Error NoTierBeyond(EvaluationOutcome outcome, Catalog.Prices.DealerTier tier) =>
        Error.Rule("evaluation.noTierBeyond", $"A {tier} dealer cannot be moved {outcome}.", ("outcome", outcome.ToString()), ("tier", tier.ToString()));
}
