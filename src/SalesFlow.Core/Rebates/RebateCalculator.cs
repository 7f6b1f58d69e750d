namespace SalesFlow.Core.Rebates;

/// <summary>How a policy's rate applies to the purchase amount.</summary>
public enum RebateMethod
{
    /// <summary>The rate of the highest tier reached applies to the whole amount (全额累进: 达到哪一档, 全部金额按该档比例).</summary>
    WholeAmount,

    /// <summary>Each band of the amount earns its own tier's rate (超额累进: 分段计算).</summary>
    Progressive,
}

/// <summary>One tier: from <paramref name="Threshold"/> (inclusive) the rate is <paramref name="RatePercent"/> %.</summary>
public sealed record RebateTier(decimal Threshold, decimal RatePercent);

/// <summary>
/// What an amount earns under a policy, and what the next tier would bring. <see cref="TierIndex"/> is the index of
/// the highest tier reached (−1 below the first); <see cref="NextThreshold"/> is null at the top tier, then
/// <see cref="MissingToNext"/> and <see cref="ExtraAtNext"/> are 0.
/// </summary>
public sealed record RebateOutcome(
    decimal Amount, decimal Rebate, int TierIndex, decimal RatePercent, decimal? NextThreshold, decimal? NextRatePercent, decimal MissingToNext, decimal ExtraAtNext);

/// <summary>
/// The one rebate calculation (PRODUCT.md §8). Pure: tiers ascending by threshold (the policy's validation guarantees
/// it), amount ≥ 0. A threshold counts as reached when the amount is equal to it. The rebate is rounded once, to 2
/// places, half away from zero. "How much more": the amount still missing to the next threshold and the rebate that
/// amount would add (the rebate at the next threshold minus the rebate now).
/// </summary>
public static class RebateCalculator
{
    public static RebateOutcome Calculate(IReadOnlyList<RebateTier> tiers, RebateMethod method, decimal amount)
    {
        if (amount < 0)
        {
            amount = 0;
        }

        var rebate = Rebate(tiers, method, amount);
        var index = -1;
        for (var i = 0; i < tiers.Count && tiers[i].Threshold <= amount; i++)
        {
            index = i;
        }

        var rate = index < 0 ? 0 : tiers[index].RatePercent;
        if (index + 1 >= tiers.Count)
        {
            return new RebateOutcome(amount, rebate, index, rate, null, null, 0, 0);
        }

        var next = tiers[index + 1];
        var atNext = Rebate(tiers, method, next.Threshold);
        return new RebateOutcome(amount, rebate, index, rate, next.Threshold, next.RatePercent, next.Threshold - amount, atNext - rebate);
    }

    public static decimal Rebate(IReadOnlyList<RebateTier> tiers, RebateMethod method, decimal amount)
    {
        if (amount <= 0 || tiers.Count == 0)
        {
            return 0;
        }

        decimal exact = 0;
        if (method == RebateMethod.WholeAmount)
        {
            var reached = tiers.LastOrDefault(t => t.Threshold <= amount);
            exact = reached is null ? 0 : amount * reached.RatePercent / 100m;
        }
        else
        {
            for (var i = 0; i < tiers.Count && tiers[i].Threshold < amount; i++)
            {
                var bandTop = i + 1 < tiers.Count ? Math.Min(amount, tiers[i + 1].Threshold) : amount;
                exact += (bandTop - tiers[i].Threshold) * tiers[i].RatePercent / 100m;
            }
        }

        return decimal.Round(exact, 2, MidpointRounding.AwayFromZero);
    }
}
