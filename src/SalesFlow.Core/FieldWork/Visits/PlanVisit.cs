using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Stores;

namespace SalesFlow.Core.FieldWork.Visits;

/// <summary>
/// Plans a visit for a date, or (<see cref="AdHoc"/>) records an unplanned one for today, ready to check in. A store visit
/// names <see cref="StoreId"/> instead of the customer: the store must be in the caller's store scope and served by a
/// dealer, whose customer account becomes the visit's customer.
/// </summary>
public sealed record PlanVisit(
    Guid? CustomerId,
    DateOnly? Date = null,
    [property: StringLength(500)] string? Purpose = null,
    bool AdHoc = false,
    Guid? OwnerId = null,
    Guid? StoreId = null);

public sealed class PlanVisitHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, VisitQueries queries)
{
    public async Task<Result<VisitRow>> HandleAsync(PlanVisit request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (!request.AdHoc && request.Date is null)
        {
            return Error.Invalid("date", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var owner = await RepOwner.ChooseAsync(db, actor, request.OwnerId, ct);
        if (!owner.IsSuccess)
        {
            return owner.Error!;
        }

        Guid customerId;
        if (request.StoreId is { } storeId)
        {
            var store = await db.Stores.VisibleTo(actor).Where(s => s.Id == storeId)
                .Select(s => new { s.IsActive, s.DealerId, Account = db.Dealers.Where(d => d.Id == s.DealerId).Select(d => (Guid?)d.CustomerId).FirstOrDefault() })
                .SingleOrDefaultAsync(ct);
            if (store is null)
            {
                return StoreErrors.NotFound(storeId);
            }

            if (!store.IsActive)
            {
                return StoreErrors.Closed;
            }

            if (store.Account is not { } account)
            {
                return StoreErrors.DirectStoreVisit;
            }

            customerId = account;
        }
        else if (request.CustomerId is not { } named)
        {
            return Error.Invalid("customerId", "required");
        }
        else if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == named && !c.IsDeleted, ct))
        {
            return Error.Invalid("customerId", "notFound");
        }
        else
        {
            customerId = named;
        }

        var visit = new Visit(
            owner.Value!.EmployeeId, owner.Value.OrgUnitId, customerId, request.AdHoc ? clock.Today : request.Date!.Value,
            request.AdHoc ? VisitSource.AdHoc : VisitSource.Planned, purpose: string.IsNullOrWhiteSpace(request.Purpose) ? null : request.Purpose.Trim(),
            storeId: request.StoreId);
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, visit.Id, ct);
    }
}
