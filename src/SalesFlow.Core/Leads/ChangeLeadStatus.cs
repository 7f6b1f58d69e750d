using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Leads;

public enum LeadStep
{
    Contact,
    Qualify,
    Disqualify,
}

public sealed record ChangeLeadStatus(Guid Id, LeadStep Step, string? Reason = null);

/// <summary>The verbs of the lead's status flow (conversion has its own use case).</summary>
public sealed class ChangeLeadStatusHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, LeadQueries queries)
{
    public async Task<Result<LeadDetails>> HandleAsync(ChangeLeadStatus request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(LeadPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var lead = await db.Leads.VisibleTo(actor).SingleOrDefaultAsync(l => l.Id == request.Id && !l.IsDeleted, ct);
        if (lead is null)
        {
            return LeadErrors.NotFound(request.Id);
        }

        var changed = request.Step switch
        {
            LeadStep.Contact => lead.MarkContacted(clock.UtcNow),
            LeadStep.Qualify => lead.Qualify(clock.UtcNow),
            LeadStep.Disqualify => lead.Disqualify(request.Reason ?? ""),
        };
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        if (await db.SaveOrConflictAsync("Lead", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, lead.Id, ct);
    }
}
