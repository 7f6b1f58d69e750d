using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Rebates;

public enum RebatePeriodKind
{
    Annual,
    Quarterly,
}

/// <summary>
/// A rebate policy (返利政策, PRODUCT.md §8): for one year (or one quarter of it), one product line (or all) and one
/// dealer tier (or every dealer), tiers of the period's purchase amount with a rate each, applied whole-amount or
/// progressively by <see cref="RebateCalculator"/>. Accruals and settlements refer to it; once anything is settled
/// on it, its terms are frozen (<c>rebate.policySettled</c>).
/// </summary>
public sealed class RebatePolicy : IHasId, IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int MaxTiers = 10;

    private readonly List<RebatePolicyTier> _tiers = [];

    private RebatePolicy()
    {
    }

    public RebatePolicy(string name, RebatePeriodKind kind, int year, int? quarter, string? productLine, DealerTier? dealerTier, RebateMethod method, IEnumerable<RebateTier> tiers)
    {
        Id = Guid.CreateVersion7();
        Set(name, kind, year, quarter, productLine, dealerTier, method, tiers);
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = "";

    public RebatePeriodKind PeriodKind { get; private set; }

    public int Year { get; private set; }

    /// <summary>1–4 for a quarterly policy, null for an annual one.</summary>
    public int? Quarter { get; private set; }

    /// <summary>First day of the period (company date), stored so accruals find their policies with one range query.</summary>
    public DateOnly PeriodStart { get; private set; }

    public DateOnly PeriodEnd { get; private set; }

    /// <summary>Null = every product line.</summary>
    public string? ProductLine { get; private set; }

    /// <summary>Null = every dealer.</summary>
    public DealerTier? DealerTier { get; private set; }

    public RebateMethod Method { get; private set; }

    public bool IsActive { get; private set; } = true;

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<RebatePolicyTier> Tiers => _tiers;

    public IReadOnlyList<RebateTier> Scale() => [.. _tiers.OrderBy(t => t.Position).Select(t => new RebateTier(t.Threshold, t.RatePercent))];

    public static (DateOnly Start, DateOnly End) PeriodOf(RebatePeriodKind kind, int year, int? quarter) => kind == RebatePeriodKind.Annual
        ? (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31))
        : (new DateOnly(year, ((quarter ?? 1) - 1) * 3 + 1, 1), new DateOnly(year, ((quarter ?? 1) - 1) * 3 + 1, 1).AddMonths(3).AddDays(-1));

    public void Edit(string name, RebatePeriodKind kind, int year, int? quarter, string? productLine, DealerTier? dealerTier, RebateMethod method, IEnumerable<RebateTier> tiers)
    {
        _tiers.Clear();
        Set(name, kind, year, quarter, productLine, dealerTier, method, tiers);
    }

    public void SetActive(bool active) => IsActive = active;

    /// <summary>What <paramref name="amount"/> earns under this policy.</summary>
    public RebateOutcome Calculate(decimal amount) => RebateCalculator.Calculate(Scale(), Method, amount);

    private void Set(string name, RebatePeriodKind kind, int year, int? quarter, string? productLine, DealerTier? dealerTier, RebateMethod method, IEnumerable<RebateTier> tiers)
    {
        Name = name;
        PeriodKind = kind;
        Year = year;
        Quarter = kind == RebatePeriodKind.Quarterly ? quarter : null;
        (PeriodStart, PeriodEnd) = PeriodOf(kind, year, Quarter);
        ProductLine = string.IsNullOrWhiteSpace(productLine) ? null : productLine.Trim();
        DealerTier = dealerTier;
        Method = method;
        var position = 0;
        foreach (var tier in tiers.OrderBy(t => t.Threshold))
        {
            _tiers.Add(new RebatePolicyTier(Id, ++position, tier.Threshold, tier.RatePercent));
        }
    }
}

/// <summary>One tier of a policy's scale.</summary>
public sealed class RebatePolicyTier
{
    private RebatePolicyTier()
    {
    }

    public RebatePolicyTier(Guid policyId, int position, decimal threshold, decimal ratePercent)
    {
        Id = Guid.CreateVersion7();
        PolicyId = policyId;
        Position = position;
        Threshold = threshold;
        RatePercent = ratePercent;
    }

    public Guid Id { get; private set; }

    public Guid PolicyId { get; private set; }

    public int Position { get; private set; }

    /// <summary>Purchase amount (net of tax) from which the rate applies, inclusive.</summary>
    public decimal Threshold { get; private set; }

    public decimal RatePercent { get; private set; }
}
