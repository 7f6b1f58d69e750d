using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Leads;

public sealed record LeadRow(
    Guid Id, string Name, string? Company, string? Mobile, string? Email, LeadSource Source, LeadStatus Status,
    Guid? RegionId, string? RegionName, Guid? OwnerId, string? OwnerName, bool FollowUpOverdue, DateTime CreatedAtUtc, int Version);

public sealed record LeadDetails(
    Guid Id, string Name, string? Company, string? Mobile, string? Email, LeadSource Source, LeadStatus Status, string? DisqualifyReason,
    Guid? RegionId, string? RegionName, Guid? OwnerId, string? OwnerName, string? Needs, DateTime? AssignedAtUtc, DateTime? FirstContactAtUtc,
    bool FollowUpOverdue, int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy,
    Guid? ConvertedCustomerId = null, Guid? ConvertedContactId = null, Guid? ConvertedOpportunityId = null);

public sealed record LeadFilter(string? Q = null, LeadStatus? Status = null, LeadSource? Source = null, Guid? OwnerId = null, bool? Overdue = null);

public static class LeadScope
{
    /// <summary>Like customers: by the owner's unit for Team/Region, the actor's own for reps; unassigned leads only for All.</summary>
    public static IQueryable<Lead> VisibleTo(this IQueryable<Lead> leads, Actor actor) => actor.Scope switch
    {
        DataScope.All => leads,
        DataScope.Team or DataScope.Region => leads.Where(l => (l.OrgUnitId != null && actor.VisibleUnitIds.Contains(l.OrgUnitId.Value)) || l.OwnerId == actor.EmployeeId),
        DataScope.Own => leads.Where(l => l.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => leads.Where(l => false),
    };
}

public sealed class LeadQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, LeadOptions options)
{
    public static readonly SortWhitelist<Lead> Sorts = new(
        "-createdAt",
        SortOption<Lead>.By("createdAt", l => l.CreatedAtUtc),
        SortOption<Lead>.By("name", l => l.Name));

    public async Task<Result<Page<LeadRow>>> ListAsync(Actor actor, LeadFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(LeadPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.UtcNow;
        var overdueBefore = now - options.ReferralFollowUpWithin;
        var query = db.Leads.AsNoTracking().VisibleTo(actor).Where(l => !l.IsDeleted);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            query = SearchText.Leads(db, query, filter.Q);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(l => l.Status == status);
        }

        if (filter.Source is { } source)
        {
            query = query.Where(l => l.Source == source);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(l => l.OwnerId == owner);
        }

        if (filter.Overdue == true)
        {
            query = query.Where(Overdue(overdueBefore));
        }

        return await Sorts.PageAsync(query, page, l => new LeadRow(
            l.Id, l.Name, l.Company, l.Mobile, l.Email, l.Source, l.Status, l.RegionId,
            db.OrgUnits.Where(u => u.Id == l.RegionId).Select(u => u.Name).FirstOrDefault(),
            l.OwnerId,
            db.Employees.Where(e => e.Id == l.OwnerId).Select(e => e.Name).FirstOrDefault(),
            Lead.IsOverdue(l.Source, l.FirstContactAtUtc, l.Status, l.CreatedAtUtc, overdueBefore),
            l.CreatedAtUtc, l.Version), ct);
    }

    public async Task<Result<LeadDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(LeadPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Leads.AsNoTracking().VisibleTo(actor).Where(l => l.Id == id && !l.IsDeleted)
            .Select(l => new
            {
                Lead = l,
                RegionName = db.OrgUnits.Where(u => u.Id == l.RegionId).Select(u => u.Name).FirstOrDefault(),
                OwnerName = db.Employees.Where(e => e.Id == l.OwnerId).Select(e => e.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return LeadErrors.NotFound(id);
        }

        var l = found.Lead;
        return new LeadDetails(
            l.Id, l.Name, l.Company, l.Mobile, l.Email, l.Source, l.Status, l.DisqualifyReason, l.RegionId, found.RegionName, l.OwnerId, found.OwnerName,
            l.Needs, l.AssignedAtUtc, l.FirstContactAtUtc, l.IsFollowUpOverdue(clock.UtcNow, options.ReferralFollowUpWithin), l.Version,
            l.CreatedAtUtc, l.CreatedBy, l.UpdatedAtUtc, l.UpdatedBy, l.ConvertedCustomerId, l.ConvertedContactId, l.ConvertedOpportunityId);
    }

    // Lead.IsOverdue as SQL, for filtering; the two must say the same.
    private static System.Linq.Expressions.Expression<Func<Lead, bool>> Overdue(DateTime createdBefore) =>
        l => l.Source == LeadSource.Referral && l.FirstContactAtUtc == null && l.CreatedAtUtc < createdBefore
            && (l.Status == LeadStatus.New || l.Status == LeadStatus.Contacted || l.Status == LeadStatus.Qualified);
}
