using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Opportunities;

public enum StageKind
{
    Open,
    Won,
    Lost,
}

/// <summary>
/// One step of the pipeline. The company edits names, order and default probability and adds open stages;
/// exactly one Won and one Lost stage exist and stay active, so every opportunity can always be closed.
/// </summary>
public sealed class OpportunityStage : IHasId, IAudited, IVersioned
{
    public const int CodeMaxLength = 30;
    public const int NameMaxLength = 50;

    /// <summary>PRODUCT.md §5: the default pipeline, created on first start (see <see cref="OpportunityStages.EnsureDefaultsAsync"/>).</summary>
    public static readonly IReadOnlyList<(string Code, string NameZh, string NameEn, int Probability, StageKind Kind)> Defaults =
    [
        ("Prospecting", "初步接触", "Prospecting", 10, StageKind.Open),
        ("NeedsAnalysis", "需求确认", "Needs analysis", 25, StageKind.Open),
        ("Proposal", "方案/报价", "Proposal", 50, StageKind.Open),
        ("Negotiation", "谈判", "Negotiation", 75, StageKind.Open),
        ("Won", "赢单", "Won", 100, StageKind.Won),
        ("Lost", "输单", "Lost", 0, StageKind.Lost),
    ];

    private OpportunityStage()
    {
    }

    public OpportunityStage(string code, string nameZh, string nameEn, int sortOrder, int defaultProbability, StageKind kind)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        NameZh = nameZh;
        NameEn = nameEn;
        SortOrder = sortOrder;
        DefaultProbability = defaultProbability;
        Kind = kind;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string NameZh { get; private set; } = "";

    public string NameEn { get; private set; } = "";

    public int SortOrder { get; private set; }

    /// <summary>0–100; an opportunity entering the stage takes it (it may be overridden afterwards).</summary>
    public int DefaultProbability { get; private set; }

    public StageKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public Result Update(string nameZh, string nameEn, int sortOrder, int defaultProbability, bool isActive)
    {
        if (defaultProbability is < 0 or > 100)
        {
            return Error.Invalid("defaultProbability", "range", ("min", 0), ("max", 100));
        }

        if (!isActive && Kind != StageKind.Open)
        {
            return OpportunityErrors.ClosingStageStaysActive;
        }

        NameZh = nameZh;
        NameEn = nameEn;
        SortOrder = sortOrder;
        DefaultProbability = defaultProbability;
        IsActive = isActive;
        return Result.Ok();
    }

    public string NameIn(bool chinese) => chinese ? NameZh : NameEn;
}
