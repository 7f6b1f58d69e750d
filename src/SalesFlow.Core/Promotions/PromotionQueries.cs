using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Promotions;

public sealed record PromotionFilter(PromotionStatus? Status = null, PromotionKind? Kind = null, DateOnly? From = null, DateOnly? To = null);

public sealed record PromotionRow(
    Guid Id, string Number, string Name, PromotionKind Kind, PromotionStatus Status, DateOnly StartDate, DateOnly EndDate,
    Guid? RegionId, string? RegionName, int Products, int Dealers, int Version);

public sealed record PromotionProductRow(Guid ProductId, string Sku, string NameZh, string NameEn, string Unit, decimal? DiscountPercent, string? Note);

public sealed record PromotionAllocationRow(Guid DealerId, string DealerCode, string DealerName, Guid ProductId, string Sku, decimal Quantity);

/// <summary>A campaign with its products and the allocations of the dealers the reader sees; <c>CanChange</c> says whether the reader may change its details and steps.</summary>
public sealed record PromotionDetails(
    Guid Id, string Number, string Name, PromotionKind Kind, PromotionStatus Status, DateOnly StartDate, DateOnly EndDate,
    Guid? RegionId, string? RegionName, string? Terms, IReadOnlyList<PromotionProductRow> Products, IReadOnlyList<PromotionAllocationRow> Allocations,
    DateTime? ActivatedAtUtc, DateTime? ClosedAtUtc, bool CanChange, int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

/// <summary>
/// Which campaigns an actor sees and may change. All-scope roles see and change every campaign; everyone else sees the
/// company-wide ones and those of their own region (the region above their unit, or any region in their scope), and a
/// regional manager changes only the campaigns of the regions in their scope. Allocations inside a campaign are always
/// limited to the dealers the actor sees (<see cref="DealerScope"/>). Dealer users see campaigns only through the portal.
/// </summary>
public static class PromotionScope
{
    public static async Task<IQueryable<Promotion>> VisibleAsync(SalesFlowDbContext db, Actor actor, CancellationToken ct)
    {
        var promotions = db.Promotions.AsQueryable();
        switch (actor.Scope)
        {
            case DataScope.All:
                return promotions;
            case DataScope.OwnDealer:
                return promotions.Where(p => false);
        }

        var regions = actor.VisibleUnitIds.ToList();
        if (actor.OrgUnitId is { } unit && await db.OrgUnits.Where(u => u.Id == unit).Select(u => u.Path).SingleOrDefaultAsync(ct) is { } path
            && await Regions.AboveAsync(db, path, ct) is { } region)
        {
            regions.Add(region);
        }

        return promotions.Where(p => p.RegionId == null || regions.Contains(p.RegionId.Value));
    }

    public static bool MayChange(Actor actor, Guid? regionId) =>
        actor.Scope == DataScope.All || (actor.Scope == DataScope.Region && regionId is { } r && actor.VisibleUnitIds.Contains(r));

    public static IQueryable<PromotionAllocation> Allocations(SalesFlowDbContext db, Actor actor, Guid promotionId) =>
        db.PromotionAllocations.Where(a => a.PromotionId == promotionId && db.Dealers.VisibleTo(actor).Any(d => d.Id == a.DealerId));
}

public sealed record PromotionChoice(Guid Id, string Code, string Name, string? NameEn, string? Unit);

/// <summary>What the campaign forms pick from: the active products and the trading dealers the actor sees (inside a region when given).</summary>
public sealed record PromotionChoices(IReadOnlyList<PromotionChoice> Products, IReadOnlyList<PromotionChoice> Dealers, IReadOnlyList<PromotionChoice> Regions);

public sealed class PromotionQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    private static readonly SortWhitelist<Promotion> Sorts = new(
        "-startDate", SortOption<Promotion>.By("startDate", p => p.StartDate), SortOption<Promotion>.By("number", p => p.Number),
        SortOption<Promotion>.By("name", p => p.Name));

    public async Task<Result<Page<PromotionRow>>> ListAsync(Actor actor, PromotionFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(PromotionPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = (await PromotionScope.VisibleAsync(db, actor, ct)).AsNoTracking();
        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.Kind is { } kind)
        {
            query = query.Where(p => p.Kind == kind);
        }

        // Campaigns running on any day of [from, to].
        if (filter.From is { } from)
        {
            query = query.Where(p => p.EndDate >= from);
        }

        if (filter.To is { } to)
        {
            query = query.Where(p => p.StartDate <= to);
        }

        var dealers = db.Dealers.VisibleTo(actor);
        return await Sorts.PageAsync(query, page, p => new PromotionRow(
            p.Id, p.Number, p.Name, p.Kind, p.Status, p.StartDate, p.EndDate, p.RegionId,
            db.OrgUnits.Where(u => u.Id == p.RegionId).Select(u => u.Name).FirstOrDefault(),
            db.PromotionProducts.Count(x => x.PromotionId == p.Id),
            db.PromotionAllocations.Where(a => a.PromotionId == p.Id && dealers.Any(d => d.Id == a.DealerId)).Select(a => a.DealerId).Distinct().Count(),
            p.Version), ct);
    }

    public async Task<Result<PromotionDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(PromotionPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await LoadAsync(db, actor, id, ct) is { } found ? found : PromotionErrors.NotFound(id);
    }

    public async Task<Result<PromotionTrackingReport>> TrackingAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(PromotionPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var promotion = await (await PromotionScope.VisibleAsync(db, actor, ct)).AsNoTracking().Where(p => p.Id == id)
            .Select(p => new { p.StartDate, p.EndDate }).SingleOrDefaultAsync(ct);
        if (promotion is null)
        {
            return PromotionErrors.NotFound(id);
        }

        return await PromotionTracking.TrackAsync(db, id, promotion.StartDate, promotion.EndDate, PromotionScope.Allocations(db, actor, id), ct);
    }

    public async Task<Result<PromotionChoices>> ChoicesAsync(Actor actor, Guid? regionId, CancellationToken ct)
    {
        if (actor.Require(PromotionPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var products = await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Sku)
            .Select(p => new PromotionChoice(p.Id, p.Sku, p.NameZh, p.NameEn, p.Unit)).ToListAsync(ct);
        var dealers = db.Dealers.AsNoTracking().VisibleTo(actor).Where(d => d.Status == DealerStatus.Active);
        if (regionId is { } r)
        {
            dealers = dealers.Where(d => d.RegionId == r);
        }

        var dealerChoices = await dealers.OrderBy(d => d.Code).Select(d => new PromotionChoice(d.Id, d.Code, d.Name, null, null)).ToListAsync(ct);
        var regions = await db.OrgUnits.AsNoTracking().Where(u => u.Kind == OrgUnitKind.Region && !u.IsDeleted).OrderBy(u => u.Code)
            .Select(u => new PromotionChoice(u.Id, u.Code, u.Name, u.NameEn, null)).ToListAsync(ct);
        return new PromotionChoices(products, dealerChoices, [.. regions.Where(u => PromotionScope.MayChange(actor, u.Id))]);
    }

    internal static async Task<PromotionDetails?> LoadAsync(SalesFlowDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        var p = await (await PromotionScope.VisibleAsync(db, actor, ct)).AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (p is null)
        {
            return null;
        }

        var region = p.RegionId is { } r ? await db.OrgUnits.Where(u => u.Id == r).Select(u => u.Name).SingleOrDefaultAsync(ct) : null;
        var products = await (from x in db.PromotionProducts
                              where x.PromotionId == id
                              join product in db.Products on x.ProductId equals product.Id
                              orderby product.Sku
                              select new PromotionProductRow(x.ProductId, product.Sku, product.NameZh, product.NameEn, product.Unit, x.DiscountPercent, x.Note)).ToListAsync(ct);
        var allocations = await (from a in PromotionScope.Allocations(db, actor, id)
                                 join d in db.Dealers on a.DealerId equals d.Id
                                 join product in db.Products on a.ProductId equals product.Id
                                 orderby d.Code, product.Sku
                                 select new PromotionAllocationRow(a.DealerId, d.Code, d.Name, a.ProductId, product.Sku, a.Quantity)).ToListAsync(ct);
        return new PromotionDetails(
            p.Id, p.Number, p.Name, p.Kind, p.Status, p.StartDate, p.EndDate, p.RegionId, region, p.Terms, products, allocations,
            p.ActivatedAtUtc, p.ClosedAtUtc, actor.Can(PromotionPermissions.Manage) && PromotionScope.MayChange(actor, p.RegionId),
            p.Version, p.CreatedAtUtc, p.CreatedBy, p.UpdatedAtUtc, p.UpdatedBy);
    }
}
