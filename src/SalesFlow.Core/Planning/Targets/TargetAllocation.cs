using SalesFlow.Core.Common;

namespace SalesFlow.Core.Planning.Targets;

/// <summary>
/// The arithmetic of splitting and phasing, free of the database: parts at the measure's decimals that sum exactly to
/// the total, the rounding remainder going to the largest part (the first of equals).
/// </summary>
public static class TargetAllocation
{
    /// <summary>Money 2, quantities 3, counts 0 (PRODUCT.md §2 and the planning definitions).</summary>
    public static int DecimalsOf(TargetMeasure measure) => measure switch
    {
        TargetMeasure.Quantity => 3,
        TargetMeasure.NewCustomers => 0,
        _ => 2,
    };

    public static bool HasAtMostDecimals(decimal amount, int decimals) => decimal.Round(amount, decimals) == amount;

    /// <summary>Equal parts of <paramref name="total"/>.</summary>
    public static Result<IReadOnlyList<decimal>> Equal(decimal total, int count, int decimals) =>
        ByWeights(total, [.. Enumerable.Repeat(1m, count)], decimals);

    /// <summary>
    /// Parts proportional to <paramref name="weights"/> (negative weights count as zero). Each part is rounded to
    /// <paramref name="decimals"/> (half to even, so exact halves do not all round the same way); what rounding leaves over (either sign) goes to the part with the largest weight.
    /// If that would make the part negative (tiny totals over many parts), every part is rounded down instead, so the
    /// remainder is never negative.
    /// </summary>
    public static Result<IReadOnlyList<decimal>> ByWeights(decimal total, IReadOnlyList<decimal> weights, int decimals)
    {
        if (total < 0)
        {
            return TargetErrors.NegativeAmount;
        }

        if (weights.Count == 0)
        {
            return TargetErrors.NoChildren;
        }

        var clean = weights.Select(w => w > 0 ? w : 0m).ToArray();
        var sum = clean.Sum();
        if (sum == 0)
        {
            return TargetErrors.NoWeights;
        }

        var largest = 0;
        for (var i = 1; i < clean.Length; i++)
        {
            if (clean[i] > clean[largest])
            {
                largest = i;
            }
        }

        var parts = clean.Select(w => decimal.Round(total * w / sum, decimals, MidpointRounding.ToEven)).ToArray();
        var remainder = total - parts.Sum();
        if (parts[largest] + remainder < 0)
        {
            parts = [.. clean.Select(w => RoundDown(total * w / sum, decimals))];
            remainder = total - parts.Sum();
        }

        parts[largest] += remainder;
        return parts;
    }

    /// <summary>Hand-typed parts: none negative, none with more decimals than the measure has, summing exactly to the total.</summary>
    public static Error? CheckManual(decimal total, IReadOnlyList<decimal> amounts, int decimals, string field = "children")
    {
        for (var i = 0; i < amounts.Count; i++)
        {
            if (amounts[i] < 0)
            {
                return TargetErrors.NegativeAmount;
            }

            if (!HasAtMostDecimals(amounts[i], decimals))
            {
                return Error.Invalid($"{field}[{i}].amount", "decimals", ("max", decimals));
            }
        }

        var sum = amounts.Sum();
        return sum == total ? null : TargetErrors.SplitNotEqualParent(total, sum);
    }

    private static decimal RoundDown(decimal value, int decimals)
    {
        var factor = (decimal)Math.Pow(10, decimals);
        return decimal.Floor(value * factor) / factor;
    }
}
