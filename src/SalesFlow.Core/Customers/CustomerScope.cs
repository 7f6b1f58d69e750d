using SalesFlow.Core.Common;

namespace SalesFlow.Core.Customers;

public static class CustomerScope
{
    /// <summary>All → every customer; Team/Region → customers of units in scope; Own → the actor's own; a dealer user → its dealer's own account.</summary>
    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, Actor actor) => actor.Scope switch
    {
        DataScope.All => customers,
        DataScope.Team or DataScope.Region => customers.Where(c => actor.VisibleUnitIds.Contains(c.OrgUnitId) || c.OwnerId == actor.EmployeeId),
        DataScope.Own => customers.Where(c => c.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => customers.Where(c => actor.DealerAccountId != null && c.Id == actor.DealerAccountId),
    };
}
