using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Opportunities;

/// <summary>Creates an opportunity through <see cref="NewOpportunity"/>, in its own transaction for the number.</summary>
public sealed class CreateOpportunityHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, OpportunityQueries queries)
{
    public async Task<Result<OpportunityDetails>> HandleAsync(CreateOpportunity request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OpportunityPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var opportunity = await NewOpportunity.AddAsync(db, actor, request, clock, ct);
        if (!opportunity.IsSuccess)
        {
            return opportunity.Error!;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, opportunity.Value!.Id, ct);
    }
}
