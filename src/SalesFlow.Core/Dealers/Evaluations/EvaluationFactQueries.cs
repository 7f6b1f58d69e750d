using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.Planning.Targets;
using SalesFlow.Core.StockReports;

namespace SalesFlow.Core.Dealers.Evaluations;

/// <summary>A dealer to evaluate: its id, customer account and tier in force on the quarter's last day.</summary>
public sealed record EvaluatedDealer(Guid Id, Guid CustomerId, DealerTier Tier);

/// <summary>
/// Measures the scorecard's facts for a set of dealers in one quarter, each fact in one grouped query over all of them:
/// <list type="bullet">
/// <item>Target: the dealer's revenue targets (all lines) of the quarter's months (as the yearly target is phased), else its
/// quarter target.</item>
/// <item>Sell-in: the dealer's revenue facts (<see cref="MeasureFacts.Actual"/>) — amount (net) and base quantity. A quarter is whole
/// months, so they come from the maintained monthly summaries: the caller catches them up first
/// (<see cref="Planning.Summaries.SalesSummaries.CatchUpAsync"/>).</item>
/// <item>Sell-through: the sales of the dealer's submitted stock reports of the quarter's months (base quantity).</item>
/// <item>Inventory: the lines of the submitted report of the quarter's last month and those with neither the stock-out nor the
/// over-stock flag the stock checks (<see cref="StockReconciliation"/>) stored.</item>
/// <item>Payment: the invoices (not cancelled) of the dealer's account due in the quarter, and what receipts and credit notes
/// (<see cref="BillingReports.AppliedPayments"/>) put on them by their due date plus <see cref="DealerEvaluationOptions.PaymentGraceDays"/>.</item>
/// <item>Stores: the dealer's active stores today (stores keep no history); required by tier from the settings.</item>
/// <item>Compliance: for each month of the quarter, a submitted stock report by the <see cref="DealerEvaluationOptions.StockReportDueDay"/>
/// of the month after, a monthly plan submitted by its deadline and a review submitted by its deadline
/// (<see cref="PlanningDeadlines"/>); an obligation whose deadline is not yet past on <c>today</c> is not counted.</item>
/// </list>
/// </summary>
public static class EvaluationFactQueries
{
    private const StockFlags Unhealthy = StockFlags.StockOut | StockFlags.OverStock;

    public static async Task<Dictionary<Guid, EvaluationFacts>> MeasureAsync(
        SalesFlowDbContext db, IReadOnlyCollection<EvaluatedDealer> dealers, Period quarter, DateOnly today, CompanyClock clock,
        DealerEvaluationOptions options, CancellationToken ct)
    {
        // The dealer and account lists can hold every dealer (5,000 at L): each goes to the database as one parameter
        // (a PostgreSQL array, SQLite JSON). EF Core's default of one parameter per element cost SQLite about 110 ms per
        // query at 5,000 dealers, even on an empty table, in binding the parameters by name.
        var ids = dealers.Select(d => d.Id).ToList();
        var customers = dealers.Select(d => d.CustomerId).ToList();
        var (first, last) = (quarter.Start, quarter.End);
        var lastMonth = new DateOnly(last.Year, last.Month, 1);

        // Month and quarter targets in one query, named by period so that each is one seek of the unique (owner, period, measure,
        // line, product) index: a range on the period's dates read all of a dealer's targets (15 a dealer at L, each a row lookup).
        var periods = quarter.Children(PeriodKind.Month).Append(quarter).Select(p => p.ToString()).ToList();
        var targets = await db.Targets.Where(t => t.OwnerType == TargetOwnerType.Dealer && EF.Parameter(ids).Contains(t.OwnerId) && periods.Contains(t.Period)
                && t.Measure == TargetMeasure.Revenue && t.ProductLine == "" && t.ProductId == null)
            .GroupBy(t => new { t.OwnerId, t.PeriodKind }).Select(g => new { g.Key.OwnerId, g.Key.PeriodKind, Amount = g.Sum(t => t.Amount) }).ToListAsync(ct);
        var monthly = targets.Where(t => t.PeriodKind == PeriodKind.Month).ToDictionary(t => t.OwnerId, t => t.Amount);
        var quarterly = targets.Where(t => t.PeriodKind == PeriodKind.Quarter).ToDictionary(t => t.OwnerId, t => t.Amount);

        var sellIn = await MeasureFacts.Actual(db, clock, TargetMeasure.Revenue, "", null, first, last)!.Where(f => EF.Parameter(ids).Contains(f.DealerKey))
            .GroupBy(f => f.DealerKey).Select(g => new { g.Key, Amount = g.Sum(f => f.Amount), Quantity = g.Sum(f => f.Quantity) })
            .ToDictionaryAsync(x => x.Key, ct);

        var reports = db.StockReports.Where(r => EF.Parameter(ids).Contains(r.DealerId) && r.Status == StockReportStatus.Submitted && r.Month >= first && r.Month <= lastMonth);
        var reportCounts = await reports.GroupBy(r => r.DealerId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var sold = await (from l in db.StockReportLines
                          join r in reports on l.StockReportId equals r.Id
                          group l by r.DealerId into g
                          select new { g.Key, Sales = g.Sum(l => l.Sales) }).ToDictionaryAsync(x => x.Key, x => x.Sales, ct);
        var quarterEnd = await (from r in reports
                                where r.Month == lastMonth
                                select new
                                {
                                    r.DealerId,
                                    Lines = db.StockReportLines.Count(l => l.StockReportId == r.Id),
                                    Healthy = db.StockReportLines.Count(l => l.StockReportId == r.Id && (l.Flags & Unhealthy) == StockFlags.None),
                                }).ToDictionaryAsync(x => x.DealerId, ct);

        var due = from i in db.Invoices
                  where EF.Parameter(customers).Contains(i.CustomerId) && i.Status != InvoiceStatus.Cancelled && i.DueDate >= first && i.DueDate <= last
                  select i;
        var invoiced = await due.GroupBy(i => i.CustomerId).Select(g => new { g.Key, Total = g.Sum(i => i.Total) }).ToDictionaryAsync(x => x.Key, x => x.Total, ct);
        var grace = options.PaymentGraceDays;
        var paid = await (from a in BillingReports.AppliedPayments(db)
                          join i in due on a.InvoiceId equals i.Id
                          where a.AllocatedOn <= i.DueDate.AddDays(grace)
                          group a by i.CustomerId into g
                          select new { g.Key, Amount = g.Sum(a => a.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Amount, ct);

        var stores = await db.Stores.Where(s => s.IsActive && s.DealerId != null && EF.Parameter(ids).Contains(s.DealerId.Value))
            .GroupBy(s => s.DealerId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var compliance = await ComplianceAsync(db, ids, quarter, today, clock, options, ct);

        return dealers.ToDictionary(d => d.Id, d =>
        {
            var bought = sellIn.GetValueOrDefault(d.Id);
            var end = quarterEnd.GetValueOrDefault(d.Id);
            decimal? target = monthly.TryGetValue(d.Id, out var m) ? m : quarterly.TryGetValue(d.Id, out var q) ? q : null;
            var (obligationsDue, obligationsMet) = compliance.GetValueOrDefault(d.Id);
            return new EvaluationFacts(
                target, bought?.Amount ?? 0m, bought?.Quantity ?? 0m, sold.GetValueOrDefault(d.Id), reportCounts.GetValueOrDefault(d.Id),
                end is not null, end?.Lines ?? 0, end?.Healthy ?? 0, invoiced.GetValueOrDefault(d.CustomerId), paid.GetValueOrDefault(d.CustomerId),
                stores.GetValueOrDefault(d.Id), options.RequiredStores(d.Tier), obligationsDue, obligationsMet);
        });
    }

    /// <summary>Obligations due (deadline before <paramref name="today"/>) and met on time, per dealer.</summary>
    private static async Task<Dictionary<Guid, (int Due, int Met)>> ComplianceAsync(
        SalesFlowDbContext db, List<Guid> ids, Period quarter, DateOnly today, CompanyClock clock, DealerEvaluationOptions options, CancellationToken ct)
    {
        var months = quarter.Children(PeriodKind.Month);
        var (first, lastMonth) = (quarter.Start, months[^1].Start);
        var filed = await db.StockReports.Where(r => EF.Parameter(ids).Contains(r.DealerId) && r.Month >= first && r.Month <= lastMonth && r.SubmittedAtUtc != null)
            .Select(r => new { r.DealerId, r.Month, r.SubmittedAtUtc }).ToListAsync(ct);
        var plans = await db.MonthlyPlans.Where(p => p.OwnerType == PlanOwnerType.Dealer && EF.Parameter(ids).Contains(p.OwnerId) && p.MonthStart >= first && p.MonthStart <= lastMonth && p.SubmittedOn != null && !p.SubmittedLate)
            .Select(p => new { p.OwnerId, p.MonthStart }).ToListAsync(ct);
        var reviews = await db.MonthlyReviews.Where(r => r.OwnerType == PlanOwnerType.Dealer && EF.Parameter(ids).Contains(r.OwnerId) && r.MonthStart >= first && r.MonthStart <= lastMonth && r.SubmittedOn != null && !r.SubmittedLate)
            .Select(r => new { r.OwnerId, r.MonthStart }).ToListAsync(ct);

        var result = ids.ToDictionary(id => id, _ => (Due: 0, Met: 0));
        foreach (var month in months)
        {
            var after = month.Start.AddMonths(1);
            var stockDue = new DateOnly(after.Year, after.Month, options.StockReportDueDay);
            var stockDeadline = clock.StartOfDayUtc(stockDue.AddDays(1));
            var obligations = new[]
            {
                (Due: stockDue, Met: filed.Where(f => f.Month == month.Start && f.SubmittedAtUtc < stockDeadline).Select(f => f.DealerId).ToHashSet()),
                (Due: PlanningDeadlines.PlanDue(month), Met: plans.Where(p => p.MonthStart == month.Start).Select(p => p.OwnerId).ToHashSet()),
                (Due: PlanningDeadlines.ReviewDue(month), Met: reviews.Where(r => r.MonthStart == month.Start).Select(r => r.OwnerId).ToHashSet()),
            };
            foreach (var obligation in obligations.Where(o => o.Due < today))
            {
                foreach (var id in ids)
                {
                    var (dueCount, metCount) = result[id];
                    result[id] = (dueCount + 1, metCount + (obligation.Met.Contains(id) ? 1 : 0));
                }
            }
        }

        return result;
    }
}
