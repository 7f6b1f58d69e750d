using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Visits;

/// <summary>Plans a visit for a date, or (<see cref="AdHoc"/>) records an unplanned one for today, ready to check in.</summary>
public sealed record PlanVisit(
    [property: Required] Guid? CustomerId,
    DateOnly? Date = null,
    [property: StringLength(500)] string? Purpose = null,
    bool AdHoc = false,
    Guid? OwnerId = null);

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

        if (!await db.Customers.VisibleTo(actor).AnyAsync(c => c.Id == request.CustomerId && !c.IsDeleted, ct))
        {
            return Error.Invalid("customerId", "notFound");
        }

        var visit = new Visit(
            owner.Value!.EmployeeId, owner.Value.OrgUnitId, request.CustomerId!.Value, request.AdHoc ? clock.Today : request.Date!.Value,
            request.AdHoc ? VisitSource.AdHoc : VisitSource.Planned, purpose: string.IsNullOrWhiteSpace(request.Purpose) ? null : request.Purpose.Trim());
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, visit.Id, ct);
    }
}
