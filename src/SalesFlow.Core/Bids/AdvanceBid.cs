using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Bids;

public enum BidAction
{
    Decide,
    RecordSpecs,
    RecordCosting,
    ProposePrice,
    ApprovePrice,
    RejectPrice,
    IssueDocument,
    RecordResult,
}

/// <summary>One verb on a bid. Which fields matter depends on <see cref="Action"/>; the handler names a missing one.</summary>
public sealed record AdvanceBid(
    Guid Id, BidAction Action, int? Version, bool? Go = null, string? Comment = null, string? Specs = null, decimal? PurchaseCost = null,
    int? LeadTimeDays = null, decimal? Price = null, string? DocumentNumber = null, DateOnly? IssuedOn = null, bool? Won = null,
    string? Competitor = null);

/// <summary>
/// The bid verbs. The go/no-go decision and the price approval belong to managers (<see cref="BidPermissions.Decide"/>)
/// who see the bid; a big bid (<see cref="Bid.Escalated"/>, or a proposed price at or above the escalation amount)
/// needs the director; nobody decides their own bid. The working steps belong to anyone who may edit bids and sees it.
/// </summary>
public sealed class AdvanceBidHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, BidOptions options, BidQueries queries)
{
    public async Task<Result<BidDetails>> HandleAsync(AdvanceBid request, Actor actor, CancellationToken ct)
    {
        var deciding = request.Action is BidAction.Decide or BidAction.ApprovePrice or BidAction.RejectPrice;
        if (actor.Require(deciding ? BidPermissions.Decide : BidPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (request.Version is not { } version)
        {
            return Error.Invalid("version", "required");
        }

        if (Check(request) is { } invalid)
        {
            return invalid;
        }

        if (actor.EmployeeId is not { } by)
        {
            return BidErrors.OwnerInactive;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var bid = await db.Set<Bid>().VisibleTo(actor).Include(b => b.Steps).SingleOrDefaultAsync(b => b.Id == request.Id, ct);
        if (bid is null)
        {
            return BidErrors.NotFound(request.Id);
        }

        if (bid.Version != version)
        {
            return Error.StaleVersion("Bid", version, bid.Version, (await queries.GetAsync(actor, bid.Id, ct)).Value);
        }

        if (deciding && bid.OwnerId == by)
        {
            return BidErrors.OwnApproval;
        }

        if (deciding && NeedsDirector(bid, request.Action) && !actor.Roles.Contains(Roles.Director))
        {
            return BidErrors.NeedsDirector;
        }

        var now = clock.UtcNow;
        var done = request.Action switch
        {
            BidAction.Decide => bid.Decide(request.Go!.Value, request.Comment?.Trim(), by, now),
            BidAction.RecordSpecs => bid.RecordSpecs(request.Specs!.Trim(), by, now),
            BidAction.RecordCosting => bid.RecordCosting(request.PurchaseCost!.Value, request.LeadTimeDays!.Value, by, now),
            BidAction.ProposePrice => bid.ProposePrice(request.Price!.Value),
            BidAction.ApprovePrice => bid.ApprovePrice(request.Comment?.Trim(), by, now),
            BidAction.RejectPrice => bid.RejectPrice(request.Comment?.Trim()),
            BidAction.IssueDocument => bid.IssueDocument(request.DocumentNumber!.Trim(), request.IssuedOn ?? clock.Today, by, now),
            BidAction.RecordResult => bid.RecordResult(request.Won!.Value, request.Comment?.Trim(), request.Competitor?.Trim(), by, now),
        };
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (await db.SaveOrConflictAsync("Bid", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, bid.Id, ct);
    }

    private bool NeedsDirector(Bid bid, BidAction action) =>
        bid.Escalated || (action != BidAction.Decide && bid.ProposedPrice >= options.EscalationAmount);

    private static Error? Check(AdvanceBid request)
    {
        static Error Missing(string field) => Error.Invalid(field, "required");
        if (request.Comment?.Length > Bid.ReasonMaxLength)
        {
            return Error.Invalid("comment", "maxLength", ("max", Bid.ReasonMaxLength));
        }

        if (request.Competitor?.Length > Bid.CompetitorMaxLength)
        {
            return Error.Invalid("competitor", "maxLength", ("max", Bid.CompetitorMaxLength));
        }

        return request.Action switch
        {
            BidAction.Decide when request.Go is null => Missing("go"),
            BidAction.RecordSpecs when string.IsNullOrWhiteSpace(request.Specs) => Missing("specs"),
            BidAction.RecordSpecs when request.Specs!.Length > Bid.TextMaxLength => Error.Invalid("specs", "maxLength", ("max", Bid.TextMaxLength)),
            BidAction.RecordCosting when request.PurchaseCost is null => Missing("purchaseCost"),
            BidAction.RecordCosting when request.PurchaseCost is < 0 or > 100_000_000_000m => Error.Invalid("purchaseCost", "range", ("min", 0), ("max", 100_000_000_000m)),
            BidAction.RecordCosting when request.LeadTimeDays is null => Missing("leadTimeDays"),
            BidAction.RecordCosting when request.LeadTimeDays is < 0 or > 3650 => Error.Invalid("leadTimeDays", "range", ("min", 0), ("max", 3650)),
            BidAction.ProposePrice when request.Price is null => Missing("price"),
            BidAction.ProposePrice when request.Price is <= 0 or > 100_000_000_000m => Error.Invalid("price", "range", ("min", 0.01m), ("max", 100_000_000_000m)),
            BidAction.IssueDocument when string.IsNullOrWhiteSpace(request.DocumentNumber) => Missing("documentNumber"),
            BidAction.IssueDocument when request.DocumentNumber!.Length > Bid.DocumentNumberMaxLength =>
                Error.Invalid("documentNumber", "maxLength", ("max", Bid.DocumentNumberMaxLength)),
            BidAction.RecordResult when request.Won is null => Missing("won"),
            _ => null,
        };
    }
}

public sealed record AssignBidStep(Guid Id, BidStep Step, Guid? OwnerId, DateOnly? DueDate, int? Version);

/// <summary>Gives a step another owner or due date (the technical team's engineer, purchasing's buyer). Completed steps stay as they were.</summary>
public sealed class AssignBidStepHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, BidQueries queries)
{
    public async Task<Result<BidDetails>> HandleAsync(AssignBidStep request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(BidPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (request.Version is not { } version)
        {
            return Error.Invalid("version", "required");
        }

        if (request.OwnerId is null)
        {
            return Error.Invalid("ownerId", "required");
        }

        if (request.DueDate is null)
        {
            return Error.Invalid("dueDate", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var bid = await db.Set<Bid>().VisibleTo(actor).Include(b => b.Steps).SingleOrDefaultAsync(b => b.Id == request.Id, ct);
        if (bid is null)
        {
            return BidErrors.NotFound(request.Id);
        }

        if (bid.Version != version)
        {
            return Error.StaleVersion("Bid", version, bid.Version, (await queries.GetAsync(actor, bid.Id, ct)).Value);
        }

        if (bid.Status != BidStatus.Open)
        {
            return BidErrors.Closed(bid.Status);
        }

        if (bid.Steps.Single(s => s.Step == request.Step).CompletedAtUtc is not null)
        {
            return Error.Conflict("bid.stepDone", "This step is already completed.", ("step", request.Step.ToString()));
        }

        if (!await db.Employees.AnyAsync(e => e.Id == request.OwnerId && e.IsActive, ct))
        {
            return BidErrors.OwnerInactive;
        }

        bid.PlanStep(request.Step, request.OwnerId.Value, request.DueDate.Value);

        // A step change alone would not bump the bid's version; touching it keeps "who changed the bid last" and the 409 honest.
        db.Entry(bid).State = EntityState.Modified;
        if (await db.SaveOrConflictAsync("Bid", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, bid.Id, ct);
    }
}
