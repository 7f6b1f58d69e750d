using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.FieldWork.Activities;

/// <summary>One line of the day's summary: an activity (Type = its type) or a visit (Type = "Visit", with its status).</summary>
public sealed record WorkLogItem(string Kind, string Type, DateTime? AtUtc, string? About, string Subject, string? Outcome, string? Status);

/// <summary>What the server fills the log with: the day's activities and visits, counted and listed in time order.</summary>
public sealed record WorkLogSummary(int Activities, int VisitsPlanned, int VisitsDone, IReadOnlyList<WorkLogItem> Items);

public sealed record WorkLogRow(
    Guid Id, Guid OwnerId, string OwnerName, DateOnly Date, WorkLogStatus Status, DateTime? SubmittedAtUtc, bool HasComment, int Version);

/// <summary>A day's log; <see cref="Id"/> is null while the rep has not saved anything for that day.</summary>
public sealed record WorkLogDetails(
    Guid? Id, Guid OwnerId, string OwnerName, DateOnly Date, WorkLogStatus Status, string? Notes, string? PlanForTomorrow,
    DateTime? SubmittedAtUtc, string? ManagerComment, string? CommentedByName, DateTime? CommentedAtUtc, WorkLogSummary Summary, int Version);

public sealed record WorkLogFilter(Guid? OwnerId = null, DateOnly? From = null, DateOnly? To = null, WorkLogStatus? Status = null);

public sealed class WorkLogQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static readonly SortWhitelist<WorkLog> Sorts = new("-date", SortOption<WorkLog>.By("date", w => w.Date));

    public async Task<Result<Page<WorkLogRow>>> ListAsync(Actor actor, WorkLogFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.WorkLogs.AsNoTracking().VisibleTo(actor);
        if (filter.OwnerId is { } owner)
        {
            query = query.Where(w => w.OwnerId == owner);
        }

        if (filter.From is { } from)
        {
            query = query.Where(w => w.Date >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(w => w.Date <= to);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(w => w.Status == status);
        }

        return await Sorts.PageAsync(query, page, w => new WorkLogRow(
            w.Id, w.OwnerId, db.Employees.Where(e => e.Id == w.OwnerId).Select(e => e.Name).First(), w.Date, w.Status, w.SubmittedAtUtc,
            w.ManagerComment != null, w.Version), ct);
    }

    public async Task<Result<WorkLogDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var log = await db.WorkLogs.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(w => w.Id == id, ct);
        return log is null ? FieldWorkErrors.NotFound("WorkLog", id) : await DetailsAsync(db, log.OwnerId, log.Date, log, ct);
    }

    /// <summary>The owner's (default: the caller's) log of a day, saved or not, with the day's summary.</summary>
    public async Task<Result<WorkLogDetails>> DayAsync(Actor actor, DateOnly date, Guid? ownerId, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        var owner = ownerId ?? actor.EmployeeId;
        if (owner is null)
        {
            return Error.Invalid("ownerId", "required");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Employees.VisibleTo(actor).AnyAsync(e => e.Id == owner, ct))
        {
            return FieldWorkErrors.NotFound("Employee", owner.Value);
        }

        var log = await db.WorkLogs.AsNoTracking().SingleOrDefaultAsync(w => w.OwnerId == owner && w.Date == date, ct);
        return await DetailsAsync(db, owner.Value, date, log, ct);
    }

    public async Task<WorkLogSummary> SummaryAsync(SalesFlowDbContext db, Guid ownerId, DateOnly date, CancellationToken ct)
    {
        var start = clock.StartOfDayUtc(date);
        var end = clock.StartOfDayUtc(date.AddDays(1));
        var activities = await db.Activities.AsNoTracking()
            .Where(a => a.OwnerId == ownerId && !a.IsDeleted && a.OccurredAtUtc >= start && a.OccurredAtUtc < end)
            .Select(a => new
            {
                a.Type,
                a.OccurredAtUtc,
                About = db.Customers.Where(c => c.Id == a.CustomerId).Select(c => c.Name).FirstOrDefault()
                    ?? db.Leads.Where(l => l.Id == a.LeadId).Select(l => l.Name).FirstOrDefault(),
                a.Subject,
                a.Outcome,
            })
            .ToListAsync(ct);
        var visits = await db.Visits.AsNoTracking()
            .Where(v => v.OwnerId == ownerId && v.Date == date && v.Status != VisitStatus.Cancelled)
            .Select(v => new
            {
                v.Status,
                v.Source,
                v.CheckInAtUtc,
                About = db.Customers.Where(c => c.Id == v.CustomerId).Select(c => c.Name).First(),
                v.Purpose,
                v.Outcome,
            })
            .ToListAsync(ct);
        var items = activities.Select(a => new WorkLogItem("Activity", a.Type.ToString(), a.OccurredAtUtc, a.About, a.Subject, a.Outcome, null))
            .Concat(visits.Select(v => new WorkLogItem("Visit", v.Source.ToString(), v.CheckInAtUtc, v.About, v.Purpose ?? v.About, v.Outcome, v.Status.ToString())))
            .OrderBy(i => i.AtUtc ?? DateTime.MaxValue)
            .ToList();
        return new WorkLogSummary(
            activities.Count, visits.Count(v => v.Source != VisitSource.AdHoc), visits.Count(v => v.Status == VisitStatus.Done), items);
    }

    private async Task<WorkLogDetails> DetailsAsync(SalesFlowDbContext db, Guid ownerId, DateOnly date, WorkLog? log, CancellationToken ct)
    {
        var commenter = log?.CommentedById;
        var names = await db.Employees.AsNoTracking().Where(e => e.Id == ownerId || e.Id == commenter).Select(e => new { e.Id, e.Name }).ToListAsync(ct);
        var summary = await SummaryAsync(db, ownerId, date, ct);
        var ownerName = names.First(n => n.Id == ownerId).Name;
        return log is null
            ? new WorkLogDetails(null, ownerId, ownerName, date, WorkLogStatus.Draft, null, null, null, null, null, null, summary, 0)
            : new WorkLogDetails(
                log.Id, ownerId, ownerName, date, log.Status, log.Notes, log.PlanForTomorrow, log.SubmittedAtUtc, log.ManagerComment,
                names.FirstOrDefault(n => n.Id == log.CommentedById)?.Name, log.CommentedAtUtc, summary, log.Version);
    }
}
