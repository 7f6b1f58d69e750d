using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Demo;

/// <summary>
/// The demo company's targets (PRODUCT.md §2), read from the saved order history: this year's company revenue target
/// at about 110 % of last year's actual, split by last year's share to the six regions, each region to its teams and
/// each team to its people (every other team by hand, in round numbers), every person's year target phased into months
/// by their own seasonality; the company target locked. Also a quantity target for cement in 华东 (split to its teams)
/// and next year's company target as an unsplit draft for the director. Every trading dealer has its yearly sell-in
/// target (its contract's purchase target, last year's sell-in × 110 %), phased into months by its own seasonality. Last year's actuals come from
/// <see cref="SalesActuals"/> in one grouped query; the arithmetic is <see cref="TargetAllocation"/>'s, as in the use cases.
/// </summary>
internal static class DemoTargets
{
    public const decimal Growth = 1.10m;
    public const decimal NextYearGrowth = 1.12m;
    public const string QuantitySku = "BM-CEM-P425";
    private const int BatchSize = 500;

    private sealed record Fact(Guid OrgUnitId, Guid OwnerId, DateOnly Date, decimal Amount);

    public static async Task<int> AddAsync(IDbContextFactory<SalesFlowDbContext> dbFactory, DateOnly today, CancellationToken ct)
    {
        var year = Period.OfYear(today.Year);
        var last = year.SameLastYear();
        List<OrgUnit> units;
        List<(Guid Id, Guid OrgUnitId, Position Position, string EmployeeNo)> people;
        List<Fact> facts;
        (Guid Id, string Line)? cement;
        List<(Guid Id, Guid OrgUnitId, int Month, decimal Amount)> sellIn;
        decimal cementEast;
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            units = await read.OrgUnits.AsNoTracking().Where(u => !u.IsDeleted).ToListAsync(ct);
            people = [.. (await read.Employees.AsNoTracking().Where(e => e.IsActive && (e.Position == Position.SalesRep || e.Position == Position.Supervisor))
                .Select(e => new { e.Id, e.OrgUnitId, e.Position, e.EmployeeNo }).ToListAsync(ct)).Select(e => (e.Id, e.OrgUnitId, e.Position, e.EmployeeNo))];
            facts = await SalesActuals.Sales(read, last.Start, last.End)
                .GroupBy(f => new { f.OrgUnitId, f.OwnerId, f.Date })
                .Select(g => new Fact(g.Key.OrgUnitId, g.Key.OwnerId, g.Key.Date, g.Sum(f => f.Amount)))
                .ToListAsync(ct);
            sellIn = [.. (await SalesActuals.Sales(read, last.Start, last.End)
                .Where(f => f.DealerId != null && read.Dealers.Any(d => d.Id == f.DealerId && d.Status == Dealers.DealerStatus.Active))
                .GroupBy(f => new { DealerId = f.DealerId!.Value, f.Date.Month })
                .Select(g => new { g.Key.DealerId, g.Key.Month, Amount = g.Sum(f => f.Amount) })
                .Join(read.Dealers, g => g.DealerId, d => d.Id, (g, d) => new { g.DealerId, d.OrgUnitId, g.Month, g.Amount })
                .ToListAsync(ct)).Select(g => (g.DealerId, g.OrgUnitId, g.Month, g.Amount))];
            var product = await read.Products.AsNoTracking().Where(p => p.Sku == QuantitySku).Select(p => new { p.Id, p.ProductLine }).FirstOrDefaultAsync(ct);
            cement = product is null ? null : (product.Id, product.ProductLine);
            var east = units.FirstOrDefault(u => u.Kind == OrgUnitKind.Region && u.Code == "HD");
            cementEast = cement is { } c && east is not null
                ? await SalesActuals.Sales(read, last.Start, last.End).Where(f => f.ProductId == c.Id && read.OrgUnits.Any(u => u.Id == f.OrgUnitId && u.Path.StartsWith(east.Path)))
                    .SumAsync(f => f.Quantity, ct)
                : 0m;
        }

        var company = units.SingleOrDefault(u => u.Kind == OrgUnitKind.Company);
        if (company is null || facts.Count == 0)
        {
            return 0;
        }

        var pathOf = units.ToDictionary(u => u.Id, u => u.Path);
        decimal UnitActual(OrgUnit unit) => facts.Where(f => pathOf.TryGetValue(f.OrgUnitId, out var p) && p.StartsWith(unit.Path, StringComparison.Ordinal)).Sum(f => f.Amount);

        var targets = new List<Target>();
        var phases = new List<Target>();
        var companyTarget = new Target(year, TargetMeasure.Revenue, "", null, TargetOwnerType.OrgUnit, company.Id, company.Id, Round(UnitActual(company) * Growth, 10_000m));
        companyTarget.Note("年度目标：去年实际 × 110%");
        targets.Add(companyTarget);

        var teamIndex = 0;
        var regions = units.Where(u => u.ParentId == company.Id && u.Kind == OrgUnitKind.Region).OrderBy(u => u.Code).ToList();
        foreach (var (region, regionTarget) in Split(companyTarget, regions, [.. regions.Select(UnitActual)], SplitMethod.LastYearShare, "按去年占比分解"))
        {
            targets.Add(regionTarget);
            var teams = units.Where(u => u.ParentId == region.Id && u.Kind == OrgUnitKind.Team).OrderBy(u => u.Code).ToList();
            foreach (var (team, teamTarget) in Split(regionTarget, teams, [.. teams.Select(UnitActual)], SplitMethod.LastYearShare, "按去年占比分解到团队"))
            {
                targets.Add(teamTarget);
                var members = people.Where(p => p.OrgUnitId == team.Id).OrderBy(p => p.Position).ThenBy(p => p.EmployeeNo).ToList();
                var weights = members.Select(m => facts.Where(f => f.OwnerId == m.Id).Sum(f => f.Amount)).ToList();

                // Every other team is split by hand: last year's shares rounded to ten thousand, the rest to the largest.
                var byHand = teamIndex++ % 2 == 1;
                foreach (var (member, share) in SplitPeople(teamTarget, members, weights, byHand))
                {
                    targets.Add(share);
                    var monthly = Enumerable.Range(1, 12)
                        .Select(m => facts.Where(f => f.OwnerId == member.Id && f.Date.Month == m).Sum(f => f.Amount)).ToList();
                    var method = monthly.Any(w => w > 0) ? PhasingMethod.LastYearSeasonality : PhasingMethod.Equal;
                    var amounts = method == PhasingMethod.Equal
                        ? TargetAllocation.Equal(share.Amount, 12, 2).Value!
                        : TargetAllocation.ByWeights(share.Amount, monthly, 2).Value!;
                    var months = year.Children(PeriodKind.Month);
                    for (var m = 0; m < 12; m++)
                    {
                        phases.Add(share.ChildFor(TargetOrigin.Phased, months[m], share.OwnerType, share.OwnerId, share.OrgUnitId, amounts[m], "按去年季节性分月"));
                    }

                    share.MarkPhased(method, "按去年季节性分月");
                }
            }
        }

        companyTarget.Lock("年度目标已确认");

        if (cement is { } cementProduct && cementEast > 0 && regions.FirstOrDefault(r => r.Code == "HD") is { } eastRegion)
        {
            var quantity = new Target(year, TargetMeasure.Quantity, cementProduct.Line, cementProduct.Id, TargetOwnerType.OrgUnit, eastRegion.Id, eastRegion.Id, Round(cementEast * Growth, 10m));
            quantity.Note("水泥销量目标：去年 × 110%");
            targets.Add(quantity);
            var teams = units.Where(u => u.ParentId == eastRegion.Id && u.Kind == OrgUnitKind.Team).OrderBy(u => u.Code).ToList();
            targets.AddRange(Split(quantity, teams, [.. teams.Select(_ => 1m)], SplitMethod.Equal, "平均分解").Select(s => s.Target));
        }

        foreach (var dealer in sellIn.GroupBy(s => (s.Id, s.OrgUnitId)).OrderBy(g => g.Key.Id))
        {
            var target = new Target(year, TargetMeasure.Revenue, "", null, TargetOwnerType.Dealer, dealer.Key.Id, dealer.Key.OrgUnitId, Round(dealer.Sum(s => s.Amount) * Growth, 10_000m));
            target.Note("经销商年度进货目标：去年进货 × 110%");
            targets.Add(target);
            var amounts = TargetAllocation.ByWeights(target.Amount, [.. Enumerable.Range(1, 12).Select(m => dealer.Where(s => s.Month == m).Sum(s => s.Amount))], 2).Value!;
            var months = year.Children(PeriodKind.Month);
            for (var m = 0; m < 12; m++)
            {
                phases.Add(target.ChildFor(TargetOrigin.Phased, months[m], TargetOwnerType.Dealer, dealer.Key.Id, dealer.Key.OrgUnitId, amounts[m], "按去年季节性分月"));
            }

            target.MarkPhased(PhasingMethod.LastYearSeasonality, "按去年季节性分月");
        }

        var nextYear = new Target(Period.OfYear(year.Year + 1), TargetMeasure.Revenue, "", null, TargetOwnerType.OrgUnit, company.Id, company.Id,
            Round(companyTarget.Amount * NextYearGrowth, 10_000m));
        nextYear.Note("明年目标草案，待分解");
        targets.Add(nextYear);

        await using (var db = await dbFactory.OpenAsync(Actor.System, ct))
        {
            db.Targets.AddRange(targets);
            await db.SaveChangesAsync(ct);
        }

        foreach (var batch in phases.Chunk(BatchSize))
        {
            await using var db = await dbFactory.OpenAsync(Actor.System, ct);
            db.Targets.AddRange(batch);
            await db.SaveChangesAsync(ct);
        }

        return targets.Count + phases.Count;
    }

    private static decimal Round(decimal value, decimal unit) => Math.Max(unit, decimal.Round(value / unit, MidpointRounding.AwayFromZero) * unit);

    private static IEnumerable<(OrgUnit Unit, Target Target)> Split(Target parent, List<OrgUnit> children, List<decimal> weights, SplitMethod method, string reason)
    {
        if (children.Count == 0)
        {
            yield break;
        }

        var decimals = TargetAllocation.DecimalsOf(parent.Measure);
        var amounts = TargetAllocation.ByWeights(parent.Amount, weights, decimals) is { IsSuccess: true } byWeights
            ? byWeights.Value!
            : TargetAllocation.Equal(parent.Amount, children.Count, decimals).Value!;
        parent.MarkSplit(method, reason);
        for (var i = 0; i < children.Count; i++)
        {
            yield return (children[i], parent.ChildFor(TargetOrigin.Split, parent.PeriodValue, TargetOwnerType.OrgUnit, children[i].Id, children[i].Id, amounts[i], reason));
        }
    }

    private static List<((Guid Id, Guid OrgUnitId, Position Position, string EmployeeNo) Member, Target Target)> SplitPeople(
        Target parent, List<(Guid Id, Guid OrgUnitId, Position Position, string EmployeeNo)> members, List<decimal> weights, bool byHand)
    {
        if (members.Count == 0)
        {
            return [];
        }

        var shares = TargetAllocation.ByWeights(parent.Amount, weights, 2) is { IsSuccess: true } byShare
            ? byShare.Value!
            : TargetAllocation.Equal(parent.Amount, members.Count, 2).Value!;
        var method = SplitMethod.LastYearShare;
        var reason = "按去年占比分解到个人";
        if (byHand)
        {
            // Round numbers as a manager would type them; what rounding leaves goes to the largest share.
            var typed = shares.Select(s => decimal.Round(s / 10_000m, MidpointRounding.AwayFromZero) * 10_000m).ToArray();
            var largest = Array.IndexOf(typed, typed.Max());
            typed[largest] += parent.Amount - typed.Sum();
            if (typed.All(t => t >= 0))
            {
                shares = typed;
                method = SplitMethod.Manual;
                reason = "主管按客户情况手工分配";
            }
        }

        parent.MarkSplit(method, reason);
        return [.. members.Select((m, i) => (m, parent.ChildFor(TargetOrigin.Split, parent.PeriodValue, TargetOwnerType.Employee, m.Id, m.OrgUnitId, shares[i], reason)))];
    }
}
