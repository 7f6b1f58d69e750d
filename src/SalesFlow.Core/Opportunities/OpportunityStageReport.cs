using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Opportunities;

public sealed record StageReportRow(
    Guid StageId, string Code, string NameZh, string NameEn, StageKind Kind, int Entered, int MovedForward, decimal? ConversionPercent, decimal? AverageDaysInStage);

public sealed record StageReport(DateOnly From, DateOnly To, IReadOnlyList<StageReportRow> Stages, int WonCount, decimal? AverageCycleDays);

/// <summary>
/// Stage conversion over the caller's opportunities. For the deals that entered a stage in the period: how many
/// entered, how many of them later moved forward (to a later open stage or to won), the share that did, and the
/// average days they stayed. Plus the average cycle (opened → won) of the deals won in the period. All grouped in SQL.
/// </summary>
public sealed class OpportunityStageReport(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    private const decimal SecondsPerDay = 86_400m;

    public async Task<Result<StageReport>> ForPeriodAsync(Actor actor, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (actor.Require(OpportunityPermissions.View) is { } denied)
        {
            return denied;
        }

        var today = clock.Today;
        var first = from ?? new DateOnly(today.Year, 1, 1);
        var last = to ?? today;
        if (last < first)
        {
            return Error.Invalid("to", "notBeforeFrom");
        }

        var startUtc = TimeZoneInfo.ConvertTimeToUtc(first.ToDateTime(TimeOnly.MinValue), clock.Zone);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(last.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.Zone);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Opportunities.AsNoTracking().VisibleTo(actor).Select(o => o.Id);
        var changes = db.OpportunityStageChanges.AsNoTracking().Where(c => visible.Contains(c.OpportunityId));
        var stages = await db.OpportunityStages.AsNoTracking().OrderBy(s => s.SortOrder).ToListAsync(ct);

        var entered = await changes.Where(c => c.AtUtc >= startUtc && c.AtUtc < endUtc)
            .GroupBy(c => c.ToStageId).Select(g => new { StageId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.StageId, g => g.Count, ct);

        // The changes that left a stage entered in the period: forward ones count for conversion, all for time in stage.
        var left = await (
            from c in changes
            where c.FromEnteredAtUtc >= startUtc && c.FromEnteredAtUtc < endUtc && c.FromStageId != null
            join f in db.OpportunityStages on c.FromStageId equals f.Id
            join t in db.OpportunityStages on c.ToStageId equals t.Id
            group new { Forward = t.Kind == StageKind.Won || (t.Kind == StageKind.Open && t.SortOrder > f.SortOrder), c.SecondsInFromStage } by f.Id into g
            select new
            {
                StageId = g.Key,
                Forward = g.Count(x => x.Forward),
                AverageSeconds = g.Average(x => (double?)x.SecondsInFromStage),
            }).ToDictionaryAsync(g => g.StageId, ct);

        var wonStageIds = stages.Where(s => s.Kind == StageKind.Won).Select(s => s.Id).ToList();
        var won = await changes.Where(c => c.AtUtc >= startUtc && c.AtUtc < endUtc && wonStageIds.Contains(c.ToStageId))
            .GroupBy(c => 1).Select(g => new { Count = g.Count(), AverageSeconds = g.Average(c => (double)c.SecondsSinceOpened) })
            .SingleOrDefaultAsync(ct);

        var rows = stages.Select(s =>
        {
            var count = entered.GetValueOrDefault(s.Id);
            var leaving = left.GetValueOrDefault(s.Id);
            var forward = leaving?.Forward ?? 0;
            return new StageReportRow(
                s.Id, s.Code, s.NameZh, s.NameEn, s.Kind, count, forward,
                s.Kind == StageKind.Open && count > 0 ? decimal.Round(100m * forward / count, 1) : null,
                leaving?.AverageSeconds is { } seconds ? Days(seconds) : null);
        }).ToList();
        return new StageReport(first, last, rows, won?.Count ?? 0, won is null ? null : Days(won.AverageSeconds));
    }

    private static decimal Days(double seconds) => decimal.Round((decimal)seconds / SecondsPerDay, 1);
}
