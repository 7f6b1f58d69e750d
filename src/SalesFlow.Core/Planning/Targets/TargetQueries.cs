using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Planning.Targets;

/// <summary>A target in a list. <see cref="SplitCount"/>/<see cref="SplitSum"/> are its split children (the sum check).</summary>
public sealed record TargetRow(
    Guid Id, string Period, PeriodKind PeriodKind, TargetMeasure Measure, string ProductLine, Guid? ProductId,
    TargetOwnerType OwnerType, Guid OwnerId, string OwnerName, Guid OrgUnitId, Guid? ParentId, TargetOrigin Origin,
    SplitMethod? SplitMethod, PhasingMethod? PhasingMethod, decimal Amount, bool IsLocked, int SplitCount, decimal SplitSum, int PhaseCount, int Version);

public sealed record TargetChildRow(
    Guid Id, TargetOwnerType OwnerType, Guid OwnerId, string OwnerName, string Period, decimal Amount, bool IsLocked, int ChildCount, int Version);

public sealed record TargetDetails(
    Guid Id, string Period, PeriodKind PeriodKind, TargetMeasure Measure, string ProductLine, Guid? ProductId, string? ProductName,
    TargetOwnerType OwnerType, Guid OwnerId, string OwnerName, Guid OrgUnitId, Guid? ParentId, string? ParentOwnerName, TargetOrigin Origin,
    SplitMethod? SplitMethod, PhasingMethod? PhasingMethod, decimal Amount, bool IsLocked, string? ChangeReason,
    IReadOnlyList<TargetChildRow> Children, IReadOnlyList<TargetChildRow> Phases, int Version,
    DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record TargetFilter(
    string? Period = null, TargetMeasure? Measure = null, TargetOwnerType? OwnerType = null, Guid? OwnerId = null, Guid? ParentId = null, string? Q = null);

public sealed class TargetQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<Target> Sorts = new(
        "period",
        SortOption<Target>.By("period", t => t.PeriodStart),
        SortOption<Target>.By("amount", t => t.Amount),
        SortOption<Target>.By("createdAt", t => t.CreatedAtUtc));

    public async Task<Result<Page<TargetRow>>> ListAsync(Actor actor, TargetFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewTargets) is { } denied)
        {
            return denied;
        }

        var period = default(Period);
        if (!string.IsNullOrWhiteSpace(filter.Period) && !Planning.Period.TryParse(filter.Period, out period))
        {
            return Error.Invalid("period", "format");
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Targets.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Period))
        {
            var text = period.ToString();
            query = query.Where(t => t.Period == text);
        }

        if (filter.Measure is { } measure)
        {
            query = query.Where(t => t.Measure == measure);
        }

        if (filter.OwnerType is { } ownerType)
        {
            query = query.Where(t => t.OwnerType == ownerType);
        }

        if (filter.OwnerId is { } ownerId)
        {
            query = query.Where(t => t.OwnerId == ownerId);
        }

        if (filter.ParentId is { } parentId)
        {
            query = query.Where(t => t.ParentId == parentId);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var units = db.OrgUnits.Where(u => u.Name.Contains(q)).Select(u => u.Id);
            var people = db.Employees.Where(e => e.Name.Contains(q)).Select(e => e.Id);
            var dealers = db.Dealers.Where(d => d.Name.Contains(q) || d.Code == q).Select(d => d.Id);
            query = query.Where(t => units.Contains(t.OwnerId) || people.Contains(t.OwnerId) || dealers.Contains(t.OwnerId));
        }

        return await Sorts.PageAsync(query, page, t => new TargetRow(
            t.Id, t.Period, t.PeriodKind, t.Measure, t.ProductLine, t.ProductId, t.OwnerType, t.OwnerId,
            (t.OwnerType == TargetOwnerType.OrgUnit
                ? db.OrgUnits.Where(u => u.Id == t.OwnerId).Select(u => u.Name).FirstOrDefault()
                : t.OwnerType == TargetOwnerType.Employee
                    ? db.Employees.Where(e => e.Id == t.OwnerId).Select(e => e.Name).FirstOrDefault()
                    : db.Dealers.Where(d => d.Id == t.OwnerId).Select(d => d.Name).FirstOrDefault()) ?? "",
            t.OrgUnitId, t.ParentId, t.Origin, t.SplitMethod, t.PhasingMethod, t.Amount, t.IsLocked,
            db.Targets.Count(c => c.ParentId == t.Id && c.Origin == TargetOrigin.Split),
            db.Targets.Where(c => c.ParentId == t.Id && c.Origin == TargetOrigin.Split).Sum(c => (decimal?)c.Amount) ?? 0m,
            db.Targets.Count(c => c.ParentId == t.Id && c.Origin == TargetOrigin.Phased),
            t.Version), ct);
    }

    public async Task<Result<TargetDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewTargets) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var target = await db.Targets.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(t => t.Id == id, ct);
        if (target is null)
        {
            return TargetErrors.NotFound(id);
        }

        var ownerName = await OwnerNameAsync(db, target.OwnerType, target.OwnerId, ct);
        string? parentOwner = null;
        if (target.ParentId is { } parentId && await db.Targets.AsNoTracking().Where(p => p.Id == parentId).Select(p => new { p.OwnerType, p.OwnerId }).SingleOrDefaultAsync(ct) is { } parent)
        {
            parentOwner = await OwnerNameAsync(db, parent.OwnerType, parent.OwnerId, ct);
        }

        var productName = target.ProductId is { } productId
            ? await db.Products.Where(p => p.Id == productId).Select(p => p.NameZh).FirstOrDefaultAsync(ct)
            : null;

        // Children are shown in full to whoever sees the parent (a manager sees the shares their split made).
        var children = await db.Targets.AsNoTracking().Where(c => c.ParentId == id)
            .Select(c => new
            {
                c.Origin,
                c.PeriodStart,
                Row = new TargetChildRow(
                    c.Id, c.OwnerType, c.OwnerId,
                    (c.OwnerType == TargetOwnerType.OrgUnit
                        ? db.OrgUnits.Where(u => u.Id == c.OwnerId).Select(u => u.Name).FirstOrDefault()
                        : c.OwnerType == TargetOwnerType.Employee
                            ? db.Employees.Where(e => e.Id == c.OwnerId).Select(e => e.Name).FirstOrDefault()
                            : db.Dealers.Where(d => d.Id == c.OwnerId).Select(d => d.Name).FirstOrDefault()) ?? "",
                    c.Period, c.Amount, c.IsLocked, db.Targets.Count(g => g.ParentId == c.Id), c.Version),
            })
            .ToListAsync(ct);
        var t = target;
        return new TargetDetails(
            t.Id, t.Period, t.PeriodKind, t.Measure, t.ProductLine, t.ProductId, productName, t.OwnerType, t.OwnerId, ownerName, t.OrgUnitId,
            t.ParentId, parentOwner, t.Origin, t.SplitMethod, t.PhasingMethod, t.Amount, t.IsLocked, t.ChangeReason,
            [.. children.Where(c => c.Origin == TargetOrigin.Split).Select(c => c.Row).OrderByDescending(c => c.Amount).ThenBy(c => c.OwnerName, StringComparer.Ordinal)],
            [.. children.Where(c => c.Origin == TargetOrigin.Phased).OrderBy(c => c.PeriodStart).Select(c => c.Row)],
            t.Version, t.CreatedAtUtc, t.CreatedBy, t.UpdatedAtUtc, t.UpdatedBy);
    }

    internal static async Task<string> OwnerNameAsync(SalesFlowDbContext db, TargetOwnerType type, Guid id, CancellationToken ct) =>
        (type switch
        {
            TargetOwnerType.OrgUnit => await db.OrgUnits.Where(u => u.Id == id).Select(u => u.Name).FirstOrDefaultAsync(ct),
            TargetOwnerType.Employee => await db.Employees.Where(e => e.Id == id).Select(e => e.Name).FirstOrDefaultAsync(ct),
            _ => await db.Dealers.Where(d => d.Id == id).Select(d => d.Name).FirstOrDefaultAsync(ct),
        }) ?? id.ToString();
}
