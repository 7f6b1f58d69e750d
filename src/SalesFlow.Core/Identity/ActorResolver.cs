using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Identity;

/// <summary>
/// Builds the <see cref="Actor"/> for a signed-in user from the database on each request, so a move in
/// the org tree, a role change or a disabled account takes effect at once on every app instance.
/// Returns null for a user who no longer exists, is disabled, or whose security stamp (when given) changed.
/// </summary>
public sealed class ActorResolver(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Actor?> ResolveAsync(Guid userId, string? securityStamp, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && !u.IsDisabled && (securityStamp == null || u.SecurityStamp == securityStamp))
            .Select(u => new
            {
                u.Id,
                u.UserName,
                u.EmployeeId,
                u.DealerId,
                DealerAccountId = db.Dealers.Where(d => d.Id == u.DealerId).Select(d => (Guid?)d.CustomerId).FirstOrDefault(),
                ManagedDealerIds = db.Dealers.Where(d => u.EmployeeId != null && d.ManagerId == u.EmployeeId).Select(d => d.Id).ToList(),
                StaffDealerId = db.Employees.Where(e => e.Id == u.EmployeeId).Select(e => e.DealerId).FirstOrDefault(),
                UnitId = db.Employees.Where(e => e.Id == u.EmployeeId).Select(e => (Guid?)e.OrgUnitId).FirstOrDefault(),
                Roles = db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        if (user is null)
        {
            return null;
        }

        var scope = Roles.ScopeOf(user.Roles);
        var (root, units) = await DataScopes.ResolveAsync(db, scope, user.UnitId, ct);
        return new Actor(user.Id, user.UserName ?? "", user.Roles.ToHashSet(), user.EmployeeId, user.UnitId, scope, root, units, user.DealerId)
        {
            DealerAccountId = user.DealerId is null ? null : user.DealerAccountId,
            ManagedDealerIds = user.ManagedDealerIds,
            StaffDealerId = user.StaffDealerId,
        };
    }
}
