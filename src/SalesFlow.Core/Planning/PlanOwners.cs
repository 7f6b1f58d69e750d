using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Plans;

namespace SalesFlow.Core.Planning;

/// <summary>The owner a new plan or review is filed for, and the unit it rolls up to.</summary>
public readonly record struct PlanOwner(Guid Id, Guid OrgUnitId);

/// <summary>
/// The one rule for who files a monthly plan or review: the caller, as their own active employee (nobody files for
/// someone else; a different <c>ownerId</c> is refused), in the unit they sit in now. Plans and reviews both ask this.
/// </summary>
internal static class PlanOwners
{
    public static async Task<Result<PlanOwner>> CallerAsync(SalesFlowDbContext db, Actor actor, Guid? requestedOwnerId, CancellationToken ct)
    {
        if (actor.EmployeeId is not { } me)
        {
            return PlanErrors.NoEmployee;
        }

        if (requestedOwnerId is { } ownerId && ownerId != me)
        {
            return PlanErrors.NotOwner;
        }

        var owner = await db.Employees.Where(e => e.Id == me && e.IsActive).Select(e => new PlanOwner(e.Id, e.OrgUnitId)).SingleOrDefaultAsync(ct);
        return owner == default ? PlanErrors.NoEmployee : owner;
    }
}
