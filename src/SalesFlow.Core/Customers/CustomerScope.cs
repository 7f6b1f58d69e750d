using SalesFlow.Core.Common;

namespace SalesFlow.Core.Customers;

public static class CustomerScope
{
    /// <summary>All → every customer; Team/Region → customers of units in scope; Own → the actor's own; dealers none yet.</summary>
    public static IQueryable<Customer> VisibleTo(this IQueryable<Customer> customers, Actor actor) => actor.Scope switch
    {
        DataScope.All => customers,
        DataScope.Team or DataScope.Region => customers.Where(c => actor.VisibleUnitIds.Contains(c.OrgUnitId) || c.OwnerId == actor.EmployeeId),
        DataScope.Own => customers.Where(c => c.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => customers.Where(c => false),
    };
}
