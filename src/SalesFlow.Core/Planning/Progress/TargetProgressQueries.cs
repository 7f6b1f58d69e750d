using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Exports;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.Planning.Summaries;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning.Progress;

/// <summary>
/// Plan vs. actual at every node (issue 5, capability 5). A node is a target the caller can see (404 otherwise); its
/// split children are the nodes one level down. Numbers come only from <see cref="MeasureFacts"/> (i.e.
/// <see cref="SalesActuals"/> and approved plans) and are summed in SQL with a fixed number of grouped queries per
/// call, however many children there are: facts of org-unit nodes grouped by the unit they were booked in (then
/// added up per child by <see cref="Organization.OrgUnit.Path"/> prefix over the few grouped rows), facts of employee
/// nodes grouped by owner.
/// </summary>
public sealed class TargetProgressQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static readonly SortWhitelist<Order> OrderSorts = new(
        "-orderDate",
        SortOption<Order>.By("orderDate", o => o.OrderDate),
        SortOption<Order>.By("number", o => o.Number));

    public async Task<Result<TargetProgress>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewTargets) is { } denied)
        {
            return denied;
        }

        await using var db = await OpenFreshAsync(ct);
        // The node and its split children in one query, each with its owner's name and (for a unit) path.
        var rows = await Named(db, db.Targets.AsNoTracking().VisibleTo(actor).Where(t => t.Id == id || (t.ParentId == id && t.Origin == TargetOrigin.Split))).ToListAsync(ct);
        var node = rows.SingleOrDefault(r => r.T.Id == id);
        if (node is null)
        {
            return ProgressErrors.TargetNotFound(id);
        }

        var children = rows.Where(r => r.T.Id != id).OrderByDescending(c => c.T.Amount).ThenBy(c => c.OwnerName, StringComparer.Ordinal).ToList();
        var t = node.T;
        var all = children.Prepend(node).ToList();
        var unitPaths = t.Measure == TargetMeasure.MarketShare
            ? []
            : all.Where(n => n.OwnerPath is not null).DistinctBy(n => n.T.OwnerId).ToDictionary(n => n.T.OwnerId, n => n.OwnerPath!);
        var actual = await TotalsAsync(db, t, all, unitPaths, planned: false, ct);
        var planned = await TotalsAsync(db, t, all, unitPaths, planned: true, ct);
        var today = clock.Today;
        var childRows = children.Select(c => Build(c, actual, planned, today, [])).ToList();
        return Build(node, actual, planned, today, childRows);
    }

    /// <summary>
    /// The node's months: target per month from its phased children (months, or quarters phased further into months;
    /// a quarter without months is prorated by days), else the node's target prorated by days; actual and planned per month.
    /// </summary>
    public async Task<Result<ProgressMonths>> MonthsAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewTargets) is { } denied)
        {
            return denied;
        }

        await using var db = await OpenFreshAsync(ct);
        var t = await db.Targets.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return ProgressErrors.TargetNotFound(id);
        }

        var period = t.PeriodValue;
        var months = period.Kind == PeriodKind.Month ? [period] : period.Children(PeriodKind.Month);
        var decimals = ProgressMath.Decimals(t.Measure);
        var (targets, fromPhasing) = await MonthTargetsAsync(db, t, months, decimals, ct);

        var subtree = await SubtreeAsync(db, t, ct);
        Dictionary<(int Year, int Month), decimal>? actualByMonth = null;
        if (ActualFor(db, t, t.PeriodStart, t.PeriodEnd) is { } facts)
        {
            if (MeasureFacts.IsCount(t.Measure))
            {
                actualByMonth = [];
                foreach (var month in months)
                {
                    var monthFacts = ActualFor(db, t, month.Start, month.End)!;
                    actualByMonth[(month.Year, month.Number)] = await ForNode(monthFacts, t, subtree).CountAsync(ct);
                }
            }
            else
            {
                // Grouped by the date as stored and folded into months here: the summaries' dates are already months, and
                // taking the year and month apart in SQL cost SQLite two strftime calls per row (16 of 23 ms at L).
                actualByMonth = (await ForNode(facts, t, subtree).GroupBy(f => f.Date)
                        .Select(g => new { Date = g.Key, Value = g.Sum(f => f.Value) }).ToListAsync(ct))
                    .GroupBy(r => (r.Date.Year, r.Date.Month)).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
            }
        }

        Dictionary<DateOnly, decimal>? plannedByMonth = null;
        if (MeasureFacts.Planned(db, t.Measure, t.ProductLine, t.ProductId, t.PeriodStart, t.PeriodEnd) is { } plans)
        {
            plannedByMonth = (await ForNode(plans, t, subtree).GroupBy(f => f.MonthStart)
                    .Select(g => new { Month = g.Key, Value = g.Sum(f => f.Value) }).ToListAsync(ct))
                .ToDictionary(r => r.Month, r => r.Value);
        }

        var rows = months.Select((m, i) => new ProgressMonth(
            m.ToString(),
            targets[i],
            plannedByMonth is null ? null : Math.Round(plannedByMonth.GetValueOrDefault(m.Start), decimals, MidpointRounding.AwayFromZero),
            actualByMonth is null ? null : Math.Round(actualByMonth.GetValueOrDefault((m.Year, m.Number)), decimals, MidpointRounding.AwayFromZero)))
            .ToList();
        return new ProgressMonths(t.Id, t.Period, t.Measure, fromPhasing, rows);
    }

    /// <summary>Planned and actual net amounts and quantities of the node per product line, with the owner's line targets.</summary>
    public async Task<Result<ProductLineBreakdown>> ProductLinesAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewTargets) is { } denied)
        {
            return denied;
        }

        await using var db = await OpenFreshAsync(ct);
        var t = await db.Targets.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return ProgressErrors.TargetNotFound(id);
        }

        // Lines of sales: the node's own product scope for a revenue or quantity target, every line otherwise.
        var measure = MeasureFacts.IsSales(t.Measure) ? t.Measure : TargetMeasure.Revenue;
        var (line, product) = MeasureFacts.IsSales(t.Measure) ? (t.ProductLine, t.ProductId) : ("", null);
        var subtree = await SubtreeAsync(db, t, ct);
        var actual = await ForNode(MeasureFacts.Actual(db, clock, measure, line, product, t.PeriodStart, t.PeriodEnd)!, t, subtree)
            .GroupBy(f => f.ProductLine)
            .Select(g => new { Line = g.Key, Amount = g.Sum(f => f.Amount), Quantity = g.Sum(f => f.Quantity) })
            .ToListAsync(ct);
        var planned = await ForNode(MeasureFacts.Planned(db, measure, line, product, t.PeriodStart, t.PeriodEnd)!, t, subtree)
            .GroupBy(f => f.ProductLine)
            .Select(g => new { Line = g.Key, Amount = g.Sum(f => f.Amount), Quantity = g.Sum(f => f.Quantity) })
            .ToListAsync(ct);
        var lineTargets = MeasureFacts.IsSales(t.Measure)
            ? await db.Targets.AsNoTracking()
                .Where(x => x.OwnerType == t.OwnerType && x.OwnerId == t.OwnerId && x.Period == t.Period && x.Measure == t.Measure && x.ProductLine != "" && x.ProductId == null)
                .Select(x => new { x.ProductLine, x.Amount })
                .ToDictionaryAsync(x => x.ProductLine, x => x.Amount, ct)
            : [];

        var names = actual.Select(a => a.Line).Union(planned.Select(p => p.Line)).Union(lineTargets.Keys).Distinct().OrderBy(n => n, StringComparer.Ordinal);
        var rows = names.Select(n =>
        {
            var a = actual.FirstOrDefault(x => x.Line == n);
            var p = planned.FirstOrDefault(x => x.Line == n);
            decimal? target = lineTargets.TryGetValue(n, out var amount) ? amount : null;
            var (plannedValue, actualValue) = t.Measure == TargetMeasure.Quantity ? (p?.Quantity ?? 0m, a?.Quantity ?? 0m) : (p?.Amount ?? 0m, a?.Amount ?? 0m);
            return new ProductLineProgress(n, target, p?.Amount ?? 0m, a?.Amount ?? 0m, p?.Quantity ?? 0m, a?.Quantity ?? 0m, target - plannedValue, target - actualValue);
        }).ToList();
        return new ProductLineBreakdown(t.Id, t.Period, rows);
    }

    /// <summary>
    /// The orders behind a revenue or quantity node's actual: booked orders of the node in the period (with a line the
    /// target counts), within the caller's order scope, with the net amount and base quantity of the counted lines.
    /// </summary>
    public async Task<Result<Page<ProgressOrderRow>>> OrdersAsync(Actor actor, Guid id, PageRequest page, CancellationToken ct)
    {
        if ((actor.Require(PlanningPermissions.ViewTargets) ?? actor.Require(OrderPermissions.View)) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var t = await db.Targets.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(x => x.Id == id, ct);
        if (t is null)
        {
            return ProgressErrors.TargetNotFound(id);
        }

        if (!MeasureFacts.IsSales(t.Measure))
        {
            return ProgressErrors.NoOrders(t.Measure);
        }

        if (t.OwnerType is not (TargetOwnerType.OrgUnit or TargetOwnerType.Employee or TargetOwnerType.Dealer))
        {
            return new Page<ProgressOrderRow>([], null, page.Count ? 0 : null);
        }

        var (first, last) = (t.PeriodStart, t.PeriodEnd);
        var orders = db.Orders.AsNoTracking().VisibleTo(actor)
            .Where(o => o.OrderDate >= first && o.OrderDate <= last && SalesActuals.BookedStatuses.Contains(o.Status));
        if (t.OwnerType == TargetOwnerType.OrgUnit)
        {
            var path = await db.OrgUnits.Where(u => u.Id == t.OwnerId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
            var subtree = db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
            orders = orders.Where(o => subtree.Contains(o.OrgUnitId));
        }
        else if (t.OwnerType == TargetOwnerType.Dealer)
        {
            var dealer = t.OwnerId;
            orders = orders.Where(o => o.DealerId == dealer);
        }
        else
        {
            var owner = t.OwnerId;
            orders = orders.Where(o => o.OwnerId == owner);
        }

        var lines = db.OrderLines.AsQueryable();
        if (t.ProductId is { } productId)
        {
            lines = lines.Where(l => l.ProductId == productId);
        }
        else if (t.ProductLine.Length > 0)
        {
            var productLine = t.ProductLine;
            var inLine = db.Products.Where(p => p.ProductLine == productLine).Select(p => p.Id);
            lines = lines.Where(l => inLine.Contains(l.ProductId));
        }

        if (t.ProductId is not null || t.ProductLine.Length > 0)
        {
            orders = orders.Where(o => lines.Any(l => l.OrderId == o.Id));
        }

        return await OrderSorts.PageAsync(orders, page, o => new ProgressOrderRow(
            o.Id,
            o.Number,
            o.OrderDate,
            o.CustomerId,
            db.Customers.Where(c => c.Id == o.CustomerId).Select(c => c.Name).First(),
            o.OwnerId,
            db.Employees.Where(e => e.Id == o.OwnerId).Select(e => e.Name).First(),
            lines.Where(l => l.OrderId == o.Id).Sum(l => l.NetAmount),
            lines.Where(l => l.OrderId == o.Id).Sum(l => l.BaseQuantity)), ct);
    }

    /// <summary>A context on which the sales summaries have caught up with every committed order change (usually none pending).</summary>
    private async Task<SalesFlowDbContext> OpenFreshAsync(CancellationToken ct)
    {
        var db = await dbFactory.CreateDbContextAsync(ct);
        await SalesSummaries.CatchUpAsync(db, ct);
        return db;
    }

    /// <summary>The visible ancestors of a node, root first (for the breadcrumb); stops at the first one the caller cannot see.</summary>
    public async Task<Result<IReadOnlyList<ProgressCrumb>>> AncestorsAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewTargets) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var parent = await db.Targets.AsNoTracking().VisibleTo(actor).Where(t => t.Id == id).Select(t => new { t.ParentId }).SingleOrDefaultAsync(ct);
        if (parent is null)
        {
            return ProgressErrors.TargetNotFound(id);
        }

        var crumbs = new List<ProgressCrumb>();
        var next = parent.ParentId;
        for (var depth = 0; next is { } current && depth < 10; depth++)
        {
            var found = await Named(db, db.Targets.AsNoTracking().VisibleTo(actor).Where(t => t.Id == current)).SingleOrDefaultAsync(ct);
            if (found is null)
            {
                break;
            }

            crumbs.Insert(0, new ProgressCrumb(found.T.Id, found.OwnerName ?? "", found.T.Period));
            next = found.T.ParentId;
        }

        return crumbs;
    }

    /// <summary>
    /// Where plan vs. actual starts for the caller: of the visible company-wide targets (no product scope) of that
    /// period and measure, the one highest in the tree — the company for the director, the region for its manager,
    /// their own for a rep. Null when there is none.
    /// </summary>
    public async Task<Result<Guid?>> TopAsync(Actor actor, Period period, TargetMeasure measure, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewTargets) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var text = period.ToString();
        var top = await db.Targets.AsNoTracking().VisibleTo(actor)
            .Where(t => t.Period == text && t.Measure == measure && t.ProductLine == "" && t.ProductId == null)
            .Join(db.OrgUnits, t => t.OrgUnitId, u => u.Id, (t, u) => new { t.Id, u.Depth, Rank = t.OwnerType == TargetOwnerType.OrgUnit ? 0 : 1, t.Amount })
            .OrderBy(x => x.Depth).ThenBy(x => x.Rank).ThenByDescending(x => x.Amount).ThenBy(x => x.Id)
            .Select(x => (Guid?)x.Id)
            .FirstOrDefaultAsync(ct);
        return top;
    }

    /// <summary>The node and its children as a table for <see cref="TableFile"/>; headers in the caller's language.</summary>
    public async Task<Result<ExportTable>> ExportAsync(Actor actor, Guid id, CancellationToken ct)
    {
        var progress = await GetAsync(actor, id, ct);
        if (!progress.IsSuccess)
        {
            return progress.Error!;
        }

        var node = progress.Value!;
        var headers = ExportQueries.Localized(
            ("level", "层级"), ("owner", "负责人/组织"), ("ownerType", "类型"), ("period", "期间"), ("measure", "指标"), ("productLine", "产品线"),
            ("target", "目标"), ("planned", "计划"), ("actual", "实际"), ("gap", "差额"), ("planGap", "目标与计划差额"), ("attainment", "达成率 %"), ("forecast", "预测"));
        var d = ProgressMath.Decimals(node.Measure);
        var rows = node.Children.Prepend(node).Select((n, i) => (IReadOnlyList<string?>)
        [
            i == 0 ? "0" : "1", n.OwnerName, n.OwnerType.ToString(), n.Period, n.Measure.ToString(), n.ProductLine,
            Number(n.Target, d), Number(n.Planned, d), Number(n.Actual, d), Number(n.Gap, d), Number(n.PlanGap, d),
            n.Attainment is { } a ? Number(a * 100, 2) : null, Number(n.Forecast, d),
        ]).ToList();
        var name = $"plan-vs-actual-{node.Period}-{node.Measure.ToString().ToLowerInvariant()}";
        return new ExportTable(name, headers, rows.ToAsyncEnumerable());
    }

    private static string? Number(decimal? value, int decimals) =>
        value is { } v ? Math.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : null;

    private static TargetProgress Build(NamedTarget n, Totals actual, Totals planned, DateOnly today, IReadOnlyList<TargetProgress> children)
    {
        var t = n.T;
        var decimals = ProgressMath.Decimals(t.Measure);
        var a = actual.Of(t, decimals);
        var p = planned.Of(t, decimals);
        return new TargetProgress(
            t.Id, t.ParentId, t.OwnerType, t.OwnerId, n.OwnerName ?? "", t.Period, t.PeriodStart, t.PeriodEnd, t.Measure, t.ProductLine, t.ProductId,
            t.Amount, p, a, ProgressMath.Gap(t.Amount, a), ProgressMath.Gap(t.Amount, p), ProgressMath.Attainment(t.Amount, a),
            ProgressMath.Forecast(a, t.PeriodStart, t.PeriodEnd, today, decimals), n.HasChildren, children);
    }

    /// <summary>
    /// The sums of the measure for every node at once: one grouped query by unit (when any node is an org unit) and one
    /// by owner (when any node is a person). Null totals for a measure without actuals or plans.
    /// </summary>
    private async Task<Totals> TotalsAsync(SalesFlowDbContext db, Target node, IReadOnlyList<NamedTarget> nodes, Dictionary<Guid, string> unitPaths, bool planned, CancellationToken ct)
    {
        var measure = node.Measure;
        var (first, last) = (node.PeriodStart, node.PeriodEnd);
        // Units and people read the per-rep totals; only dealer nodes need the dealer dimension of the summaries.
        IQueryable<MeasureFact>? actualFacts = planned ? null : MeasureFacts.ActualByOwner(db, clock, measure, node.ProductLine, node.ProductId, first, last);
        IQueryable<MeasureFact>? dealerFacts = planned ? null : MeasureFacts.Actual(db, clock, measure, node.ProductLine, node.ProductId, first, last);
        IQueryable<PlannedFact>? plannedFacts = planned ? MeasureFacts.Planned(db, measure, node.ProductLine, node.ProductId, first, last) : null;
        if (actualFacts is null && plannedFacts is null)
        {
            return Totals.None;
        }

        var unitNodes = nodes.Where(n => n.T.OwnerType == TargetOwnerType.OrgUnit).Select(n => n.T.OwnerId).Distinct().ToList();
        var employees = nodes.Where(n => n.T.OwnerType == TargetOwnerType.Employee).Select(n => n.T.OwnerId).Distinct().ToList();
        var dealers = nodes.Where(n => n.T.OwnerType == TargetOwnerType.Dealer).Select(n => n.T.OwnerId).Distinct().ToList();
        var byPath = new List<(string Path, decimal Value)>();
        if (unitNodes.Count > 0)
        {
            // The node's subtree holds its children's; a person's node with unit children (not made by a split) reads every unit.
            var root = node.OwnerType == TargetOwnerType.OrgUnit ? unitPaths.GetValueOrDefault(node.OwnerId, "-") : "/";
            var subtree = db.OrgUnits.Where(u => u.Path.StartsWith(root)).Select(u => u.Id);
            if (actualFacts is not null)
            {
                var inTree = actualFacts.Where(f => subtree.Contains(f.OrgUnitId));
                var rows = MeasureFacts.IsCount(measure)
                    ? await inTree.GroupBy(f => f.OrgUnitId).Select(g => new { g.Key, Value = (decimal)g.Count() })
                        .Join(db.OrgUnits, g => g.Key, u => u.Id, (g, u) => new { u.Path, g.Value }).ToListAsync(ct)
                    : await inTree.GroupBy(f => f.OrgUnitId).Select(g => new { g.Key, Value = g.Sum(f => f.Value) })
                        .Join(db.OrgUnits, g => g.Key, u => u.Id, (g, u) => new { u.Path, g.Value }).ToListAsync(ct);
                byPath = rows.Select(r => (r.Path, r.Value)).ToList();
            }
            else
            {
                var rows = await plannedFacts!.Where(f => f.DealerKey == Guid.Empty && subtree.Contains(f.OrgUnitId)).GroupBy(f => f.OrgUnitId).Select(g => new { g.Key, Value = g.Sum(f => f.Value) })
                    .Join(db.OrgUnits, g => g.Key, u => u.Id, (g, u) => new { u.Path, g.Value }).ToListAsync(ct);
                byPath = rows.Select(r => (r.Path, r.Value)).ToList();
            }
        }

        var byOwner = new Dictionary<Guid, decimal>();
        if (employees.Count > 0)
        {
            if (actualFacts is not null)
            {
                var mine = actualFacts.Where(f => employees.Contains(f.OwnerId));
                byOwner = MeasureFacts.IsCount(measure)
                    ? await mine.GroupBy(f => f.OwnerId).Select(g => new { g.Key, Value = g.Count() }).ToDictionaryAsync(g => g.Key, g => (decimal)g.Value, ct)
                    : await mine.GroupBy(f => f.OwnerId).Select(g => new { g.Key, Value = g.Sum(f => f.Value) }).ToDictionaryAsync(g => g.Key, g => g.Value, ct);
            }
            else
            {
                byOwner = await plannedFacts!.Where(f => employees.Contains(f.OwnerId)).GroupBy(f => f.OwnerId)
                    .Select(g => new { g.Key, Value = g.Sum(f => f.Value) }).ToDictionaryAsync(g => g.Key, g => g.Value, ct);
            }
        }

        var byDealer = new Dictionary<Guid, decimal>();
        if (dealers.Count > 0)
        {
            byDealer = dealerFacts is not null
                ? await dealerFacts.Where(f => dealers.Contains(f.DealerKey)).GroupBy(f => f.DealerKey)
                    .Select(g => new { g.Key, Value = g.Sum(f => f.Value) }).ToDictionaryAsync(g => g.Key, g => g.Value, ct)
                : await plannedFacts!.Where(f => dealers.Contains(f.DealerKey)).GroupBy(f => f.DealerKey)
                    .Select(g => new { g.Key, Value = g.Sum(f => f.Value) }).ToDictionaryAsync(g => g.Key, g => g.Value, ct);
        }

        return new Totals(true, unitPaths, byPath, byOwner, byDealer);
    }

    /// <summary>A node's actual facts: the per-rep totals for units and people, the dealer-keyed summaries for a dealer.</summary>
    private IQueryable<MeasureFact>? ActualFor(SalesFlowDbContext db, Target t, DateOnly first, DateOnly last) =>
        t.OwnerType == TargetOwnerType.Dealer
            ? MeasureFacts.Actual(db, clock, t.Measure, t.ProductLine, t.ProductId, first, last)
            : MeasureFacts.ActualByOwner(db, clock, t.Measure, t.ProductLine, t.ProductId, first, last);

    /// <summary>The unit subtree of an org-unit node (null for other owners), as an uncomposed query of unit ids.</summary>
    private static async Task<IQueryable<Guid>?> SubtreeAsync(SalesFlowDbContext db, Target t, CancellationToken ct)
    {
        if (t.OwnerType != TargetOwnerType.OrgUnit)
        {
            return null;
        }

        var path = await db.OrgUnits.Where(u => u.Id == t.OwnerId).Select(u => u.Path).SingleOrDefaultAsync(ct) ?? "-";
        return db.OrgUnits.Where(u => u.Path.StartsWith(path)).Select(u => u.Id);
    }

    private static IQueryable<MeasureFact> ForNode(IQueryable<MeasureFact> facts, Target t, IQueryable<Guid>? subtree) => t.OwnerType switch
    {
        TargetOwnerType.OrgUnit => facts.Where(f => subtree!.Contains(f.OrgUnitId)),
        TargetOwnerType.Employee => facts.Where(f => f.OwnerId == t.OwnerId),
        TargetOwnerType.Dealer => facts.Where(f => f.DealerKey == t.OwnerId),
        _ => facts.Where(f => false),
    };

    /// <summary>
    /// A dealer's own plan counts at its own node only; units and people count the reps' plans (which plan the dealer
    /// accounts as customers), so nothing is planned twice.
    /// </summary>
    private static IQueryable<PlannedFact> ForNode(IQueryable<PlannedFact> facts, Target t, IQueryable<Guid>? subtree) => t.OwnerType switch
    {
        TargetOwnerType.OrgUnit => facts.Where(f => f.DealerKey == Guid.Empty && subtree!.Contains(f.OrgUnitId)),
        TargetOwnerType.Employee => facts.Where(f => f.OwnerId == t.OwnerId),
        TargetOwnerType.Dealer => facts.Where(f => f.DealerKey == t.OwnerId),
        _ => facts.Where(f => false),
    };

    private static async Task<(IReadOnlyList<decimal> Targets, bool FromPhasing)> MonthTargetsAsync(SalesFlowDbContext db, Target t, IReadOnlyList<Period> months, int decimals, CancellationToken ct)
    {
        if (t.PeriodKind == PeriodKind.Month)
        {
            return ([t.Amount], false);
        }

        var phased = await db.Targets.AsNoTracking().Where(x => x.ParentId == t.Id && x.Origin == TargetOrigin.Phased)
            .Select(x => new { x.Id, x.Period, x.PeriodKind, x.Amount }).ToListAsync(ct);
        if (phased.Count == 0)
        {
            return (ProgressMath.ProrateByDays(t.Amount, months, decimals), false);
        }

        var byPeriod = phased.ToDictionary(x => x.Period, x => x.Amount);
        var quarters = phased.Where(x => x.PeriodKind == PeriodKind.Quarter).ToList();
        if (quarters.Count > 0)
        {
            var quarterIds = quarters.Select(q => (Guid?)q.Id).ToList();
            var monthly = await db.Targets.AsNoTracking()
                .Where(x => quarterIds.Contains(x.ParentId) && x.Origin == TargetOrigin.Phased && x.PeriodKind == PeriodKind.Month)
                .Select(x => new { x.Period, x.Amount }).ToListAsync(ct);
            foreach (var m in monthly)
            {
                byPeriod[m.Period] = m.Amount;
            }

            foreach (var q in quarters)
            {
                var quarterMonths = Period.Parse(q.Period).Children(PeriodKind.Month);
                if (quarterMonths.Any(m => !byPeriod.ContainsKey(m.ToString())))
                {
                    var shares = ProgressMath.ProrateByDays(q.Amount, quarterMonths, decimals);
                    for (var i = 0; i < quarterMonths.Count; i++)
                    {
                        byPeriod[quarterMonths[i].ToString()] = shares[i];
                    }
                }
            }
        }

        return ([.. months.Select(m => byPeriod.GetValueOrDefault(m.ToString()))], true);
    }

    private static IQueryable<NamedTarget> Named(SalesFlowDbContext db, IQueryable<Target> targets) =>
        targets.Select(t => new NamedTarget
        {
            T = t,
            OwnerName = t.OwnerType == TargetOwnerType.OrgUnit
                ? db.OrgUnits.Where(u => u.Id == t.OwnerId).Select(u => u.Name).FirstOrDefault()
                : t.OwnerType == TargetOwnerType.Employee ? db.Employees.Where(e => e.Id == t.OwnerId).Select(e => e.Name).FirstOrDefault()
                : t.OwnerType == TargetOwnerType.Dealer ? db.Dealers.Where(d => d.Id == t.OwnerId).Select(d => d.Name).FirstOrDefault() : null,
            OwnerPath = t.OwnerType == TargetOwnerType.OrgUnit ? db.OrgUnits.Where(u => u.Id == t.OwnerId).Select(u => u.Path).FirstOrDefault() : null,
            HasChildren = db.Targets.Any(c => c.ParentId == t.Id && c.Origin == TargetOrigin.Split),
        });

    private sealed class NamedTarget
    {
        public Target T { get; init; } = null!;

        public string? OwnerName { get; init; }

        /// <summary>The owning unit's path in the org tree, for a unit's target; null for a person or a dealer.</summary>
        public string? OwnerPath { get; init; }

        public bool HasChildren { get; init; }
    }

    /// <summary>Grouped sums and how a node reads them: an org unit adds up the units under its path, a person reads their owner row.</summary>
    private sealed record Totals(
        bool Counted, IReadOnlyDictionary<Guid, string> UnitPaths, IReadOnlyList<(string Path, decimal Value)> ByPath, IReadOnlyDictionary<Guid, decimal> ByOwner,
        IReadOnlyDictionary<Guid, decimal> ByDealer)
    {
        public static readonly Totals None = new(false, new Dictionary<Guid, string>(), [], new Dictionary<Guid, decimal>(), new Dictionary<Guid, decimal>());

        public decimal? Of(Target t, int decimals)
        {
            if (!Counted)
            {
                return null;
            }

            var sum = t.OwnerType switch
            {
                TargetOwnerType.OrgUnit when UnitPaths.TryGetValue(t.OwnerId, out var path) => ByPath.Where(r => r.Path.StartsWith(path, StringComparison.Ordinal)).Sum(r => r.Value),
                TargetOwnerType.OrgUnit => 0m,
                TargetOwnerType.Employee => ByOwner.GetValueOrDefault(t.OwnerId),
                TargetOwnerType.Dealer => ByDealer.GetValueOrDefault(t.OwnerId),
                _ => (decimal?)null,
            };
            return sum is { } s ? Math.Round(s, decimals, MidpointRounding.AwayFromZero) : null;
        }
    }
}
