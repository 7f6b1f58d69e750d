using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

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

/// <summary>Captures one lead through <see cref="NewLead"/>.</summary>
public sealed class CaptureLeadHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, LeadQueries queries)
{
    public async Task<Result<LeadDetails>> HandleAsync(CaptureLead request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(LeadPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var lead = await NewLead.AddAsync(db, actor, request, clock.UtcNow, ct);
        if (!lead.IsSuccess)
        {
            return lead.Error!;
        }

        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, lead.Value!.Id, ct);
    }
}
