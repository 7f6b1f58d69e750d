using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Approvals;

public sealed record ApprovalRow(
    Guid Id, string SubjectKind, Guid SubjectId, string SubjectNumber, string SubjectTitle, Guid RequestedById, string RequestedByName,
    string RequestedByUnitName, decimal? Amount, decimal? Percentage, string? Reason, string RequiredRole, ApprovalStatus Status,
    string? CurrentApproverRole, DateTime CreatedAtUtc, DateTime? DecidedAtUtc, int Version);

public sealed record ApprovalStepRow(
    Guid Id, int Position, string ApproverRole, Guid ApproverUnitId, string ApproverUnitName, ApprovalStepStatus Status,
    Guid? DecidedById, string? DecidedByName, string? Comment, DateTime? DecidedAtUtc);

public sealed record ApprovalDetails(
    Guid Id, string SubjectKind, Guid SubjectId, string SubjectNumber, string SubjectTitle, Guid RequestedById, string RequestedByName,
    Guid RequestedByUnitId, string RequestedByUnitName, decimal? Amount, decimal? Percentage, string? Reason, string RequiredRole,
    ApprovalStatus Status, string? CurrentApproverRole, bool CanDecide, IReadOnlyList<ApprovalStepRow> Steps,
    DateTime CreatedAtUtc, string CreatedBy, DateTime? DecidedAtUtc, int Version);

/// <summary>
/// List filters: <c>Mine</c> = only pending requests whose current step the caller may decide now; <c>DecidedByMe</c> =
/// only requests in which the caller decided a step; <c>RequestedByMe</c> = only the caller's own requests.
/// </summary>
public sealed record ApprovalFilter(
    ApprovalStatus? Status = null, bool Mine = false, bool DecidedByMe = false, string? SubjectKind = null, Guid? SubjectId = null, bool RequestedByMe = false);

public sealed class ApprovalQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<ApprovalRequest> Sorts = new(
        "-createdAt",
        SortOption<ApprovalRequest>.By("createdAt", r => r.CreatedAtUtc),
        SortOption<ApprovalRequest>.By("updatedAt", r => r.UpdatedAtUtc));

    public async Task<Result<Page<ApprovalRow>>> ListAsync(Actor actor, ApprovalFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(ApprovalPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Filter(db, actor, filter);
        return await Sorts.PageAsync(query, page, r => new ApprovalRow(
            r.Id, r.SubjectKind, r.SubjectId, r.SubjectNumber, r.SubjectTitle, r.RequestedById,
            db.Employees.Where(e => e.Id == r.RequestedById).Select(e => e.Name).First(),
            db.OrgUnits.Where(u => u.Id == r.RequestedByUnitId).Select(u => u.Name).First(),
            r.Amount, r.Percentage, r.Reason, r.RequiredRole, r.Status, r.CurrentApproverRole, r.CreatedAtUtc, r.DecidedAtUtc, r.Version), ct);
    }

    /// <summary>How many requests wait for the actor's decision (the nav badge); 0 for roles that approve nothing.</summary>
    public async Task<int> PendingForAsync(Actor actor, CancellationToken ct)
    {
        if (!actor.Can(ApprovalPermissions.Decide))
        {
            return 0;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApprovalRequests.AsNoTracking().DecidableBy(actor).CountAsync(ct);
    }

    public async Task<Result<ApprovalDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(ApprovalPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var request = await db.ApprovalRequests.AsNoTracking().Include(r => r.Steps).VisibleTo(actor).SingleOrDefaultAsync(r => r.Id == id, ct);
        return request is null ? ApprovalErrors.NotFound(id) : await DescribeAsync(db, actor, request, ct);
    }

    /// <summary>The requests of one subject, newest first, visible to the actor (the quote page shows its approval history).</summary>
    public async Task<Result<IReadOnlyList<ApprovalDetails>>> ForSubjectAsync(Actor actor, string kind, Guid subjectId, CancellationToken ct)
    {
        if (actor.Require(ApprovalPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var requests = await db.ApprovalRequests.AsNoTracking().Include(r => r.Steps).VisibleTo(actor)
            .Where(r => r.SubjectKind == kind && r.SubjectId == subjectId).OrderByDescending(r => r.CreatedAtUtc).ThenByDescending(r => r.Id).ToListAsync(ct);
        var details = new List<ApprovalDetails>(requests.Count);
        foreach (var request in requests)
        {
            details.Add(await DescribeAsync(db, actor, request, ct));
        }

        return details;
    }

    private static async Task<ApprovalDetails> DescribeAsync(SalesFlowDbContext db, Actor actor, ApprovalRequest r, CancellationToken ct)
    {
        var employeeIds = r.Steps.Where(s => s.DecidedById != null).Select(s => s.DecidedById!.Value).Append(r.RequestedById).Distinct().ToList();
        var unitIds = r.Steps.Select(s => s.ApproverUnitId).Append(r.RequestedByUnitId).Distinct().ToList();
        var people = await db.Employees.AsNoTracking().Where(e => employeeIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);
        var units = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        var steps = r.Steps.OrderBy(s => s.Position).Select(s => new ApprovalStepRow(
            s.Id, s.Position, s.ApproverRole, s.ApproverUnitId, units.GetValueOrDefault(s.ApproverUnitId, ""), s.Status, s.DecidedById,
            s.DecidedById is { } by ? people.GetValueOrDefault(by) : null, s.Comment, s.DecidedAtUtc)).ToList();
        return new ApprovalDetails(
            r.Id, r.SubjectKind, r.SubjectId, r.SubjectNumber, r.SubjectTitle, r.RequestedById, people.GetValueOrDefault(r.RequestedById, ""),
            r.RequestedByUnitId, units.GetValueOrDefault(r.RequestedByUnitId, ""), r.Amount, r.Percentage, r.Reason, r.RequiredRole, r.Status,
            r.CurrentApproverRole, actor.Can(ApprovalPermissions.Decide) && ApprovalEngine.MayDecide(actor, r), steps, r.CreatedAtUtc, r.CreatedBy,
            r.DecidedAtUtc, r.Version);
    }

    private static IQueryable<ApprovalRequest> Filter(SalesFlowDbContext db, Actor actor, ApprovalFilter filter)
    {
        var query = filter.Mine ? db.ApprovalRequests.AsNoTracking().DecidableBy(actor) : db.ApprovalRequests.AsNoTracking().VisibleTo(actor);
        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.DecidedByMe)
        {
            var me = actor.EmployeeId ?? Guid.Empty;
            var decided = db.Set<ApprovalStep>().Where(s => s.DecidedById == me).Select(s => s.RequestId);
            query = query.Where(r => decided.Contains(r.Id));
        }

        if (filter.RequestedByMe)
        {
            var me = actor.EmployeeId ?? Guid.Empty;
            query = query.Where(r => r.RequestedById == me);
        }

        if (!string.IsNullOrWhiteSpace(filter.SubjectKind))
        {
            query = query.Where(r => r.SubjectKind == filter.SubjectKind);
        }

        if (filter.SubjectId is { } subject)
        {
            query = query.Where(r => r.SubjectId == subject);
        }

        return query;
    }
}
