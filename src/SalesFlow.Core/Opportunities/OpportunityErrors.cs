using SalesFlow.Core.Common;

namespace SalesFlow.Core.Opportunities;

public static class OpportunityErrors
{
    public static readonly Error StageNotOpen =
        Error.Rule("opportunity.stageNotOpen", "Opportunities move only to an active open stage; closing goes through win or lose.");

    public static readonly Error SameStage = Error.Rule("opportunity.sameStage", "The opportunity is already in this stage.");

    public static readonly Error AlreadyOpened = Error.Conflict("opportunity.alreadyOpened", "The opportunity is already in the pipeline.");

    public static readonly Error NotClosed = Error.Conflict("opportunity.notClosed", "Only a won or lost opportunity can be reopened.");

    public static readonly Error OwnerInactive = Error.Rule("opportunity.ownerInactive", "The owner does not exist, has left, or is outside your scope.");

    public static readonly Error ContactNotOfCustomer = Error.Rule("opportunity.contactNotOfCustomer", "The contact must be one of the customer's contacts.");

    public static readonly Error ClosingStageStaysActive = Error.Rule("opportunity.closingStageStaysActive", "The won and lost stages cannot be switched off.");

    public static readonly Error NoOpenStage = Error.Rule("opportunity.noOpenStage", "The pipeline has no active open stage.");

    public static Error Closed(OpportunityStatus status) =>
        Error.Conflict("opportunity.closed", $"The opportunity is already {status}; reopen it first.", ("opportunityStatus", status.ToString()));

    public static Error NotFound(Guid id) => Error.NotFound("Opportunity", id);

    public static Error StageNotFound(Guid id) => Error.NotFound("OpportunityStage", id);
}

public static class OpportunityPermissions
{
    public const string View = "opportunities.view";
    public const string Edit = "opportunities.edit";
    public const string ManageStages = "opportunities.manageStages";
}

public static class OpportunityScope
{
    /// <summary>Like customers: Team/Region by the owner's unit, Own by owner, every record for All.</summary>
    public static IQueryable<Opportunity> VisibleTo(this IQueryable<Opportunity> opportunities, Actor actor) => actor.Scope switch
    {
        DataScope.All => opportunities,
        DataScope.Team or DataScope.Region => opportunities.Where(o => actor.VisibleUnitIds.Contains(o.OrgUnitId) || o.OwnerId == actor.EmployeeId),
        DataScope.Own => opportunities.Where(o => o.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => opportunities.Where(o => false),
    };
}
