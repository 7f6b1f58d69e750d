using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Actuals;

namespace SalesFlow.Core.Planning.Summaries;

/// <summary>
/// Keeps <see cref="SalesMonthSummary"/> equal to <see cref="SalesActuals.Sales"/> summed per month × owner × unit ×
/// dealer × product line, and <see cref="SalesMonthTotal"/> equal to those rows summed per month × owner × unit. <see cref="RefreshAsync"/> recomputes the buckets the tracker marked (from the raw order
/// lines, never by adding deltas, so a refresh is idempotent and a lost race only costs a repeat); the background job
/// calls it every few seconds, and plan-vs-actual and the dealer evaluations call <see cref="CatchUpAsync"/> before reading, so a
/// summary is never read stale.
/// <see cref="RebuildAsync"/> recomputes everything (after bulk loads that bypass the tracker).
/// </summary>
public static class SalesSummaries
{
    /// <summary>Most change rows one refresh takes; the rest wait for the next one.</summary>
    public const int DefaultBatch = 5000;

    public static Task<int> PendingAsync(SalesFlowDbContext db, CancellationToken ct) => db.SalesSummaryChanges.CountAsync(ct);

    /// <summary>
    /// Settles every change marked so far, so the summaries equal the committed order lines. Call it on a context that
    /// tracks nothing yet: a refresh that loses a race clears the context's tracker.
    /// </summary>
    public static async Task CatchUpAsync(SalesFlowDbContext db, CancellationToken ct)
    {
        while (await RefreshAsync(db, DefaultBatch, ct) == DefaultBatch)
        {
        }
    }

    /// <summary>Recomputes the marked buckets (at most <paramref name="maxChanges"/> change rows). Returns how many change rows it settled.</summary>
    public static async Task<int> RefreshAsync(SalesFlowDbContext db, int maxChanges, CancellationToken ct)
    {
        var changes = await db.SalesSummaryChanges.AsNoTracking().OrderBy(c => c.Id).Take(maxChanges).ToListAsync(ct);
        if (changes.Count == 0)
        {
            return 0;
        }

        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var month in changes.GroupBy(c => c.MonthStart))
            {
                var owners = month.Select(c => c.OwnerId).Distinct().ToList();
                var units = month.Select(c => c.OrgUnitId).Distinct().ToList();

                // Owners × units of the month covers every marked bucket (and maybe a few more); the same set is
                // deleted and recomputed, so the extra buckets are simply refreshed too.
                await db.SalesMonthSummaries
                    .Where(s => s.MonthStart == month.Key && owners.Contains(s.OwnerId) && units.Contains(s.OrgUnitId))
                    .ExecuteDeleteAsync(ct);
                await db.SalesMonthTotals
                    .Where(s => s.MonthStart == month.Key && owners.Contains(s.OwnerId) && units.Contains(s.OrgUnitId))
                    .ExecuteDeleteAsync(ct);
                var rows = await Summed(SalesActuals.Sales(db, month.Key, month.Key.AddMonths(1).AddDays(-1))
                    .Where(f => owners.Contains(f.OwnerId) && units.Contains(f.OrgUnitId)), month.Key).ToListAsync(ct);
                db.SalesMonthSummaries.AddRange(rows);
                db.SalesMonthTotals.AddRange(SalesMonthTotal.Of(rows));
            }

            var ids = changes.Select(c => c.Id).ToList();
            await db.SalesSummaryChanges.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return changes.Count;
        }
        catch (DbUpdateException)
        {
            // Another refresher wrote the same buckets first (unique key); its rows are as fresh as ours would be.
            db.ChangeTracker.Clear();
            return 0;
        }
    }

    /// <summary>Throws every summary away and recomputes them month by month from the order lines.</summary>
    public static async Task RebuildAsync(SalesFlowDbContext db, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SalesSummaryChanges.ExecuteDeleteAsync(ct);
        await db.SalesMonthSummaries.ExecuteDeleteAsync(ct);
        await db.SalesMonthTotals.ExecuteDeleteAsync(ct);
        var booked = db.Orders.Where(o => SalesActuals.BookedStatuses.Contains(o.Status));
        if (await booked.AnyAsync(ct))
        {
            var first = await booked.MinAsync(o => o.OrderDate, ct);
            var last = await booked.MaxAsync(o => o.OrderDate, ct);
            for (var month = new DateOnly(first.Year, first.Month, 1); month <= last; month = month.AddMonths(1))
            {
                var rows = await Summed(SalesActuals.Sales(db, month, month.AddMonths(1).AddDays(-1)), month).ToListAsync(ct);
                db.SalesMonthSummaries.AddRange(rows);
                db.SalesMonthTotals.AddRange(SalesMonthTotal.Of(rows));
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
        }

        await transaction.CommitAsync(ct);
    }

    private static IQueryable<SalesMonthSummary> Summed(IQueryable<SalesFact> facts, DateOnly month) =>
        facts
            .GroupBy(f => new { f.OwnerId, f.OrgUnitId, f.DealerId, f.ProductLine })
            .Select(g => new SalesMonthSummary(
                month, g.Key.OwnerId, g.Key.OrgUnitId, g.Key.DealerId ?? Guid.Empty, g.Key.ProductLine, g.Sum(f => f.Amount), g.Sum(f => f.Quantity), g.Count()));
}
