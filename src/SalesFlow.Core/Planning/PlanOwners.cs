using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Planning.Plans;

namespace SalesFlow.Core.Planning;

/// <summary>The owner a new plan or review is filed for, and the unit it rolls up to.</summary>
public readonly record struct PlanOwner(PlanOwnerType Type, Guid Id, Guid OrgUnitId);

/// <summary>
/// The one rule for who files a monthly plan or review: the caller, as their own active employee, or a dealer user for
/// its trading dealer (nobody files for someone else; a different <c>ownerId</c> is refused), in the unit the owner
/// sits in now. Plans and reviews both ask this, and <see cref="Self"/> says whose records are the caller's own.
/// </summary>
internal static class PlanOwners
{
    /// <summary>The owner the actor files as: its dealer for a dealer user, otherwise its employee (Guid.Empty for none).</summary>
    public static (PlanOwnerType Type, Guid Id) Self(Actor actor) =>
        actor.DealerId is { } dealer ? (PlanOwnerType.Dealer, dealer) : (PlanOwnerType.Employee, actor.EmployeeId ?? Guid.Empty);

    public static bool IsSelf(Actor actor, PlanOwnerType type, Guid ownerId) => Self(actor) == (type, ownerId);

    public static async Task<Result<PlanOwner>> CallerAsync(SalesFlowDbContext db, Actor actor, Guid? requestedOwnerId, CancellationToken ct)
    {
        if (actor.DealerId is { } dealerId)
        {
            if (requestedOwnerId is { } asked && asked != dealerId)
            {
                return PlanErrors.NotOwner;
            }

            var dealer = await db.Dealers.Where(d => d.Id == dealerId).Select(d => new { d.Status, d.OrgUnitId }).SingleOrDefaultAsync(ct);
            if (dealer is null)
            {
                return DealerErrors.NotFound(dealerId);
            }

            return dealer.Status == DealerStatus.Active ? new PlanOwner(PlanOwnerType.Dealer, dealerId, dealer.OrgUnitId) : DealerErrors.NotTrading(dealer.Status);
        }

        if (actor.EmployeeId is not { } me)
        {
            return PlanErrors.NoEmployee;
        }

        if (requestedOwnerId is { } ownerId && ownerId != me)
        {
            return PlanErrors.NotOwner;
        }

        var owner = await db.Employees.Where(e => e.Id == me && e.IsActive).Select(e => new PlanOwner(PlanOwnerType.Employee, e.Id, e.OrgUnitId)).SingleOrDefaultAsync(ct);
        return owner == default ? PlanErrors.NoEmployee : owner;
    }
}
