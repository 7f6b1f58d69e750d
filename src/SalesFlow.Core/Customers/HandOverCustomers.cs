using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Customers;

public sealed record HandOverCustomers([property: Required] Guid? FromEmployeeId, [property: Required] Guid? ToEmployeeId);

/// <summary>How many customers moved, and how many dealers (as their area manager) and stores (as who visits them) went with them.</summary>
public sealed record HandOverResult(int Moved, int Dealers, int Stores);

/// <summary>
/// All customers of one rep (typically a leaver) go to another in one transaction; each customer's owner
/// change is audited like any edit, so the history shows who held the account when. A dealer's account moves with the
/// dealer itself: the dealers the rep guides as area manager and the stores they visit go to the same person, or the
/// dealer account and the dealer would be guided by two people.
/// </summary>
public sealed class HandOverCustomersHandler(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    private const int Batch = 500;

    public async Task<Result<HandOverResult>> HandleAsync(HandOverCustomers request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(CustomerPermissions.HandOver) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var from = await db.Employees.VisibleTo(actor).AnyAsync(e => e.Id == request.FromEmployeeId, ct);
        if (!from)
        {
            return OrganizationErrors.EmployeeNotFound(request.FromEmployeeId!.Value);
        }

        var to = await db.Employees.VisibleTo(actor).Where(e => e.Id == request.ToEmployeeId && e.IsActive).Select(e => new { e.Id, e.OrgUnitId }).SingleOrDefaultAsync(ct);
        if (to is null || to.Id == request.FromEmployeeId)
        {
            return CustomerErrors.OwnerInactive;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var moved = 0;
        while (true)
        {
            var batch = await db.Customers.Where(c => c.OwnerId == request.FromEmployeeId).OrderBy(c => c.Id).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var customer in batch)
            {
                customer.AssignTo(to.Id, to.OrgUnitId);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            moved += batch.Count;
        }

        // A rep guides a handful of dealers and visits their stores: few rows, loaded whole.
        var dealers = await db.Dealers.Where(d => d.ManagerId == request.FromEmployeeId).ToListAsync(ct);
        dealers.ForEach(d => d.HandTo(to.Id, to.OrgUnitId));
        var stores = await db.Stores.Where(s => s.OwnerId == request.FromEmployeeId).ToListAsync(ct);
        stores.ForEach(s => s.HandTo(to.Id, to.OrgUnitId));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new HandOverResult(moved, dealers.Count, stores.Count);
    }
}
