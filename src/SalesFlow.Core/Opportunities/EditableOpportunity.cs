using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Opportunities;

/// <summary>The first step of every opportunity edit: the opportunity in the caller's scope at the version read, or 404 / 409 with the current record.</summary>
internal static class EditableOpportunity
{
    public static async Task<Result<Opportunity>> LoadAsync(
        SalesFlowDbContext db, OpportunityQueries queries, Actor actor, Guid id, int version, bool withLines, CancellationToken ct)
    {
        var query = db.Opportunities.VisibleTo(actor);
        if (withLines)
        {
            query = query.Include(o => o.Lines);
        }

        var opportunity = await query.SingleOrDefaultAsync(o => o.Id == id, ct);
        if (opportunity is null)
        {
            return OpportunityErrors.NotFound(id);
        }

        if (opportunity.Version != version)
        {
            return Error.StaleVersion("Opportunity", version, opportunity.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return opportunity;
    }
}
