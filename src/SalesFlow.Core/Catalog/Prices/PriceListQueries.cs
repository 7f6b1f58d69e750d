using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Catalog.Prices;

public sealed record PriceListRow(
    Guid Id, string Code, string Name, string Currency, Guid? RegionId, string? RegionName, SalesChannel? Channel, CustomerType? CustomerGroup,
    DealerTier? DealerTier, DateOnly ValidFrom, DateOnly? ValidTo, PriceListStatus Status, int ItemCount, int Version);

/// <summary>One price of the list with the product it is for; quantities and prices are per the product's base unit.</summary>
public sealed record PriceListItemRow(
    Guid Id, Guid ProductId, string Sku, string ProductNameZh, string ProductNameEn, string Unit, int QuantityDecimals,
    decimal MinQuantity, decimal UnitPrice, decimal? FloorPrice);

public sealed record PriceListDetails(
    Guid Id, string Code, string Name, string Currency, Guid? RegionId, string? RegionName, SalesChannel? Channel, CustomerType? CustomerGroup,
    DealerTier? DealerTier, DateOnly ValidFrom, DateOnly? ValidTo, PriceListStatus Status, IReadOnlyList<PriceListItemRow> Items, int Version,
    DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy, Guid? ApprovalRequestId = null, string? RejectionReason = null,
    IReadOnlyList<ApprovalDetails>? Approvals = null);

public sealed record PriceListFilter(
    string? Q = null, PriceListStatus? Status = null, Guid? RegionId = null, SalesChannel? Channel = null, Guid? ProductId = null);

/// <summary>Price lists are not scoped by region: every internal role reads every list (prices are not confidential, costs are).</summary>
public sealed class PriceListQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, ApprovalQueries approvals)
{
    public static readonly SortWhitelist<PriceList> Sorts = new(
        "code",
        SortOption<PriceList>.By("code", p => p.Code),
        SortOption<PriceList>.By("validFrom", p => p.ValidFrom),
        SortOption<PriceList>.By("createdAt", p => p.CreatedAtUtc));

    public async Task<Result<Page<PriceListRow>>> ListAsync(Actor actor, PriceListFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(CatalogPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.PriceLists.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(p => p.Code.Contains(q) || p.Name.Contains(q));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(p => p.Status == status);
        }

        if (filter.RegionId is { } region)
        {
            query = query.Where(p => p.RegionId == region);
        }

        if (filter.Channel is { } channel)
        {
            query = query.Where(p => p.Channel == channel);
        }

        if (filter.ProductId is { } product)
        {
            query = query.Where(p => db.PriceListItems.Any(i => i.PriceListId == p.Id && i.ProductId == product));
        }

        return await Sorts.PageAsync(query, page, p => new PriceListRow(
            p.Id, p.Code, p.Name, p.Currency, p.RegionId, db.OrgUnits.Where(u => u.Id == p.RegionId).Select(u => u.Name).FirstOrDefault(),
            p.Channel, p.CustomerGroup, p.DealerTier, p.ValidFrom, p.ValidTo, p.Status,
            db.PriceListItems.Count(i => i.PriceListId == p.Id), p.Version), ct);
    }

    public async Task<Result<PriceListDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(CatalogPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var list = await db.PriceLists.AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (list is null)
        {
            return CatalogErrors.PriceListNotFound(id);
        }

        var regionName = list.RegionId is { } regionId
            ? await db.OrgUnits.Where(u => u.Id == regionId).Select(u => u.Name).FirstOrDefaultAsync(ct)
            : null;
        var items = await (
                from item in db.PriceListItems
                join product in db.Products on item.ProductId equals product.Id
                where item.PriceListId == id
                orderby product.Sku, item.MinQuantity
                select new PriceListItemRow(
                    item.Id, item.ProductId, product.Sku, product.NameZh, product.NameEn, product.Unit, product.QuantityDecimals,
                    item.MinQuantity, item.UnitPrice, item.FloorPrice))
            .AsNoTracking()
            .ToListAsync(ct);
        // The approval history (newest first), for those who see approvals; the engine's scope applies.
        var history = actor.Can(ApprovalPermissions.View) ? (await approvals.ForSubjectAsync(actor, PriceList.ApprovalKind, id, ct)).Value ?? [] : [];
        return new PriceListDetails(
            list.Id, list.Code, list.Name, list.Currency, list.RegionId, regionName, list.Channel, list.CustomerGroup, list.DealerTier,
            list.ValidFrom, list.ValidTo, list.Status, items, list.Version, list.CreatedAtUtc, list.CreatedBy, list.UpdatedAtUtc, list.UpdatedBy,
            list.ApprovalRequestId, list.RejectionReason, history);
    }
}
