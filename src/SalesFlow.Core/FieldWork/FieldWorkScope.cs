using SalesFlow.Core.Common;

namespace SalesFlow.Core.FieldWork;

/// <summary>A field-work record that belongs to one rep (and that rep's unit when it was made).</summary>
public interface IRepOwned
{
    Guid OwnerId { get; }

    Guid OrgUnitId { get; }
}

public static class FieldWorkScope
{
    /// <summary>Like customers and leads: All → everything; Team/Region → the owner's unit in scope; Own → the actor's own.</summary>
    public static IQueryable<T> VisibleTo<T>(this IQueryable<T> records, Actor actor)
        where T : class, IRepOwned => actor.Scope switch
        {
            DataScope.All => records,
            DataScope.Team or DataScope.Region => records.Where(r => actor.VisibleUnitIds.Contains(r.OrgUnitId) || r.OwnerId == actor.EmployeeId),
            DataScope.Own => records.Where(r => r.OwnerId == actor.EmployeeId),
            DataScope.OwnDealer => records.Where(r => false),
        };
}
