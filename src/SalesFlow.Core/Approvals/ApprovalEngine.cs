using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Approvals;

/// <summary>What is to be approved, as the inbox shows it: the owning module's kind, the record's id, number and title.</summary>
public sealed record ApprovalSubject(string Kind, Guid Id, string Number, string Title);

/// <summary>
/// Thresholds of the approval engine (configuration section <c>Approvals</c>). Discount percentages are
/// <see cref="Catalog.Prices.DiscountAuthority"/>'s (section <c>Discounts</c>); here are the amount thresholds.
/// </summary>
public sealed class ApprovalOptions
{
    /// <summary>A document at or above this net amount (CNY) needs the director whatever its discount; 0 = no amount rule.</summary>
    public decimal DirectorAmount { get; set; } = 5_000_000m;

    /// <summary>The role an amount alone needs, or null when the amount needs nobody.</summary>
    public string? RoleForAmount(decimal amount) => DirectorAmount > 0 && amount >= DirectorAmount ? Roles.Director : null;
}

/// <summary>
/// The module that owns a kind of subject hears the final decision through this, inside the transaction that records
/// it: approved → the subject proceeds; rejected → it goes back. Register one per kind in DI.
/// </summary>
public interface IApprovalSubjectHandler
{
    string Kind { get; }

    Task<Result> OnApprovedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct);

    Task<Result> OnRejectedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct);
}

/// <summary>The approving levels, lowest first. A chain runs from the level just above the requester up to the required role.</summary>
public static class ApprovalLevels
{
    public static readonly IReadOnlyList<string> Ordered = [Roles.RegionalManager, Roles.Director];

    /// <summary>0 for everyone below a regional manager, then the index in <see cref="Ordered"/> plus one.</summary>
    public static int LevelOf(IEnumerable<string> roles)
    {
        var level = 0;
        foreach (var role in roles)
        {
            var index = Ordered.ToList().IndexOf(role);
            level = Math.Max(level, index + 1);
        }

        return level;
    }

    public static bool IsApprovingRole(string role) => Ordered.Contains(role);

    /// <summary>The higher of two roles (either may be null).</summary>
    public static string? Highest(string? a, string? b) =>
        a is null ? b : b is null ? a : LevelOf([a]) >= LevelOf([b]) ? a : b;
}

/// <summary>
/// The one approval engine (ARCHITECTURE.md "Approvals"). Other modules call it on their own open context, inside
/// their own transaction: <see cref="RequestAsync"/> when something needs approval, <see cref="CancelForSubjectAsync"/>
/// when the subject is revised. Decisions go through <see cref="DecideAsync"/> (used by <see cref="DecideApprovalHandler"/>),
/// which calls the subject's <see cref="IApprovalSubjectHandler"/> in the same transaction.
/// </summary>
public sealed class ApprovalEngine(IEnumerable<IApprovalSubjectHandler> handlers, CompanyClock clock)
{
    private readonly Dictionary<string, IApprovalSubjectHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    /// <summary>
    /// Adds a pending request for <paramref name="subject"/> with the chain from just above the requester up to
    /// <paramref name="requiredRole"/>. The caller saves. Fails when the actor is no employee, the role is not an
    /// approving level, or nobody above the requester holds it.
    /// </summary>
    public static async Task<Result<ApprovalRequest>> RequestAsync(
        SalesFlowDbContext db, Actor actor, ApprovalSubject subject, string requiredRole, decimal? amount, decimal? percentage, string? reason, CancellationToken ct)
    {
        if (!ApprovalLevels.IsApprovingRole(requiredRole))
        {
            throw new ArgumentException($"{requiredRole} is not an approving role.", nameof(requiredRole));
        }

        if (actor.EmployeeId is not { } requester || actor.OrgUnitId is not { } unit)
        {
            return ApprovalErrors.NoRequester;
        }

        var chain = await ApprovalChain.BuildAsync(db, unit, ApprovalLevels.LevelOf(actor.Roles), requiredRole, ct);
        if (chain.Count == 0)
        {
            return ApprovalErrors.NoApprover(requiredRole);
        }

        var request = new ApprovalRequest(subject, requester, unit, requiredRole, amount, percentage, reason?.Length > ApprovalRequest.ReasonMaxLength ? reason[..ApprovalRequest.ReasonMaxLength] : reason);
        request.SetChain(chain);
        db.ApprovalRequests.Add(request);
        return request;
    }

    /// <summary>Cancels every pending request of the subject (it was revised or withdrawn). The caller saves.</summary>
    public async Task<int> CancelForSubjectAsync(SalesFlowDbContext db, string kind, Guid subjectId, CancellationToken ct)
    {
        var pending = await db.ApprovalRequests.Include(r => r.Steps)
            .Where(r => r.SubjectKind == kind && r.SubjectId == subjectId && r.Status == ApprovalStatus.Pending)
            .ToListAsync(ct);
        foreach (var request in pending)
        {
            request.Cancel(clock.UtcNow);
        }

        return pending.Count;
    }

    /// <summary>
    /// Records the actor's decision on the current step (the request must be visible to the actor, loaded with its
    /// steps on <paramref name="db"/>); on the final decision the subject's handler runs on the same context. The caller saves.
    /// </summary>
    public async Task<Result> DecideAsync(SalesFlowDbContext db, Actor actor, ApprovalRequest request, bool approve, string? comment, CancellationToken ct)
    {
        if (request.Status != ApprovalStatus.Pending)
        {
            return ApprovalErrors.AlreadyDecided(request.Status);
        }

        if (actor.EmployeeId is not { } decider || decider == request.RequestedById)
        {
            return ApprovalErrors.OwnRequest;
        }

        if (!MayDecide(actor, request))
        {
            return ApprovalErrors.NotApprover(request.CurrentApproverRole!);
        }

        if (!approve && string.IsNullOrWhiteSpace(comment))
        {
            return Error.Invalid("comment", "required");
        }

        if (comment?.Length > ApprovalRequest.CommentMaxLength)
        {
            return Error.Invalid("comment", "maxLength", ("max", ApprovalRequest.CommentMaxLength));
        }

        var handler = _handlers.GetValueOrDefault(request.SubjectKind);
        var now = clock.UtcNow;
        if (!approve)
        {
            request.Reject(decider, comment!, now);
            return handler is null ? Result.Ok() : await handler.OnRejectedAsync(db, request, actor, ct);
        }

        var final = request.Approve(decider, comment, now);
        return final && handler is not null ? await handler.OnApprovedAsync(db, request, actor, ct) : Result.Ok();
    }

    /// <summary>
    /// Whether the actor decides the request's current step: holds its role, sees the requester's unit in their scope
    /// (a regional manager their region, the director everything), and is not the requester.
    /// </summary>
    public static bool MayDecide(Actor actor, ApprovalRequest request) =>
        request.Status == ApprovalStatus.Pending
        && request.CurrentApproverRole is { } role
        && actor.Roles.Contains(role)
        && actor.EmployeeId is { } me && me != request.RequestedById
        && (actor.Scope == DataScope.All || actor.VisibleUnitIds.Contains(request.RequestedByUnitId));
}

/// <summary>Builds a chain from the org tree: the requester's region for a regional manager, the company for the director.</summary>
public static class ApprovalChain
{
    public static async Task<IReadOnlyList<(string Role, Guid UnitId)>> BuildAsync(
        SalesFlowDbContext db, Guid requesterUnitId, int requesterLevel, string requiredRole, CancellationToken ct)
    {
        var path = await db.OrgUnits.Where(u => u.Id == requesterUnitId).Select(u => u.Path).SingleOrDefaultAsync(ct);
        if (path is null)
        {
            return [];
        }

        var onPath = OrgUnit.IdsOnPath(path);
        var kinds = await db.OrgUnits.Where(u => onPath.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Kind, ct);
        var required = ApprovalLevels.LevelOf([requiredRole]);
        var chain = new List<(string, Guid)>();
        for (var level = requesterLevel + 1; level <= required; level++)
        {
            var role = ApprovalLevels.Ordered[level - 1];
            var unit = role == Roles.Director
                ? onPath.FirstOrDefault(id => kinds.GetValueOrDefault(id) == OrgUnitKind.Company)
                : onPath.LastOrDefault(id => kinds.GetValueOrDefault(id) == OrgUnitKind.Region);

            // A requester outside any region (head-office staff) has no regional manager above them: that level is skipped.
            if (unit != Guid.Empty)
            {
                chain.Add((role, unit));
            }
        }

        return chain;
    }
}
