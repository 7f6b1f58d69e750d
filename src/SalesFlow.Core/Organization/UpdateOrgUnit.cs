using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public sealed record UpdateOrgUnit(
    Guid Id,
    [property: Required, StringLength(OrgUnit.CodeMaxLength, MinimumLength = 1)] string Code,
    [property: Required, StringLength(OrgUnit.NameMaxLength, MinimumLength = 1)] string Name,
    [property: StringLength(OrgUnit.NameMaxLength)] string? NameEn,
    int Version,
    Guid? ParentId = null,
    OrgUnitKind? Kind = null);

public sealed class UpdateOrgUnitHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, OrgUnitQueries queries)
{
    public async Task<Result<OrgUnitRow>> HandleAsync(UpdateOrgUnit request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrganizationPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var unit = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == request.Id, ct);
        if (unit is null)
        {
            return OrganizationErrors.UnitNotFound(request.Id);
        }

        if (unit.Version != request.Version)
        {
            return Error.StaleVersion("OrgUnit", request.Version, unit.Version, (await queries.GetAsync(actor, unit.Id, ct)).Value);
        }

        if (request.ParentId is { } parentId && parentId != unit.ParentId)
        {
            return Error.Invalid("parentId", "changeThroughAction");
        }

        if (request.Kind is { } kind && kind != unit.Kind)
        {
            return Error.Invalid("kind", "changeThroughAction");
        }

        var code = request.Code.Trim();
        if (code != unit.Code && await db.OrgUnits.AnyAsync(u => u.Code == code, ct))
        {
            return OrganizationErrors.CodeTaken;
        }

        unit.Rename(code, request.Name.Trim(), request.NameEn?.Trim());
        if (await db.SaveOrConflictAsync("OrgUnit", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, unit.Id, ct);
    }
}
