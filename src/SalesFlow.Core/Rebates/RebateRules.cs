using System.ComponentModel.DataAnnotations;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Rebates;

public static class RebatePermissions
{
    /// <summary>Read policies, accruals and settlements (internal roles, scoped by the dealers they see).</summary>
    public const string View = "rebates.view";

    /// <summary>Create and change policies (Director, SalesOps).</summary>
    public const string Manage = "rebates.manage";

    /// <summary>Accrue a month on demand and settle a dealer's policy period (Finance).</summary>
    public const string Settle = "rebates.settle";
}

public sealed record RebateTierInput(
    [property: Required, Range(typeof(decimal), "0", "100000000000")] decimal? Threshold,
    [property: Required, Range(typeof(decimal), "0", "100")] decimal? RatePercent);

public sealed record RebatePolicyInput(
    [property: Required, StringLength(RebatePolicy.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: Required] RebatePeriodKind? PeriodKind,
    [property: Required, Range(2000, 2100)] int? Year,
    [property: Range(1, 4)] int? Quarter,
    [property: StringLength(100)] string? ProductLine,
    DealerTier? DealerTier,
    [property: Required] RebateMethod? Method,
    [property: Required] IReadOnlyList<RebateTierInput>? Tiers);

public static class RebateErrors
{
    public static Error PolicyNotFound(Guid id) => Error.NotFound("RebatePolicy", id);

    public static Error AccrualNotFound(Guid id) => Error.NotFound("RebateAccrual", id);

    public static Error DealerNotFound(Guid id) => Error.NotFound("Dealer", id);

    public static Error Overlap(string other) =>
        Error.Rule("rebate.policyOverlap", $"Policy \"{other}\" already covers this period, product line and tier.", ("policy", other));

    public static Error PolicySettled(string name) =>
        Error.Rule("rebate.policySettled", $"Policy \"{name}\" has settlements; its terms can no longer change.", ("policy", name));

    public static Error PeriodNotEnded(DateOnly end) =>
        Error.Rule("rebate.periodNotEnded", $"The policy period ends on {end:yyyy-MM-dd}; it can be settled after that.", ("end", end.ToString("yyyy-MM-dd")));

    public static Error NothingEarned => Error.Rule("rebate.nothingEarned", "The dealer has earned no rebate under this policy in its period.");

    public static Error DealerNotCovered => Error.Rule("rebate.dealerNotCovered", "This policy does not apply to the dealer's tier.");

    public static Error AlreadySettled(string creditNote) =>
        Error.Conflict("rebate.alreadySettled", $"This dealer's policy period is already settled (credit note {creditNote}).", ("creditNote", creditNote));
}

/// <summary>The policy rules, in one place for the API, the page and the tests.</summary>
public static class RebatePolicyRules
{
    /// <summary>
    /// Field-named errors: a quarter for a quarterly policy, 1–<see cref="RebatePolicy.MaxTiers"/> tiers, thresholds
    /// strictly ascending (two tiers never share or overlap a band), rates 0–100 with at most 4 decimals.
    /// </summary>
    public static Error? Check(RebatePolicyInput input)
    {
        if (RequestValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (input.PeriodKind == RebatePeriodKind.Quarterly && input.Quarter is null)
        {
            return Error.Invalid("quarter", "required");
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return Error.Invalid("name", "required");
        }

        var tiers = input.Tiers!;
        if (tiers.Count == 0)
        {
            return Error.Invalid("tiers", "required");
        }

        if (tiers.Count > RebatePolicy.MaxTiers)
        {
            return Error.Invalid("tiers", "maxLength", ("max", RebatePolicy.MaxTiers));
        }

        for (var i = 0; i < tiers.Count; i++)
        {
            if (RequestValidation.Check(tiers[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"tiers[{i}].{fields[0].Field}", fields[0].Rule, [.. (fields[0].Args ?? new Dictionary<string, object?>()).Select(a => (a.Key, a.Value))]);
            }

            if (decimal.Round(tiers[i].RatePercent!.Value, 4) != tiers[i].RatePercent)
            {
                return Error.Invalid($"tiers[{i}].ratePercent", "decimals", ("max", 4));
            }

            if (decimal.Round(tiers[i].Threshold!.Value, 2) != tiers[i].Threshold)
            {
                return Error.Invalid($"tiers[{i}].threshold", "decimals", ("max", 2));
            }

            if (i > 0 && tiers[i].Threshold <= tiers[i - 1].Threshold)
            {
                return Error.Invalid($"tiers[{i}].threshold", "ascending", ("previous", tiers[i - 1].Threshold));
            }
        }

        return null;
    }

    public static IReadOnlyList<RebateTier> Tiers(RebatePolicyInput input) => [.. input.Tiers!.Select(t => new RebateTier(t.Threshold!.Value, t.RatePercent!.Value))];
}
