using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.Rebates;

namespace SalesFlow.Core.Demo;

/// <summary>
/// The demo company's rebates, read from the saved sell-in: last year's and this year's annual policy per product line
/// (three or four tiers set at round amounts around what the dealers really bought last year, so some dealers reach
/// each tier and some are just short; one line progressive, the others whole-amount), one quarterly policy for Gold
/// dealers (this year's Q3), accruals for every month so far (by <see cref="RebateAccruals"/>, as the job does), and
/// last year's periods settled in January with credit notes, part of them already used on the dealer's open invoices.
/// </summary>
internal static class DemoRebates
{
    private static readonly Actor Finance = Actor.System with { UserName = "finance" };

    public static async Task<(int Policies, int Accruals, int CreditNotes)> AddAsync(IDbContextFactory<SalesFlowDbContext> dbFactory, DateOnly today, CancellationToken ct)
    {
        var (thisYear, lastYear) = (today.Year, today.Year - 1);
        List<(string Line, Guid DealerId, decimal Amount)> lastYearSales;
        List<decimal> q3Gold;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            lastYearSales = [.. (await SalesActuals.Sales(read, new DateOnly(lastYear, 1, 1), new DateOnly(lastYear, 12, 31))
                .Where(f => f.DealerId != null)
                .GroupBy(f => new { f.ProductLine, f.DealerId })
                .Select(g => new { g.Key.ProductLine, DealerId = g.Key.DealerId!.Value, Amount = g.Sum(f => f.Amount) })
                .ToListAsync(ct)).Select(r => (r.ProductLine, r.DealerId, r.Amount))];
            q3Gold = await SalesActuals.Sales(read, new DateOnly(lastYear, 7, 1), new DateOnly(lastYear, 9, 30))
                .Where(f => read.Dealers.Any(d => d.Id == f.DealerId && d.Tier == DealerTier.Gold))
                .GroupBy(f => f.DealerId)
                .Select(g => g.Sum(f => f.Amount))
                .ToListAsync(ct);
        }

        if (lastYearSales.Count == 0)
        {
            return (0, 0, 0);
        }

        var policies = new List<RebatePolicy>();
        var lines = lastYearSales.Select(s => s.Line).Distinct().Order(StringComparer.Ordinal).ToList();
        for (var i = 0; i < lines.Count; i++)
        {
            var amounts = lastYearSales.Where(s => s.Line == lines[i]).Select(s => s.Amount).Order().ToList();
            var scale = Scale(amounts, i % 2 == 0 ? [0.35, 0.65, 0.9] : [0.25, 0.5, 0.75, 0.9], i % 2 == 0 ? [2m, 3m, 4m] : [1m, 2m, 3m, 4.5m]);
            var method = i == 1 ? RebateMethod.Progressive : RebateMethod.WholeAmount;
            policies.Add(new RebatePolicy($"{lastYear}年度{lines[i]}返利", RebatePeriodKind.Annual, lastYear, null, lines[i], null, method, scale));
            var raised = scale.Select(t => new RebateTier(Round(t.Threshold * 1.1m), t.RatePercent)).ToList();
            policies.Add(new RebatePolicy($"{thisYear}年度{lines[i]}返利", RebatePeriodKind.Annual, thisYear, null, lines[i], null, method, Ascending(raised)));
        }

        if (q3Gold.Count > 0)
        {
            var scale = Scale([.. q3Gold.Order()], [0.4, 0.8], [0.5m, 1m]);
            policies.Add(new RebatePolicy($"{thisYear}年三季度金牌经销商冲量奖", RebatePeriodKind.Quarterly, thisYear, 3, null, DealerTier.Gold, RebateMethod.WholeAmount, scale));
        }

        var accruals = 0;
        var notes = 0;
        await using (var db = await dbFactory.OpenAsync(Finance, ct))
        {
            foreach (var policy in policies)
            {
                db.RebatePolicies.Add(policy);
                DemoHistory.Created(db, policy, new DateTime(policy.Year - 1, 12, 20, 2, 0, 0, DateTimeKind.Utc));
            }

            await db.SaveChangesAsync(ct);
        }

        for (var month = new DateOnly(lastYear, 1, 1); month <= today; month = month.AddMonths(1))
        {
            await using var db = await dbFactory.OpenAsync(Finance, ct);
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var run = await RebateAccruals.AccrueAsync(db, month, monthEnd < today ? monthEnd.AddDays(1) : today, ct);
            accruals += run.Accruals;
        }

        // Last year's periods, settled by Finance on 15 January; every other credit note already used on the dealer's open invoices.
        var settledOn = new DateOnly(thisYear, 1, 15);
        await using (var db = await dbFactory.OpenAsync(Finance, ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var last = await db.RebatePolicies.Include(p => p.Tiers).Where(p => p.Year == lastYear).OrderBy(p => p.Name).ToListAsync(ct);
            foreach (var policy in last)
            {
                var dealerIds = await db.RebateAccruals.Where(a => a.PolicyId == policy.Id && a.EarnedToDate > 0).Select(a => a.DealerId).Distinct().ToListAsync(ct);
                var dealers = await db.Dealers.Where(d => dealerIds.Contains(d.Id)).OrderBy(d => d.Code).ToListAsync(ct);
                foreach (var dealer in dealers)
                {
                    var settled = await RebateSettling.SettleAsync(db, policy, dealer, settledOn, ct);
                    if (!settled.IsSuccess)
                    {
                        continue;
                    }

                    var at = new DateTime(thisYear, 1, 15, 3, 0, 0, DateTimeKind.Utc);
                    DemoHistory.Created(db, settled.Value!, at);
                    var note = db.CreditNotes.Local.Single(n => n.Id == settled.Value!.CreditNoteId);
                    DemoHistory.Created(db, note, at);
                    notes++;
                    if (notes % 2 == 0)
                    {
                        var open = await db.Invoices
                            .Where(i => i.CustomerId == dealer.CustomerId && i.IssueDate >= settledOn && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid))
                            .OrderBy(i => i.IssueDate).ThenBy(i => i.Id).Take(3).ToListAsync(ct);
                        foreach (var invoice in open)
                        {
                            var use = Math.Min(note.Unapplied, invoice.Outstanding);
                            if (use > 0)
                            {
                                note.Allocate(invoice, use, invoice.IssueDate);
                            }
                        }
                    }
                }
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        return (policies.Count, accruals, notes);
    }

    /// <summary>Thresholds at the given shares of last year's sorted amounts, in round 万 (10,000), strictly ascending.</summary>
    private static List<RebateTier> Scale(List<decimal> sorted, double[] at, decimal[] rates)
    {
        var tiers = at.Select((share, i) => new RebateTier(Round(sorted[Math.Min(sorted.Count - 1, (int)(share * sorted.Count))]), rates[i])).ToList();
        return Ascending(tiers);
    }

    private static List<RebateTier> Ascending(List<RebateTier> tiers)
    {
        for (var i = 0; i < tiers.Count; i++)
        {
            var floor = i == 0 ? 10_000m : tiers[i - 1].Threshold + 10_000m;
            if (tiers[i].Threshold < floor)
            {
                tiers[i] = tiers[i] with { Threshold = floor };
            }
        }

        return tiers;
    }

    /// <summary>Two significant digits, in whole 万: 1,234,567 → 1,200,000; 87,654 → 90,000.</summary>
    private static decimal Round(decimal amount)
    {
        if (amount < 10_000m)
        {
            return 10_000m;
        }

        var digits = (int)Math.Floor(Math.Log10((double)amount));
        var unit = (decimal)Math.Pow(10, Math.Max(4, digits - 1));
        return Math.Round(amount / unit, MidpointRounding.AwayFromZero) * unit;
    }
}
