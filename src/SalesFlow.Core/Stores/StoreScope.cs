using SalesFlow.Core.Common;

namespace SalesFlow.Core.Stores;

public static class StoreScope
{
    /// <summary>All → every store; Team/Region → stores of units in scope; Own → the stores the actor visits (dealer staff: also their dealer's stores); a dealer user → its dealer's stores.</summary>
    public static IQueryable<Store> VisibleTo(this IQueryable<Store> stores, Actor actor) => actor.Scope switch
    {
        DataScope.All => stores,
        DataScope.Team or DataScope.Region => stores.Where(s => actor.VisibleUnitIds.Contains(s.OrgUnitId) || s.OwnerId == actor.EmployeeId),
        DataScope.Own => stores.Where(s => s.OwnerId == actor.EmployeeId || (actor.StaffDealerId != null && s.DealerId == actor.StaffDealerId)),
        DataScope.OwnDealer => stores.Where(s => actor.DealerId != null && s.DealerId == actor.DealerId),
    };
}
