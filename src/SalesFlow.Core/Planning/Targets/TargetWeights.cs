using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Actuals;

namespace SalesFlow.Core.Planning.Targets;

/// <summary>
/// Last year's actuals as weights for a split (share per child) or a phasing (per month). Everything comes from
/// <see cref="SalesActuals"/> and is summed in SQL: one grouped query per split, one per phasing.
/// </summary>
public sealed class TargetWeights(CompanyClock clock)
{
    private sealed record Sum(Guid OrgUnitId, Guid OwnerId, decimal Value);

    private sealed record DaySum(DateOnly Date, decimal Value);

    /// <summary>
    /// The actual of <paramref name="target"/>'s measure in the same period last year for each child owner: an org
    /// unit counts facts booked in its subtree, an employee the facts they own (within the parent's subtree).
    /// </summary>
    public async Task<IReadOnlyList<decimal>> SharesAsync(SalesFlowDbContext db, Target target, TargetOwner parent, IReadOnlyList<TargetOwner> children, CancellationToken ct)
    {
        var last = target.PeriodValue.SameLastYear();
        var path = parent.UnitPath;
        var units = db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
        List<Sum> sums = target.Measure switch
        {
            TargetMeasure.Revenue => await Sales(db, target, last).Where(f => units.Contains(f.OrgUnitId))
                .GroupBy(f => new { f.OrgUnitId, f.OwnerId }).Select(g => new Sum(g.Key.OrgUnitId, g.Key.OwnerId, g.Sum(f => f.Amount))).ToListAsync(ct),
            TargetMeasure.Quantity => await Sales(db, target, last).Where(f => units.Contains(f.OrgUnitId))
                .GroupBy(f => new { f.OrgUnitId, f.OwnerId }).Select(g => new Sum(g.Key.OrgUnitId, g.Key.OwnerId, g.Sum(f => f.Quantity))).ToListAsync(ct),
            TargetMeasure.Collections => await SalesActuals.Collections(db, last.Start, last.End).Where(f => units.Contains(f.OrgUnitId))
                .GroupBy(f => new { f.OrgUnitId, f.OwnerId }).Select(g => new Sum(g.Key.OrgUnitId, g.Key.OwnerId, g.Sum(f => f.Amount))).ToListAsync(ct),
            TargetMeasure.NewCustomers => (await SalesActuals.NewCustomers(db, clock, last.Start, last.End).Where(f => units.Contains(f.OrgUnitId))
                .GroupBy(f => new { f.OrgUnitId, f.OwnerId }).Select(g => new { g.Key.OrgUnitId, g.Key.OwnerId, Count = g.Count() }).ToListAsync(ct))
                .Select(g => new Sum(g.OrgUnitId, g.OwnerId, g.Count)).ToList(),
            _ => [],
        };

        var byDealer = await DealerSharesAsync(db, target, last, children, ct);
        if (sums.Count == 0)
        {
            return [.. children.Select(child => byDealer.GetValueOrDefault(child.Id))];
        }

        // Unit paths of the parent's subtree, to credit a sum booked in a team to the region above it.
        var paths = await db.OrgUnits.AsNoTracking().Where(u => u.Path.StartsWith(path)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        return [.. children.Select(child => child.Type switch
        {
            TargetOwnerType.Employee => sums.Where(s => s.OwnerId == child.Id).Sum(s => s.Value),
            TargetOwnerType.Dealer => byDealer.GetValueOrDefault(child.Id),
            _ => sums.Where(s => paths.TryGetValue(s.OrgUnitId, out var p) && p.StartsWith(child.UnitPath, StringComparison.Ordinal)).Sum(s => s.Value),
        })];
    }

    /// <summary>Last year's sell-in (or payments) of the dealer children, in one grouped query; empty without dealer children.</summary>
    private static async Task<Dictionary<Guid, decimal>> DealerSharesAsync(
        SalesFlowDbContext db, Target target, Period last, IReadOnlyList<TargetOwner> children, CancellationToken ct)
    {
        var dealerIds = children.Where(c => c.Type == TargetOwnerType.Dealer).Select(c => (Guid?)c.Id).ToList();
        if (dealerIds.Count == 0)
        {
            return [];
        }

        return target.Measure switch
        {
            TargetMeasure.Revenue => await Sales(db, target, last).Where(f => dealerIds.Contains(f.DealerId))
                .GroupBy(f => f.DealerId!.Value).Select(g => new { g.Key, Value = g.Sum(f => f.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Value, ct),
            TargetMeasure.Quantity => await Sales(db, target, last).Where(f => dealerIds.Contains(f.DealerId))
                .GroupBy(f => f.DealerId!.Value).Select(g => new { g.Key, Value = g.Sum(f => f.Quantity) }).ToDictionaryAsync(g => g.Key, g => g.Value, ct),
            TargetMeasure.Collections => await SalesActuals.Collections(db, last.Start, last.End).Where(f => dealerIds.Contains(f.DealerId))
                .GroupBy(f => f.DealerId!.Value).Select(g => new { g.Key, Value = g.Sum(f => f.Amount) }).ToDictionaryAsync(g => g.Key, g => g.Value, ct),
            _ => [],
        };
    }

    /// <summary>The owner's actual of the target's measure in each of <paramref name="periods"/>' same periods last year.</summary>
    public async Task<IReadOnlyList<decimal>> SeasonalityAsync(SalesFlowDbContext db, Target target, TargetOwner owner, IReadOnlyList<Period> periods, CancellationToken ct)
    {
        var last = target.PeriodValue.SameLastYear();
        var lastPeriods = periods.Select(p => p.SameLastYear()).ToList();
        var path = owner.UnitPath;
        var units = db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
        var isUnit = owner.Type == TargetOwnerType.OrgUnit;
        var ownerId = owner.Id;
        if (target.Measure == TargetMeasure.NewCustomers)
        {
            var counts = new List<decimal>(lastPeriods.Count);
            foreach (var period in lastPeriods)
            {
                var facts = SalesActuals.NewCustomers(db, clock, period.Start, period.End);
                counts.Add(await (isUnit ? facts.Where(f => units.Contains(f.OrgUnitId)) : facts.Where(f => f.OwnerId == ownerId)).CountAsync(ct));
            }

            return counts;
        }

        // An org unit counts its subtree's facts, a dealer its sell-in and payments, a person what they own.
        var isDealer = owner.Type == TargetOwnerType.Dealer;
        IQueryable<SalesFact> MineSales(IQueryable<SalesFact> facts) =>
            isUnit ? facts.Where(f => units.Contains(f.OrgUnitId)) : isDealer ? facts.Where(f => f.DealerId == ownerId) : facts.Where(f => f.OwnerId == ownerId);
        IQueryable<CollectionFact> MineCollections(IQueryable<CollectionFact> facts) =>
            isUnit ? facts.Where(f => units.Contains(f.OrgUnitId)) : isDealer ? facts.Where(f => f.DealerId == ownerId) : facts.Where(f => f.OwnerId == ownerId);
        List<DaySum> days = target.Measure switch
        {
            TargetMeasure.Revenue => await MineSales(Sales(db, target, last)).GroupBy(f => f.Date).Select(g => new DaySum(g.Key, g.Sum(f => f.Amount))).ToListAsync(ct),
            TargetMeasure.Quantity => await MineSales(Sales(db, target, last)).GroupBy(f => f.Date).Select(g => new DaySum(g.Key, g.Sum(f => f.Quantity))).ToListAsync(ct),
            TargetMeasure.Collections => await MineCollections(SalesActuals.Collections(db, last.Start, last.End))
                .GroupBy(f => f.Date).Select(g => new DaySum(g.Key, g.Sum(f => f.Amount))).ToListAsync(ct),
            _ => [],
        };

        return [.. lastPeriods.Select(p => days.Where(d => p.Contains(d.Date)).Sum(d => d.Value))];
    }

    private static IQueryable<SalesFact> Sales(SalesFlowDbContext db, Target target, Period period)
    {
        var facts = SalesActuals.Sales(db, period.Start, period.End);
        if (target.ProductLine.Length > 0)
        {
            var line = target.ProductLine;
            facts = facts.Where(f => f.ProductLine == line);
        }

        if (target.ProductId is { } product)
        {
            facts = facts.Where(f => f.ProductId == product);
        }

        return facts;
    }
}
