using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Jobs;
using SalesFlow.Core.Notifications;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Reviews;

namespace SalesFlow.Core.Planning.Reminders;

/// <summary>
/// The monthly deadlines as reminders (PRODUCT.md §2), for the company date the runner gives:
/// <list type="bullet">
/// <item>From <see cref="PlanningOptions.ReminderDaysBefore"/> days before the 25th until the 25th, each active rep and
/// supervisor without a submitted plan for next month hears "plan due" (once a day); after the 25th they hear "plan overdue"
/// once, and their manager once per late person.</item>
/// <item>The same around the 3rd for last month's review.</item>
/// <item>Every day, each manager with plans or reviews of their direct reports waiting for a decision gets one message with the counts.</item>
/// </list>
/// The <see cref="Notifier"/> drops what was already sent, so running twice a day sends nothing new.
/// </summary>
public sealed class PlanReminders(IDbContextFactory<SalesFlowDbContext> dbFactory, Notifier notifier, PlanningOptions options) : IReminder
{
    public const string PlanDue = "plan.due";
    public const string PlanOverdue = "plan.overdue";
    public const string PlanOverdueTeam = "plan.overdueTeam";
    public const string ReviewDue = "review.due";
    public const string ReviewOverdue = "review.overdue";
    public const string ReviewOverdueTeam = "review.overdueTeam";
    public const string Waiting = "plan.waiting";

    public string Name => "plan-deadlines";

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        var owners = await db.Employees.AsNoTracking()
            .Where(e => e.IsActive && (e.Position == Position.SalesRep || e.Position == Position.Supervisor))
            .Select(e => new Owner(e.Id, e.Name, e.ManagerId))
            .ToListAsync(ct);
        var users = (await db.Users.AsNoTracking().Where(u => u.EmployeeId != null && !u.IsDisabled).Select(u => new { u.Id, u.EmployeeId }).ToListAsync(ct))
            .GroupBy(u => u.EmployeeId!.Value).ToDictionary(g => g.Key, g => g.First().Id);
        var messages = new List<NewNotification>();
        var days = Math.Max(0, options.ReminderDaysBefore);

        // Plans: next month's, due the 25th of this month.
        var planMonth = PlanningDeadlines.PlanMonthOn(today);
        var planDue = PlanningDeadlines.PlanDue(planMonth);
        if (today >= planDue.AddDays(-days))
        {
            var start = planMonth.Start;
            var submitted = (await db.MonthlyPlans.AsNoTracking()
                    .Where(p => p.MonthStart == start && p.OwnerType == PlanOwnerType.Employee && (p.Status == PlanStatus.Submitted || p.Status == PlanStatus.Approved))
                    .Select(p => p.OwnerId).ToListAsync(ct))
                .ToHashSet();
            Deadline(messages, owners, users, submitted, today, planMonth, planDue, PlanDue, PlanOverdue, PlanOverdueTeam, "/plans");
        }

        // Reviews: the one due the 3rd of this month (last month's) and, at a month's end, the one due the 3rd of next month.
        foreach (var reviewMonth in new[] { Period.MonthOf(today.AddMonths(-1)), Period.MonthOf(today) })
        {
            var reviewDue = PlanningDeadlines.ReviewDue(reviewMonth);
            var inWindow = today >= reviewDue.AddDays(-days) && today <= reviewDue;
            var overdue = today > reviewDue && today.Year == reviewDue.Year && today.Month == reviewDue.Month;
            if (!inWindow && !overdue)
            {
                continue;
            }

            var start = reviewMonth.Start;
            var submitted = (await db.MonthlyReviews.AsNoTracking()
                    .Where(r => r.MonthStart == start && r.OwnerType == PlanOwnerType.Employee && (r.Status == ReviewStatus.Submitted || r.Status == ReviewStatus.SignedOff))
                    .Select(r => r.OwnerId).ToListAsync(ct))
                .ToHashSet();
            Deadline(messages, owners, users, submitted, today, reviewMonth, reviewDue, ReviewDue, ReviewOverdue, ReviewOverdueTeam, "/reviews");
        }

        // Decisions waiting, per direct manager of the owner.
        var plansWaiting = await (
                from p in db.MonthlyPlans
                join e in db.Employees on p.OwnerId equals e.Id
                where p.Status == PlanStatus.Submitted && p.OwnerType == PlanOwnerType.Employee && e.ManagerId != null
                group p by e.ManagerId into g
                select new { ManagerId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(x => x.ManagerId, x => x.Count, ct);
        var reviewsWaiting = await (
                from r in db.MonthlyReviews
                join e in db.Employees on r.OwnerId equals e.Id
                where r.Status == ReviewStatus.Submitted && r.OwnerType == PlanOwnerType.Employee && e.ManagerId != null
                group r by e.ManagerId into g
                select new { ManagerId = g.Key!.Value, Count = g.Count() })
            .ToDictionaryAsync(x => x.ManagerId, x => x.Count, ct);
        var day = Day(today);
        foreach (var manager in plansWaiting.Keys.Union(reviewsWaiting.Keys))
        {
            if (users.TryGetValue(manager, out var user))
            {
                var plans = plansWaiting.GetValueOrDefault(manager);
                var reviews = reviewsWaiting.GetValueOrDefault(manager);
                messages.Add(new NewNotification(
                    user, Waiting, [plans.ToString(CultureInfo.InvariantCulture), reviews.ToString(CultureInfo.InvariantCulture)],
                    plans > 0 ? "/plans?tab=waiting" : "/reviews?tab=waiting", $"{Waiting}:{day}"));
            }
        }

        var sent = await notifier.AddAsync(db, messages, ct);
        await db.SaveChangesAsync(ct);
        return sent;
    }

    private static void Deadline(
        List<NewNotification> messages, List<Owner> owners, Dictionary<Guid, Guid> users, HashSet<Guid> submitted, DateOnly today, Period month, DateOnly due,
        string dueKind, string overdueKind, string teamKind, string link)
    {
        var monthText = month.ToString();
        var dueText = Day(due);
        foreach (var owner in owners.Where(o => !submitted.Contains(o.Id)))
        {
            if (today <= due)
            {
                if (users.TryGetValue(owner.Id, out var user))
                {
                    messages.Add(new NewNotification(user, dueKind, [monthText, dueText], link, $"{dueKind}:{monthText}:{Day(today)}"));
                }

                continue;
            }

            if (users.TryGetValue(owner.Id, out var late))
            {
                messages.Add(new NewNotification(late, overdueKind, [monthText, dueText], link, $"{overdueKind}:{monthText}"));
            }

            if (owner.ManagerId is { } managerId && users.TryGetValue(managerId, out var manager))
            {
                messages.Add(new NewNotification(manager, teamKind, [monthText, dueText, owner.Name], link, $"{teamKind}:{monthText}:{owner.Id}"));
            }
        }
    }

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record Owner(Guid Id, string Name, Guid? ManagerId);
}
