using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Organization;

public sealed record CreateOrgUnit(
    [property: Required] Guid? ParentId,
    [property: Required, StringLength(OrgUnit.CodeMaxLength, MinimumLength = 1)] string Code,
    [property: Required, StringLength(OrgUnit.NameMaxLength, MinimumLength = 1)] string Name,
    [property: StringLength(OrgUnit.NameMaxLength)] string? NameEn,
    OrgUnitKind Kind = OrgUnitKind.Team);

public sealed class CreateOrgUnitHandler(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public async Task<Result<Guid>> HandleAsync(CreateOrgUnit request, Actor actor, CancellationToken ct)
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
        var parent = await db.OrgUnits.SingleOrDefaultAsync(u => u.Id == request.ParentId, ct);
        if (parent is null)
        {
            return Error.Invalid("parentId", "notFound");
        }

        var code = request.Code.Trim();
        if (await db.OrgUnits.AnyAsync(u => u.Code == code, ct))
        {
            return OrganizationErrors.CodeTaken;
        }

        var created = OrgUnit.CreateUnder(parent, code, request.Name.Trim(), request.NameEn?.Trim(), request.Kind);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        db.OrgUnits.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return created.Value!.Id;
    }
}
