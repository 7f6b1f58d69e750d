using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Bids;

public sealed record RegisterBid(
    [property: Required, StringLength(Bid.TitleMaxLength, MinimumLength = 1)] string Title,
    [property: Required] Guid? CustomerId,
    [property: Required, Range(typeof(decimal), "0", "100000000000")] decimal? EstimatedAmount,
    [property: Required] DateOnly? SubmissionDeadline,
    Guid? OpportunityId = null);

/// <summary>
/// Registers an inquiry (询价登记): a customer the caller sees, the caller as owner, and the whole step plan at once —
/// the decision due within <see cref="BidOptions.DecisionDays"/>, the working steps counted back from the buyer's
/// deadline, the decision and the price owned by the region's manager, or by the director when the estimate is at or
/// above the escalation amount. Step owners and dates can be changed afterwards.
/// </summary>
public sealed class RegisterBidHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, BidOptions options, BidQueries queries)
{
    public async Task<Result<BidDetails>> HandleAsync(RegisterBid request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(BidPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (actor.EmployeeId is not { } ownerId)
        {
            return BidErrors.OwnerInactive;
        }

        var today = clock.Today;
        if (request.SubmissionDeadline!.Value < today)
        {
            return Error.Invalid("submissionDeadline", "notInPast");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var customer = await db.Customers.VisibleTo(actor).Where(c => c.Id == request.CustomerId && !c.IsDeleted)
            .Select(c => new { c.Id }).SingleOrDefaultAsync(ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(request.CustomerId!.Value);
        }

        if (request.OpportunityId is { } opportunityId
            && !await db.Opportunities.VisibleTo(actor).AnyAsync(o => o.Id == opportunityId && o.CustomerId == customer.Id, ct))
        {
            return OpportunityErrors.NotFound(opportunityId);
        }

        var owner = await db.Employees.Where(e => e.Id == ownerId && e.IsActive).Select(e => new { e.Id, e.OrgUnitId }).SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return BidErrors.OwnerInactive;
        }

        var escalated = request.EstimatedAmount!.Value >= options.EscalationAmount;
        var approver = await BidApprovers.ForAsync(db, owner.OrgUnitId, escalated, ct) ?? owner.Id;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await SequenceNumbers.NextAsync(db, Bid.NumberSeries, today.Year, ct);
        var deadline = request.SubmissionDeadline.Value;
        var bid = new Bid(number, request.Title.Trim(), customer.Id, request.OpportunityId, owner.Id, owner.OrgUnitId, request.EstimatedAmount.Value, deadline, escalated);
        var decisionDue = today.AddDays(options.DecisionDays);
        DateOnly Before(int days) => Max(decisionDue, deadline.AddDays(-days));
        bid.PlanStep(BidStep.Decision, approver, Min(decisionDue, deadline));
        bid.PlanStep(BidStep.TechnicalSpecs, owner.Id, Before(10));
        bid.PlanStep(BidStep.Purchasing, owner.Id, Before(7));
        bid.PlanStep(BidStep.PriceApproval, approver, Before(4));
        bid.PlanStep(BidStep.Document, owner.Id, Before(2));
        bid.PlanStep(BidStep.Result, owner.Id, deadline.AddDays(30));
        db.Add(bid);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, bid.Id, ct);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}

/// <summary>Who owns the decision and the price approval of a bid: the director for big bids, else the manager of the owner's region.</summary>
internal static class BidApprovers
{
    public static async Task<Guid?> ForAsync(SalesFlowDbContext db, Guid ownerUnitId, bool escalated, CancellationToken ct)
    {
        if (!escalated)
        {
            var path = await db.OrgUnits.Where(u => u.Id == ownerUnitId).Select(u => u.Path).SingleAsync(ct);
            if (await Regions.AboveAsync(db, path, ct) is { } regionId)
            {
                var manager = await db.Employees
                    .Where(e => e.IsActive && e.Position == Position.RegionalManager && e.OrgUnitId == regionId)
                    .OrderBy(e => e.EmployeeNo).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
                if (manager is not null)
                {
                    return manager;
                }
            }
        }

        return await db.Employees.Where(e => e.IsActive && e.Position == Position.Director)
            .OrderBy(e => e.EmployeeNo).Select(e => (Guid?)e.Id).FirstOrDefaultAsync(ct);
    }
}
