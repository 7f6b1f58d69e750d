using SalesFlow.Core.Common;

namespace SalesFlow.Core.Dealers.Applications;

public static class ApplicationScope
{
    /// <summary>As <see cref="DealerScope"/>: All; Team/Region → applications of units in scope (or entered for the actor); Own → the actor's; dealer users → none.</summary>
    public static IQueryable<DealerApplication> VisibleTo(this IQueryable<DealerApplication> applications, Actor actor) => actor.Scope switch
    {
        DataScope.All => applications,
        DataScope.Team or DataScope.Region => applications.Where(a => actor.VisibleUnitIds.Contains(a.OrgUnitId) || a.ManagerId == actor.EmployeeId),
        DataScope.Own => applications.Where(a => a.ManagerId == actor.EmployeeId),
        _ => applications.Where(a => false),
    };
}
