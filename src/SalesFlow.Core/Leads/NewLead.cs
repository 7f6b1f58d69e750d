using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Leads;

/// <summary>
/// The rules of a new lead on a context the caller opened (capture and imports come here): a phone or an e-mail,
/// a known region, no duplicate of another lead or contact, and an owner chosen by <see cref="LeadAssignment"/>.
/// The caller saves. <see cref="CheckAsync"/> is the same rules without adding, for an import's validation pass.
/// </summary>
public static class NewLead
{
    /// <summary>A valid new lead's normalized keys, region and chosen owner.</summary>
    public sealed record Checked(string? Mobile, string? Email, string? Company, Guid? RegionId, LeadAssignment.Owner Owner);

    public static async Task<Result<Lead>> AddAsync(SalesFlowDbContext db, Actor actor, CaptureLead request, DateTime nowUtc, CancellationToken ct)
    {
        var valid = await CheckAsync(db, actor, request, ct);
        if (!valid.IsSuccess)
        {
            return valid.Error!;
        }

        var (mobile, email, company, regionId, owner) = valid.Value!;
        var lead = new Lead(request.Name.Trim(), company, mobile, email, request.Source!.Value, regionId, Normalize(request.Needs));
        lead.AssignTo(owner.EmployeeId, owner.OrgUnitId, nowUtc);
        db.Leads.Add(lead);
        return lead;
    }

    public static async Task<Result<Checked>> CheckAsync(SalesFlowDbContext db, Actor actor, CaptureLead request, CancellationToken ct)
    {
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

        return new Checked(mobile, email, company, regionId, owner.Value!);
    }

    /// <summary>How a lead's mobile, e-mail and company are compared and stored (trimmed; e-mail lower-case).</summary>
    public static string? Normalize(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
