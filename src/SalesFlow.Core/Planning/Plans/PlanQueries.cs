using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning.Reviews;

namespace SalesFlow.Core.Planning.Plans;

/// <summary><paramref name="Late"/>: submitted late, or not submitted and the due day has passed.</summary>
public sealed record PlanRow(
    Guid Id, string Month, Guid OwnerId, string OwnerName, Guid OrgUnitId, string OrgUnitName, PlanStatus Status, DateOnly DueDate,
    DateOnly? SubmittedOn, bool SubmittedLate, bool Late, decimal TotalAmount, int LineCount, string? DecidedBy, int Version);

public sealed record PlanLineRow(
    Guid Id, int Position, Guid? CustomerId, string? CustomerName, Guid ProductId, string Sku, string ProductName, string ProductLine,
    decimal Quantity, string Unit, decimal UnitPrice, decimal? PromotionPrice, decimal Amount, bool IsNewProduct, string? Promotion, string? Note);

public sealed record PlanDetails(
    Guid Id, string Month, PlanOwnerType OwnerType, Guid OwnerId, string OwnerName, Guid OrgUnitId, string OrgUnitName, PlanStatus Status,
    DateOnly DueDate, DateOnly? SubmittedOn, bool SubmittedLate, bool Late, string? Notes, string? ManagerComment, string? DecidedBy,
    DateTime? DecidedAtUtc, decimal TotalAmount, IReadOnlyList<PlanLineRow> Lines, bool CanEdit, bool CanDecide, int Version,
    DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

// Waiting: Submitted plans the caller may decide (not their own).
// Mine: Only the caller's own plans.
public sealed record PlanFilter(string? Month = null, PlanStatus? Status = null, Guid? OwnerId = null, bool Waiting = false, bool Mine = false);

/// <summary>One node of the roll-up: a child unit (its whole subtree) or an owner sitting directly in the unit.</summary>
public sealed record PlanRollupRow(
    string Kind, Guid Id, string Name, decimal ApprovedAmount, decimal SubmittedAmount, int Draft, int Submitted, int Returned, int Approved, int Late);

public sealed record PlanRollup(string Month, Guid UnitId, string UnitName, PlanRollupRow Total, IReadOnlyList<PlanRollupRow> Units, IReadOnlyList<PlanRollupRow> Owners);

public sealed record ComplianceRow(
    Guid OwnerId, string OwnerName, Guid OrgUnitId, string OrgUnitName, PlanStatus? PlanStatus, Guid? PlanId, DateOnly PlanDueDate, bool PlanLate,
    ReviewStatus? ReviewStatus, Guid? ReviewId, DateOnly ReviewDueDate, bool ReviewLate);

public sealed record ComplianceUnitTotal(Guid OrgUnitId, string OrgUnitName, int Owners, int PlansSubmitted, int PlansLate, int ReviewsSubmitted, int ReviewsLate);

public sealed record PlanCompliance(string Month, DateOnly PlanDueDate, DateOnly ReviewDueDate, IReadOnlyList<ComplianceRow> Owners, IReadOnlyList<ComplianceUnitTotal> Units);

public sealed record PlanCustomerChoice(Guid Id, string Name);

public sealed record PlanProductChoice(Guid Id, string Sku, string Name, string ProductLine, IReadOnlyList<string> Units);

/// <summary>What the plan editor offers: the caller's own customers and the active products with their units.</summary>
public sealed record PlanChoices(IReadOnlyList<PlanCustomerChoice> Customers, IReadOnlyList<PlanProductChoice> Products);

public sealed class PlanQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static readonly SortWhitelist<MonthlyPlan> Sorts = new(
        "-month",
        SortOption<MonthlyPlan>.By("month", p => p.MonthStart),
        SortOption<MonthlyPlan>.By("amount", p => p.TotalAmount),
        SortOption<MonthlyPlan>.By("dueDate", p => p.DueDate));

    public async Task<Result<Page<PlanRow>>> ListAsync(Actor actor, PlanFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewPlans) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.MonthlyPlans.AsNoTracking().VisibleTo(actor);
        if (filter.Month is { Length: > 0 } text)
        {
            if (!PlanMonths.TryParse(text, out var month))
            {
                return PlanErrors.BadMonth(text);
            }

            var start = month.Start;
            query = query.Where(p => p.MonthStart == start);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(p => p.OwnerId == owner);
        }

        var (myType, me) = PlanOwners.Self(actor);
        if (filter.Mine)
        {
            query = query.Where(p => p.OwnerType == myType && p.OwnerId == me);
        }

        if (filter.Waiting)
        {
            query = actor.Can(PlanningPermissions.ApprovePlans)
                ? query.Where(p => p.Status == PlanStatus.Submitted && !(p.OwnerType == myType && p.OwnerId == me))
                : query.Where(p => false);
        }

        var today = clock.Today;
        return await Sorts.PageAsync(query, page, p => new PlanRow(
            p.Id, p.Month, p.OwnerId, (p.OwnerType == PlanOwnerType.Employee
                ? db.Employees.Where(e => e.Id == p.OwnerId).Select(e => e.Name).FirstOrDefault()
                : db.Dealers.Where(d => d.Id == p.OwnerId).Select(d => d.Name).FirstOrDefault()) ?? "", p.OrgUnitId,
            db.OrgUnits.Where(u => u.Id == p.OrgUnitId).Select(u => u.Name).First(), p.Status, p.DueDate, p.SubmittedOn, p.SubmittedLate,
            p.SubmittedLate || (p.SubmittedOn == null && p.DueDate < today), p.TotalAmount, p.Lines.Count, p.DecidedBy, p.Version), ct);
    }

    public async Task<Result<PlanDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewPlans) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.MonthlyPlans.AsNoTracking().VisibleTo(actor).Where(p => p.Id == id)
            .Select(p => new
            {
                Plan = p,
                OwnerName = (p.OwnerType == PlanOwnerType.Employee
                ? db.Employees.Where(e => e.Id == p.OwnerId).Select(e => e.Name).FirstOrDefault()
                : db.Dealers.Where(d => d.Id == p.OwnerId).Select(d => d.Name).FirstOrDefault()) ?? "",
                UnitName = db.OrgUnits.Where(u => u.Id == p.OrgUnitId).Select(u => u.Name).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return PlanErrors.NotFound(id);
        }

        var lines = await db.MonthlyPlanLines.AsNoTracking().Where(l => l.PlanId == id).OrderBy(l => l.Position)
            .Select(l => new PlanLineRow(
                l.Id, l.Position, l.CustomerId, db.Customers.Where(c => c.Id == l.CustomerId).Select(c => c.Name).FirstOrDefault(), l.ProductId,
                db.Products.Where(x => x.Id == l.ProductId).Select(x => x.Sku).First(), db.Products.Where(x => x.Id == l.ProductId).Select(x => x.NameZh).First(),
                l.ProductLine, l.Quantity, l.Unit, l.UnitPrice, l.IsPromotionPrice ? l.UnitPrice : null, l.Amount, l.IsNewProduct, l.Promotion, l.Note))
            .ToListAsync(ct);
        var p = found.Plan;
        var mine = PlanOwners.IsSelf(actor, p.OwnerType, p.OwnerId);
        return new PlanDetails(
            p.Id, p.Month, p.OwnerType, p.OwnerId, found.OwnerName, p.OrgUnitId, found.UnitName, p.Status, p.DueDate, p.SubmittedOn, p.SubmittedLate,
            p.SubmittedLate || (p.SubmittedOn is null && p.DueDate < clock.Today), p.Notes, p.ManagerComment, p.DecidedBy, p.DecidedAtUtc, p.TotalAmount, lines,
            CanEdit: mine && p.IsEditable && actor.Can(PlanningPermissions.SubmitPlans),
            CanDecide: !mine && p.Status == PlanStatus.Submitted && actor.Can(PlanningPermissions.ApprovePlans),
            p.Version, p.CreatedAtUtc, p.CreatedBy, p.UpdatedAtUtc, p.UpdatedBy);
    }

    public async Task<Result<PlanChoices>> ChoicesAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.SubmitPlans) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // A rep plans their own customers; a dealer its purchases on its own account (the only customer it sees).
        var me = actor.EmployeeId;
        var dealerUser = actor.DealerId is not null;
        var customers = await Customers.CustomerScope.VisibleTo(db.Customers.AsNoTracking(), actor).Where(c => !c.IsDeleted && (dealerUser || c.OwnerId == me))
            .OrderBy(c => c.Name).Take(500).Select(c => new PlanCustomerChoice(c.Id, c.Name)).ToListAsync(ct);
        var products = (await db.Products.AsNoTracking().Include(p => p.Conversions).Where(p => p.IsActive).OrderBy(p => p.Sku).Take(1000).ToListAsync(ct))
            .Select(p => new PlanProductChoice(p.Id, p.Sku, p.NameZh, p.ProductLine, [p.Unit, .. p.Conversions.Select(c => c.Unit)]))
            .ToList();
        return new PlanChoices(customers, products);
    }

    /// <summary>
    /// The month's plans under one unit (default: the top of the caller's scope), aggregated in SQL by unit, owner and status,
    /// then folded into the unit's children (each with its subtree) and the owners sitting directly in the unit.
    /// </summary>
    public async Task<Result<PlanRollup>> RollupAsync(Actor actor, string? monthText, Guid? unitId, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewPlans) is { } denied)
        {
            return denied;
        }

        var month = PlanningDeadlines.PlanMonthOn(clock.Today);
        if (monthText is { Length: > 0 } && !PlanMonths.TryParse(monthText, out month))
        {
            return PlanErrors.BadMonth(monthText);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rootId = unitId ?? actor.ScopeRootUnitId ?? actor.OrgUnitId
            ?? await db.OrgUnits.Where(u => u.ParentId == null && !u.IsDeleted).OrderBy(u => u.Code).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        var root = await db.OrgUnits.AsNoTracking().Where(u => u.Id == rootId && !u.IsDeleted).Select(u => new { u.Id, u.Name, u.Path }).SingleOrDefaultAsync(ct);
        if (root is null || (actor.Scope != DataScope.All && !actor.VisibleUnitIds.Contains(root.Id)))
        {
            return Error.NotFound("OrgUnit", rootId?.ToString() ?? "");
        }

        var start = month.Start;
        var today = clock.Today;
        var groups = (await (
                from p in db.MonthlyPlans.VisibleTo(actor)
                join u in db.OrgUnits on p.OrgUnitId equals u.Id
                where p.MonthStart == start && u.Path.StartsWith(root.Path)
                group p by new { p.OrgUnitId, p.OwnerId, p.Status } into g
                select new
                {
                    g.Key.OrgUnitId,
                    g.Key.OwnerId,
                    g.Key.Status,
                    Count = g.Count(),
                    Amount = g.Sum(p => p.TotalAmount),
                    Late = g.Sum(p => p.SubmittedLate || (p.SubmittedOn == null && p.DueDate < today) ? 1 : 0),
                })
            .ToListAsync(ct))
            .Select(g => new RollupGroup(g.OrgUnitId, g.OwnerId, g.Status, g.Count, g.Amount, g.Late))
            .ToList();

        var children = await db.OrgUnits.AsNoTracking().Where(u => u.ParentId == root.Id && !u.IsDeleted).OrderBy(u => u.Code)
            .Select(u => new { u.Id, u.Name, u.Path }).ToListAsync(ct);
        var unitIds = groups.Select(g => g.OrgUnitId).Distinct().ToList();
        var paths = await db.OrgUnits.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Path, ct);
        var ownerIds = groups.Where(g => g.OrgUnitId == root.Id).Select(g => g.OwnerId).Distinct().ToList();
        var ownerNames = await db.Employees.AsNoTracking().Where(e => ownerIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.Name, ct);

        static PlanRollupRow Row(string kind, Guid id, string name, IEnumerable<RollupGroup> rows) => Fold(kind, id, name, rows);
        var units = children.Select(c => Row("unit", c.Id, c.Name, groups.Where(g => paths[g.OrgUnitId].StartsWith(c.Path, StringComparison.Ordinal)))).ToList();
        var owners = ownerIds.Select(o => Row("employee", o, ownerNames.GetValueOrDefault(o, ""), groups.Where(g => g.OrgUnitId == root.Id && g.OwnerId == o)))
            .OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
        return new PlanRollup(month.ToString(), root.Id, root.Name, Row("unit", root.Id, root.Name, groups), units, owners);
    }

    private static PlanRollupRow Fold(string kind, Guid id, string name, IEnumerable<RollupGroup> rows)
    {
        decimal approved = 0, submitted = 0;
        int draft = 0, sub = 0, returned = 0, done = 0, late = 0;
        foreach (var row in rows)
        {
            var (count, amount) = (row.Count, row.Amount);
            late += row.Late;
            switch (row.Status)
            {
                case PlanStatus.Draft: draft += count; break;
                case PlanStatus.Submitted: sub += count; submitted += amount; break;
                case PlanStatus.Returned: returned += count; break;
                default: done += count; approved += amount; break;
            }
        }

        return new PlanRollupRow(kind, id, name, approved, submitted, draft, sub, returned, done, late);
    }

    private sealed record RollupGroup(Guid OrgUnitId, Guid OwnerId, PlanStatus Status, int Count, decimal Amount, int Late);

    /// <summary>
    /// Per owner in the caller's scope (active reps and supervisors): the month's plan and review status and whether each is
    /// late — submitted late, or not submitted and the due day has passed — with totals per unit.
    /// </summary>
    public async Task<Result<PlanCompliance>> ComplianceAsync(Actor actor, string? monthText, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewPlans) is { } denied)
        {
            return denied;
        }

        var month = PlanningDeadlines.PlanMonthOn(clock.Today);
        if (monthText is { Length: > 0 } && !PlanMonths.TryParse(monthText, out month))
        {
            return PlanErrors.BadMonth(monthText);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var start = month.Start;
        var today = clock.Today;
        var planDue = PlanningDeadlines.PlanDue(month);
        var reviewDue = PlanningDeadlines.ReviewDue(month);
        var rows = await db.Employees.AsNoTracking().VisibleTo(actor)
            .Where(e => e.IsActive && (e.Position == Position.SalesRep || e.Position == Position.Supervisor))
            .Select(e => new
            {
                e.Id,
                e.Name,
                e.OrgUnitId,
                UnitName = db.OrgUnits.Where(u => u.Id == e.OrgUnitId).Select(u => u.Name).First(),
                Plan = db.MonthlyPlans.Where(p => p.OwnerType == PlanOwnerType.Employee && p.OwnerId == e.Id && p.MonthStart == start)
                    .Select(p => new { p.Id, p.Status, p.SubmittedOn, p.SubmittedLate }).FirstOrDefault(),
                Review = db.MonthlyReviews.Where(r => r.OwnerType == PlanOwnerType.Employee && r.OwnerId == e.Id && r.MonthStart == start)
                    .Select(r => new { r.Id, r.Status, r.SubmittedOn, r.SubmittedLate }).FirstOrDefault(),
            })
            .OrderBy(e => e.UnitName).ThenBy(e => e.Name)
            .ToListAsync(ct);

        var owners = rows.Select(r => new ComplianceRow(
                r.Id, r.Name, r.OrgUnitId, r.UnitName, r.Plan?.Status, r.Plan?.Id, planDue,
                r.Plan?.SubmittedLate == true || (r.Plan?.SubmittedOn is null && planDue < today),
                r.Review?.Status, r.Review?.Id, reviewDue,
                r.Review?.SubmittedLate == true || (r.Review?.SubmittedOn is null && reviewDue < today)))
            .ToList();
        var units = owners.GroupBy(o => (o.OrgUnitId, o.OrgUnitName))
            .Select(g => new ComplianceUnitTotal(
                g.Key.OrgUnitId, g.Key.OrgUnitName, g.Count(),
                g.Count(o => o.PlanStatus is PlanStatus.Submitted or PlanStatus.Approved), g.Count(o => o.PlanLate),
                g.Count(o => o.ReviewStatus is ReviewStatus.Submitted or ReviewStatus.SignedOff), g.Count(o => o.ReviewLate)))
            .ToList();
        return new PlanCompliance(month.ToString(), planDue, reviewDue, owners, units);
    }
}
