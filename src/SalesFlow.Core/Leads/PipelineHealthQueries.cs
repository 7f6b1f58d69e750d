using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Leads;

public sealed record RepPipelineHealth(
    Guid EmployeeId, string Name, string OrgUnitName, int OpenProspects, ProspectBand Band,
    int NewNames, int ClosedCustomers, int NewNamesRequired, bool NewNamesRuleMet);

public sealed record PipelineHealthReport(DateOnly From, DateOnly To, int MinProspects, int MaxProspects, IReadOnlyList<RepPipelineHealth> Reps);

/// <summary>
/// Each rep in the caller's scope: prospects in follow-up (open leads) against the 60–80 band, and new names
/// captured in the period against 5 per customer closed (a converted lead) in the same period. One grouped
/// query, whatever the number of reps.
/// </summary>
public sealed class PipelineHealthQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, PipelineHealthOptions options)
{
    public async Task<Result<PipelineHealthReport>> ForRepsAsync(Actor actor, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (actor.Require(LeadPermissions.View) is { } denied)
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

        var startUtc = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), clock.Zone);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.Zone);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Employees.AsNoTracking().VisibleTo(actor)
            .Where(e => e.IsActive && e.Position == Position.SalesRep)
            .OrderBy(e => e.EmployeeNo)
            .Select(e => new
            {
                e.Id,
                e.Name,
                Unit = db.OrgUnits.Where(u => u.Id == e.OrgUnitId).Select(u => u.Name).First(),
                Open = db.Leads.Count(l => l.OwnerId == e.Id && !l.IsDeleted
                    && (l.Status == LeadStatus.New || l.Status == LeadStatus.Contacted || l.Status == LeadStatus.Qualified)),
                NewNames = db.Leads.Count(l => l.OwnerId == e.Id && !l.IsDeleted && l.CreatedAtUtc >= startUtc && l.CreatedAtUtc < endUtc),
                Closed = db.Leads.Count(l => l.OwnerId == e.Id && l.Status == LeadStatus.Converted && l.UpdatedAtUtc >= startUtc && l.UpdatedAtUtc < endUtc),
            })
            .ToListAsync(ct);

        var reps = rows.Select(r =>
        {
            var required = PipelineHealth.NewNamesRequired(r.Closed, options);
            return new RepPipelineHealth(r.Id, r.Name, r.Unit, r.Open, PipelineHealth.Band(r.Open, options), r.NewNames, r.Closed, required, r.NewNames >= required);
        }).ToList();
        return new PipelineHealthReport(first, last, options.MinProspects, options.MaxProspects, reps);
    }
}
