using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Planning.Actuals;

namespace SalesFlow.Core.Rebates;

public sealed record AccrualRun(DateOnly Month, int Policies, int Accruals, int Removed, decimal Increment);

/// <summary>
/// The monthly accrual (返利计提), shared by the job, Finance's on-demand run and the demo. For every active policy
/// whose period contains the month, the sell-in of each covered dealer (<see cref="SalesActuals.Sales"/> filtered by
/// dealer and product line, summed in SQL per dealer) from the period's start to the month's end and to the end of the
/// month before; the calculator turns both into earned-to-date and this month's increment. The month's rows are
/// overwritten in place (one per policy × dealer × month, a unique index), rows of dealers no longer covered removed,
/// so re-running a month replaces it and never doubles.
/// </summary>
public static class RebateAccruals
{
    public static async Task<AccrualRun> AccrueAsync(SalesFlowDbContext db, DateOnly month, DateOnly today, CancellationToken ct)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var policies = await db.RebatePolicies.Include(p => p.Tiers)
            .Where(p => p.IsActive && p.PeriodStart <= monthEnd && p.PeriodEnd >= month)
            .OrderBy(p => p.PeriodStart).ThenBy(p => p.Id)
            .ToListAsync(ct);
        var (written, removed, increment) = (0, 0, 0m);
        foreach (var policy in policies)
        {
            var toDate = await PurchasesAsync(db, policy, monthEnd, ct);
            var before = month > policy.PeriodStart ? await PurchasesAsync(db, policy, month.AddDays(-1), ct) : [];
            var existing = await db.RebateAccruals.Where(a => a.PolicyId == policy.Id && a.Month == month).ToDictionaryAsync(a => a.DealerId, ct);
            foreach (var (dealerId, amount) in toDate)
            {
                if (!existing.Remove(dealerId, out var accrual))
                {
                    accrual = new RebateAccrual(policy.Id, dealerId, month);
                    db.RebateAccruals.Add(accrual);
                }

                var earnedBefore = before.TryGetValue(dealerId, out var previous) ? policy.Calculate(previous).Rebate : 0m;
                accrual.Update(policy.Calculate(amount), earnedBefore, today);
                increment += accrual.Increment;
                written++;
            }

            db.RebateAccruals.RemoveRange(existing.Values);
            removed += existing.Count;
        }

        await db.SaveChangesAsync(ct);
        return new AccrualRun(month, policies.Count, written, removed, increment);
    }

    /// <summary>Sell-in per covered dealer from the policy period's start up to <paramref name="last"/>, summed in SQL.</summary>
    public static async Task<Dictionary<Guid, decimal>> PurchasesAsync(SalesFlowDbContext db, RebatePolicy policy, DateOnly last, CancellationToken ct)
    {
        var rows = await Facts(db, policy, last)
            .GroupBy(f => f.DealerId)
            .Select(g => new { DealerId = g.Key!.Value, Amount = g.Sum(f => f.Amount) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.DealerId, r => r.Amount);
    }

    /// <summary>The sell-in lines a policy counts: booked orders of covered dealers in the period up to <paramref name="last"/>, of its product line.</summary>
    public static IQueryable<SalesFact> Facts(SalesFlowDbContext db, RebatePolicy policy, DateOnly last)
    {
        var (line, tier) = (policy.ProductLine, policy.DealerTier);
        var end = last < policy.PeriodEnd ? last : policy.PeriodEnd;
        var facts = SalesActuals.Sales(db, policy.PeriodStart, end).Where(f => f.DealerId != null);
        if (line is not null)
        {
            facts = facts.Where(f => f.ProductLine == line);
        }

        if (tier is { } atTier)
        {
            // A tier-limited policy counts the dealers at that tier on the last day counted (tier changes are effective-dated).
            var covered = DealerAccounts.AtTier(db, end, atTier);
            facts = facts.Where(f => covered.Contains(f.DealerId!.Value));
        }

        return facts;
    }

    /// <summary>One dealer's sell-in lines under a policy (settled or accrued dealers keep their figures even after a tier change).</summary>
    public static IQueryable<SalesFact> DealerFacts(SalesFlowDbContext db, RebatePolicy policy, Guid dealerId, DateOnly last)
    {
        var line = policy.ProductLine;
        var end = last < policy.PeriodEnd ? last : policy.PeriodEnd;
        var facts = SalesActuals.Sales(db, policy.PeriodStart, end).Where(f => f.DealerId == dealerId);
        return line is null ? facts : facts.Where(f => f.ProductLine == line);
    }
}
