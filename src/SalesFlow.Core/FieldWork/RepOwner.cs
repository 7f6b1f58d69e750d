using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.FieldWork;

/// <summary>Whose field-work record this is: a named, active employee in the caller's scope, else the caller.</summary>
public static class RepOwner
{
    public sealed record Owner(Guid EmployeeId, Guid OrgUnitId);

    public static async Task<Result<Owner>> ChooseAsync(SalesFlowDbContext db, Actor actor, Guid? namedOwner, CancellationToken ct)
    {
        var id = namedOwner ?? actor.EmployeeId;
        if (id is null)
        {
            return Error.Invalid("ownerId", "required");
        }

        var owner = await db.Employees.VisibleTo(actor).Where(e => e.Id == id && e.IsActive)
            .Select(e => new Owner(e.Id, e.OrgUnitId)).SingleOrDefaultAsync(ct);
        return owner is null ? Error.Invalid("ownerId", "notFound") : owner;
    }
}
