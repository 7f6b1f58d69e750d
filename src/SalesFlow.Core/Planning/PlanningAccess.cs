using SalesFlow.Core.Common;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Reviews;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning;

public static class PlanningPermissions
{
    public const string ViewTargets = "targets.view";

    /// <summary>Set a target that is not a share of another one (the company's year target), lock and re-open.</summary>
    public const string SetTargets = "targets.set";

    /// <summary>Split or phase a target the actor can see, change the shares below them.</summary>
    public const string SplitTargets = "targets.split";

    public const string ViewPlans = "plans.view";

    /// <summary>Write and submit one's own monthly plan and review.</summary>
    public const string SubmitPlans = "plans.submit";

    /// <summary>Approve or return plans, sign off or return reviews, of the people in one's scope.</summary>
    public const string ApprovePlans = "plans.approve";
}

/// <summary>
/// Data scope of planning records (PRODUCT.md roles): a manager sees the nodes of their subtree, a rep sees their
/// own node and their dealers' nodes, a dealer user its dealer's own, the director everything.
/// </summary>
public static class PlanningScope
{
    public static IQueryable<Target> VisibleTo(this IQueryable<Target> targets, Actor actor) => actor.Scope switch
    {
        DataScope.All => targets,
        DataScope.Team or DataScope.Region => targets.Where(t => actor.VisibleUnitIds.Contains(t.OrgUnitId)
            || (t.OwnerType == TargetOwnerType.Employee && t.OwnerId == actor.EmployeeId) || (t.OwnerType == TargetOwnerType.Dealer && actor.ManagedDealerIds.Contains(t.OwnerId))),
        DataScope.Own => targets.Where(t => (t.OwnerType == TargetOwnerType.Employee && t.OwnerId == actor.EmployeeId)
            || (t.OwnerType == TargetOwnerType.Dealer && actor.ManagedDealerIds.Contains(t.OwnerId))),
        DataScope.OwnDealer => targets.Where(t => t.OwnerType == TargetOwnerType.Dealer && t.OwnerId == actor.DealerId),
    };

    public static IQueryable<MonthlyPlan> VisibleTo(this IQueryable<MonthlyPlan> plans, Actor actor) => actor.Scope switch
    {
        DataScope.All => plans,
        DataScope.Team or DataScope.Region => plans.Where(p => actor.VisibleUnitIds.Contains(p.OrgUnitId)
            || (p.OwnerType == PlanOwnerType.Employee && p.OwnerId == actor.EmployeeId) || (p.OwnerType == PlanOwnerType.Dealer && actor.ManagedDealerIds.Contains(p.OwnerId))),
        DataScope.Own => plans.Where(p => (p.OwnerType == PlanOwnerType.Employee && p.OwnerId == actor.EmployeeId)
            || (p.OwnerType == PlanOwnerType.Dealer && actor.ManagedDealerIds.Contains(p.OwnerId))),
        DataScope.OwnDealer => plans.Where(p => p.OwnerType == PlanOwnerType.Dealer && p.OwnerId == actor.DealerId),
    };

    public static IQueryable<MonthlyReview> VisibleTo(this IQueryable<MonthlyReview> reviews, Actor actor) => actor.Scope switch
    {
        DataScope.All => reviews,
        DataScope.Team or DataScope.Region => reviews.Where(r => actor.VisibleUnitIds.Contains(r.OrgUnitId)
            || (r.OwnerType == PlanOwnerType.Employee && r.OwnerId == actor.EmployeeId) || (r.OwnerType == PlanOwnerType.Dealer && actor.ManagedDealerIds.Contains(r.OwnerId))),
        DataScope.Own => reviews.Where(r => (r.OwnerType == PlanOwnerType.Employee && r.OwnerId == actor.EmployeeId)
            || (r.OwnerType == PlanOwnerType.Dealer && actor.ManagedDealerIds.Contains(r.OwnerId))),
        DataScope.OwnDealer => reviews.Where(r => r.OwnerType == PlanOwnerType.Dealer && r.OwnerId == actor.DealerId),
    };
}
