using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Approvals;

public static class ApprovalPermissions
{
    /// <summary>See approval requests in one's scope (one's own, and those one decides).</summary>
    public const string View = "approvals.view";

    /// <summary>Decide approval steps; which steps is the engine's rule (role of the step and scope).</summary>
    public const string Decide = "approvals.decide";
}

public static class ApprovalErrors
{
    public static readonly Error NoRequester = Error.Rule("approval.noRequester", "Only an employee can ask for approval.");

    public static readonly Error OwnRequest = new(ErrorKind.Forbidden, "approval.ownRequest", "You cannot decide your own approval request.");

    public static Error NoApprover(string role) =>
        Error.Rule("approval.noApprover", $"Nobody above you holds the role {role} that must approve this.", ("role", role));

    public static Error NotApprover(string role) =>
        new(ErrorKind.Forbidden, "approval.notApprover", $"This step is decided by a {role} responsible for the requester.")
        {
            Args = new Dictionary<string, object?> { ["role"] = role },
        };

    public static Error AlreadyDecided(ApprovalStatus status) =>
        Error.Conflict("approval.alreadyDecided", $"The request is already {status}.", ("approvalStatus", status.ToString()));

    public static Error NotFound(Guid id) => Error.NotFound("ApprovalRequest", id);
}

public static class ApprovalScope
{
    /// <summary>The requester sees their own requests; Team/Region scopes see the requests of their units; All sees every one.</summary>
    public static IQueryable<ApprovalRequest> VisibleTo(this IQueryable<ApprovalRequest> requests, Actor actor) => actor.Scope switch
    {
        DataScope.All => requests,
        DataScope.Team or DataScope.Region => requests.Where(r => actor.VisibleUnitIds.Contains(r.RequestedByUnitId) || r.RequestedById == actor.EmployeeId),
        DataScope.Own => requests.Where(r => r.RequestedById == actor.EmployeeId),
        DataScope.OwnDealer => requests.Where(r => false),
    };

    /// <summary>Pending requests whose current step the actor may decide now (the SQL form of <see cref="ApprovalEngine.MayDecide"/>).</summary>
    public static IQueryable<ApprovalRequest> DecidableBy(this IQueryable<ApprovalRequest> requests, Actor actor)
    {
        var roles = actor.Roles.Where(ApprovalLevels.IsApprovingRole).ToList();
        var me = actor.EmployeeId ?? Guid.Empty;
        return requests.VisibleTo(actor).Where(r =>
            r.Status == ApprovalStatus.Pending && r.CurrentApproverRole != null && roles.Contains(r.CurrentApproverRole) && r.RequestedById != me);
    }
}

public static class ApprovalsModule
{
    /// <summary>The engine, its queries and decisions. <see cref="ApprovalOptions"/> has defaults here; the host registers the configured ones.</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.TryAddSingleton(new ApprovalOptions());
        return services
            .AddScoped<ApprovalEngine>()
            .AddScoped<ApprovalQueries>()
            .AddScoped<DecideApprovalHandler>();
    }
}
