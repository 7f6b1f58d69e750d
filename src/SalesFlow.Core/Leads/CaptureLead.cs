using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Leads;

/// <summary>API.md's lead shape: <c>region</c> is a region's name (华东, 华东大区) or code (HD).</summary>
public sealed record CaptureLead(
    [property: Required, StringLength(Lead.NameMaxLength, MinimumLength = 1)] string Name,
    [property: StringLength(Lead.CompanyMaxLength)] string? Company,
    [property: StringLength(30), Phone] string? Mobile,
    [property: StringLength(200), EmailAddress] string? Email,
    [property: Required] LeadSource? Source,
    [property: StringLength(50)] string? Region,
    [property: StringLength(2000)] string? Needs,
    Guid? OwnerId = null);

public sealed class CaptureLeadHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, LeadQueries queries)
{
    public async Task<Result<LeadDetails>> HandleAsync(CaptureLead request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(LeadPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var mobile = Normalize(request.Mobile);
        var email = Normalize(request.Email)?.ToLowerInvariant();
        var company = Normalize(request.Company);
        if (mobile is null && email is null)
        {
            return LeadErrors.NeedsAPhoneOrEmail;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        Guid? regionId = null;
        if (Normalize(request.Region) is { } region)
        {
            regionId = await Regions.Named(db, region).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
            if (regionId is null)
            {
                return Error.Invalid("region", "notFound");
            }
        }

        if (await LeadDuplicates.FindAsync(db, mobile, email, company, null, ct) is { } duplicate)
        {
            return duplicate;
        }

        var owner = await LeadAssignment.ChooseAsync(db, actor, request.OwnerId, regionId, ct);
        if (!owner.IsSuccess)
        {
            return owner.Error!;
        }

        var lead = new Lead(request.Name.Trim(), company, mobile, email, request.Source!.Value, regionId, Normalize(request.Needs));
        lead.AssignTo(owner.Value!.EmployeeId, owner.Value.OrgUnitId, clock.UtcNow);
        db.Leads.Add(lead);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, lead.Id, ct);
    }

    private static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
