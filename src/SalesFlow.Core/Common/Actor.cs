namespace SalesFlow.Core.Common;

/// <summary>How far a user's view of the records reaches.</summary>
public enum DataScope
{
    /// <summary>Only records the user owns.</summary>
    Own,

    /// <summary>Records of the user's org unit and everything below it.</summary>
    Team,

    /// <summary>Records of the user's region (the region above the user's unit) and everything below it.</summary>
    Region,

    /// <summary>Every record.</summary>
    All,

    /// <summary>Only records of the user's own dealer.</summary>
    OwnDealer,
}

/// <summary>
/// Who is acting. Built by the web layer from the signed-in user (never from a request body) and
/// passed into every use case and query; permission checks and <c>VisibleTo</c> filters read it.
/// </summary>
public sealed record Actor(
    Guid UserId,
    string UserName,
    IReadOnlySet<string> Roles,
    Guid? EmployeeId,
    Guid? OrgUnitId,
    DataScope Scope,
    Guid? ScopeRootUnitId,
    IReadOnlyList<Guid> VisibleUnitIds,
    Guid? DealerId)
{
    /// <summary>The identity used by the demo seeder and background jobs: sees all, may do all.</summary>
    public static readonly Actor System = new(
        Guid.Empty, "system", new HashSet<string> { Common.Roles.Director }, null, null, DataScope.All, null, [], null);

    /// <summary>The dealers the actor guides as their area manager (a rep with Own scope sees these dealers' records).</summary>
    public IReadOnlyList<Guid> ManagedDealerIds { get; init; } = [];

    /// <summary>For dealer staff (<see cref="Common.Roles.DealerStaff"/>): the dealer they work for; their own-scope store access reaches its stores.</summary>
    public Guid? StaffDealerId { get; init; }

    /// <summary>For a dealer user: the dealer's customer account (its orders, invoices, receipts and statement).</summary>
    public Guid? DealerAccountId { get; init; }

    public bool Can(string permission) => RolePermissions.Grants(Roles, permission);

    /// <summary>Returns a forbidden error unless the actor holds the permission.</summary>
    public Error? Require(string permission) => Can(permission) ? null : Error.Forbidden(permission);
}
