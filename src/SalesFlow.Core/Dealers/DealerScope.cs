using SalesFlow.Core.Common;

namespace SalesFlow.Core.Dealers;

public static class DealerScope
{
    /// <summary>
    /// All → every dealer; Team/Region → dealers of units in scope; Own → the dealers the actor manages;
    /// a dealer user → its own dealer only. Every dealer-owned record (territories, stock reports, rebates) is scoped through this.
    /// </summary>
    public static IQueryable<Dealer> VisibleTo(this IQueryable<Dealer> dealers, Actor actor) => actor.Scope switch
    {
        DataScope.All => dealers,
        DataScope.Team or DataScope.Region => dealers.Where(d => actor.VisibleUnitIds.Contains(d.OrgUnitId) || d.ManagerId == actor.EmployeeId),
        DataScope.Own => dealers.Where(d => d.ManagerId == actor.EmployeeId),
        DataScope.OwnDealer => dealers.Where(d => actor.DealerId != null && d.Id == actor.DealerId),
    };
}
