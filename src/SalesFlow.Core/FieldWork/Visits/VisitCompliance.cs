using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Visits;

public sealed record ComplianceLine(Guid Id, string Name, int Planned, int Done, decimal? Compliance);

public sealed record VisitComplianceReport(DateOnly From, DateOnly To, ComplianceLine Total, IReadOnlyList<ComplianceLine> Teams, IReadOnlyList<ComplianceLine> Reps);

/// <summary>
/// Visit compliance (拜访达成率) = done / planned, per rep and per team, for visits dated in the period within the
/// caller's scope. Planned = visits planned by hand or by the route plan and not cancelled; done = those of them
/// checked out. Ad hoc visits are extra work, not part of the plan. Counting happens in SQL, grouped.
/// </summary>
public sealed class VisitComplianceQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static decimal? Ratio(int planned, int done) => planned == 0 ? null : Math.Round((decimal)done / planned, 4, MidpointRounding.AwayFromZero);

    public async Task<Result<VisitComplianceReport>> GetAsync(Actor actor, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (actor.Require(FieldWorkPermissions.View) is { } denied)
        {
            return denied;
        }

        var today = clock.Today;
        var first = from ?? new DateOnly(today.Year, today.Month, 1);
        var last = to ?? today;
        if (last < first)
        {
            return Error.Invalid("to", "notBeforeFrom");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // The company's field work: a dealer's staff visits for the dealer (scored monthly on the dealer's staff page).
        var planned = db.Visits.AsNoTracking().VisibleTo(actor)
            .Where(v => v.Source != VisitSource.AdHoc && v.Status != VisitStatus.Cancelled && v.Date >= first && v.Date <= last)
            .Where(v => !db.Employees.Any(e => e.Id == v.OwnerId && e.DealerId != null));

        var reps = await planned.GroupBy(v => v.OwnerId)
            .Select(g => new { Id = g.Key, Planned = g.Count(), Done = g.Count(v => v.Status == VisitStatus.Done) })
            .Join(db.Employees, g => g.Id, e => e.Id, (g, e) => new { g.Id, e.Name, e.EmployeeNo, g.Planned, g.Done })
            .OrderBy(r => r.EmployeeNo)
            .ToListAsync(ct);
        var teams = await planned.GroupBy(v => v.OrgUnitId)
            .Select(g => new { Id = g.Key, Planned = g.Count(), Done = g.Count(v => v.Status == VisitStatus.Done) })
            .Join(db.OrgUnits, g => g.Id, u => u.Id, (g, u) => new { g.Id, u.Name, u.Path, g.Planned, g.Done })
            .OrderBy(t => t.Path)
            .ToListAsync(ct);

        var totalPlanned = teams.Sum(t => t.Planned);
        var totalDone = teams.Sum(t => t.Done);
        return new VisitComplianceReport(
            first,
            last,
            new ComplianceLine(Guid.Empty, "", totalPlanned, totalDone, Ratio(totalPlanned, totalDone)),
            teams.Select(t => new ComplianceLine(t.Id, t.Name, t.Planned, t.Done, Ratio(t.Planned, t.Done))).ToList(),
            reps.Select(r => new ComplianceLine(r.Id, r.Name, r.Planned, r.Done, Ratio(r.Planned, r.Done))).ToList());
    }
}
