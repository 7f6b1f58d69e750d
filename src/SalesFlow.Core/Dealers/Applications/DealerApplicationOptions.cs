namespace SalesFlow.Core.Dealers.Applications;

/// <summary>One line of the qualification checklist: scored 0–<see cref="MaxScore"/>, counting <see cref="Weight"/> of the total.</summary>
public sealed class ChecklistCriterion
{
    public string Code { get; set; } = "";

    public int Weight { get; set; }

    public int MaxScore { get; set; } = 5;
}

/// <summary>The qualification checklist (configuration section "Dealers:Applications"): criteria, weights and the pass mark.</summary>
public sealed class DealerApplicationOptions
{
    /// <summary>The lowest weighted total (0–100) an application may be approved with.</summary>
    public decimal PassMark { get; set; } = 60m;

    /// <summary>The criteria from configuration; empty → <see cref="DefaultCriteria"/> (a bound list would append to defaults, so they live apart).</summary>
    public List<ChecklistCriterion> Criteria { get; set; } = [];

    public static IReadOnlyList<ChecklistCriterion> DefaultCriteria { get; } =
    [
        new() { Code = "capital", Weight = 25, MaxScore = 5 },
        new() { Code = "channels", Weight = 20, MaxScore = 5 },
        new() { Code = "customers", Weight = 20, MaxScore = 5 },
        new() { Code = "team", Weight = 15, MaxScore = 5 },
        new() { Code = "credit", Weight = 20, MaxScore = 5 },
    ];

    /// <summary>The checklist in force.</summary>
    public IReadOnlyList<ChecklistCriterion> Checklist => Criteria.Count > 0 ? Criteria : DefaultCriteria;
}
