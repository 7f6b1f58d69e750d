using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Activities;

public sealed record ActivityRow(
    Guid Id, ActivityType Type, Guid? CustomerId, string? CustomerName, Guid? LeadId, string? LeadName, Guid? OpportunityId,
    string Subject, DateTime OccurredAtUtc, string? Outcome, string? NextStep, DateOnly? NextStepDue,
    Guid OwnerId, string OwnerName, int Version);

/// <summary><paramref name="From"/>/<paramref name="To"/> are company-local dates, both inclusive.</summary>
public sealed record ActivityFilter(
    Guid? CustomerId = null, Guid? LeadId = null, Guid? OwnerId = null, ActivityType? Type = null, DateOnly? From = null, DateOnly? To = null,
    Guid? OpportunityId = null);

public sealed class ActivityQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static readonly SortWhitelist<Activity> Sorts = new(
        "-occurredAt",
        SortOption<Activity>.By("occurredAt", a => a.OccurredAtUtc));

    public async Task<Result<Page<ActivityRow>>> ListAsync(Actor actor, ActivityFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Activities.AsNoTracking().VisibleTo(actor).Where(a => !a.IsDeleted);
        if (filter.CustomerId is { } customer)
        {
            query = query.Where(a => a.CustomerId == customer);
        }

        if (filter.LeadId is { } lead)
        {
            query = query.Where(a => a.LeadId == lead);
        }

        if (filter.OpportunityId is { } opportunity)
        {
            query = query.Where(a => a.OpportunityId == opportunity);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(a => a.OwnerId == owner);
        }

        if (filter.Type is { } type)
        {
            query = query.Where(a => a.Type == type);
        }

        if (filter.From is { } from)
        {
            var fromUtc = clock.StartOfDayUtc(from);
            query = query.Where(a => a.OccurredAtUtc >= fromUtc);
        }

        if (filter.To is { } to)
        {
            var toUtc = clock.StartOfDayUtc(to.AddDays(1));
            query = query.Where(a => a.OccurredAtUtc < toUtc);
        }

        return await Sorts.PageAsync(query, page, Row(db), ct);
    }

    public async Task<Result<ActivityRow>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await db.Activities.AsNoTracking().VisibleTo(actor).Where(a => a.Id == id && !a.IsDeleted).Select(Row(db)).SingleOrDefaultAsync(ct);
        return row is null ? FieldWorkErrors.NotFound("Activity", id) : row;
    }

    private static System.Linq.Expressions.Expression<Func<Activity, ActivityRow>> Row(SalesFlowDbContext db) => a => new ActivityRow(
        a.Id, a.Type, a.CustomerId, db.Customers.Where(c => c.Id == a.CustomerId).Select(c => c.Name).FirstOrDefault(),
        a.LeadId, db.Leads.Where(l => l.Id == a.LeadId).Select(l => l.Name).FirstOrDefault(), a.OpportunityId,
        a.Subject, a.OccurredAtUtc, a.Outcome, a.NextStep, a.NextStepDue, a.OwnerId,
        db.Employees.Where(e => e.Id == a.OwnerId).Select(e => e.Name).First(), a.Version);
}
