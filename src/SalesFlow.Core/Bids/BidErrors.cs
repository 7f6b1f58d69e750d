using SalesFlow.Core.Common;

namespace SalesFlow.Core.Bids;

public static class BidErrors
{
    public static readonly Error ReasonRequired = Error.Invalid("reason", "required");

    public static readonly Error NoProposedPrice = Error.Rule("bid.noProposedPrice", "No final price has been proposed yet.");

    public static readonly Error OwnApproval = Error.Rule("bid.ownApproval", "The owner of a bid cannot decide on it or approve its price.");

    public static readonly Error NeedsDirector = Error.Rule("bid.needsDirector", "This bid is at or above the escalation amount: only the director decides it.");

    public static readonly Error OwnerInactive = Error.Rule("bid.ownerInactive", "The step owner does not exist or has left.");

    public static Error WrongStep(BidStep expected, BidStep current) =>
        Error.Conflict("bid.wrongStep", $"The bid is at step {current}, not {expected}.", ("expected", expected.ToString()), ("current", current.ToString()));

    public static Error Closed(BidStatus status) =>
        Error.Conflict("bid.closed", $"The bid is already {status}.", ("bidStatus", status.ToString()));

    public static Error NotFound(Guid id) => Error.NotFound("Bid", id);
}

public static class BidPermissions
{
    public const string View = "bids.view";
    public const string Edit = "bids.edit";

    /// <summary>Decide whether to bid and approve the final price.</summary>
    public const string Decide = "bids.decide";
}

/// <summary>Section <c>Bids</c>: from which estimate (or final price) a bid goes to the director, and the default step lead times.</summary>
public sealed class BidOptions
{
    public decimal EscalationAmount { get; set; } = 5_000_000m;

    /// <summary>Days after registration the go/no-go decision is due.</summary>
    public int DecisionDays { get; set; } = 2;
}

public static class BidScope
{
    public static IQueryable<Bid> VisibleTo(this IQueryable<Bid> bids, Actor actor) => actor.Scope switch
    {
        DataScope.All => bids,
        DataScope.Team or DataScope.Region => bids.Where(b => actor.VisibleUnitIds.Contains(b.OrgUnitId) || b.OwnerId == actor.EmployeeId),
        DataScope.Own => bids.Where(b => b.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => bids.Where(b => false),
    };
}
