namespace SalesFlow.Core.Dealers.Evaluations;

/// <summary>The quarterly evaluation's rights; which role holds each is in <see cref="Common.RolePermissions"/>.</summary>
public static class EvaluationPermissions
{
    /// <summary>Generate a quarter's evaluations and confirm their outcomes (regional manager, director); internal only.</summary>
    public const string Evaluate = "dealers.evaluate";
}
