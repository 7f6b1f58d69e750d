using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Approvals;

/// <summary>Approve or reject the current step of a request; a rejection needs a comment. <paramref name="Version"/> is optional (409 when stale).</summary>
public sealed record DecideApproval(Guid Id, bool Approve, string? Comment, int? Version = null);

/// <summary>
/// One decision, in one transaction with whatever the subject's handler changes (the quote becomes Approved or goes
/// back to Draft together with the request). 404 outside the caller's scope, 403 when the caller is not this step's
/// approver or is the requester, 409 when the request is already decided or the version is stale.
/// </summary>
public sealed class DecideApprovalHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, ApprovalEngine engine, ApprovalQueries queries)
{
    public async Task<Result<ApprovalDetails>> HandleAsync(DecideApproval request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(ApprovalPermissions.Decide) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var approval = await db.ApprovalRequests.Include(r => r.Steps).VisibleTo(actor).SingleOrDefaultAsync(r => r.Id == request.Id, ct);
        if (approval is null)
        {
            return ApprovalErrors.NotFound(request.Id);
        }

        if (request.Version is { } sent && sent != approval.Version)
        {
            return Error.StaleVersion("ApprovalRequest", sent, approval.Version, (await queries.GetAsync(actor, approval.Id, ct)).Value);
        }

        var decided = await engine.DecideAsync(db, actor, approval, request.Approve, request.Comment, ct);
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        if (await db.SaveOrConflictAsync("ApprovalRequest", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, approval.Id, ct);
    }
}
