using SalesFlow.Core.Common;

namespace SalesFlow.Core.Dealers.Applications;

/// <summary>Scores an application on the checklist: every criterion once, 0–max; total = Σ score / max × weight, over the weights, to 100, one decimal.</summary>
public static class Checklist
{
    public static Result<decimal> Total(DealerApplicationOptions options, IReadOnlyDictionary<string, int>? scores)
    {
        if (scores is null)
        {
            return Error.Invalid("scores", "required");
        }

        foreach (var key in scores.Keys)
        {
            if (!options.Checklist.Any(c => c.Code == key))
            {
                return Error.Invalid($"scores.{key}", "unknownCriterion");
            }
        }

        decimal sum = 0m;
        decimal weights = 0m;
        foreach (var criterion in options.Checklist)
        {
            if (!scores.TryGetValue(criterion.Code, out var score))
            {
                return Error.Invalid($"scores.{criterion.Code}", "required");
            }

            if (score < 0 || score > criterion.MaxScore)
            {
                return Error.Invalid($"scores.{criterion.Code}", "range", ("min", 0), ("max", criterion.MaxScore));
            }

            sum += (decimal)score / criterion.MaxScore * criterion.Weight;
            weights += criterion.Weight;
        }

        return weights == 0m ? 0m : Math.Round(sum / weights * 100m, 1, MidpointRounding.AwayFromZero);
    }
}
