using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Catalog.Products;

public sealed record UnitConversionRow(string Unit, decimal FactorToBase);

/// <summary>A product as every internal role sees it: there is no cost field in this shape at all.</summary>
public record ProductRow(
    Guid Id, string Sku, string NameZh, string NameEn, string ProductLine, string Category, string Unit, int QuantityDecimals,
    decimal TaxRate, decimal? WeightKg, decimal? VolumeM3, bool IsActive, int Version);

/// <summary>The same row with the confidential cost: only for callers holding <see cref="CatalogPermissions.ViewCost"/>.</summary>
public sealed record ProductCostRow(
    Guid Id, string Sku, string NameZh, string NameEn, string ProductLine, string Category, string Unit, int QuantityDecimals,
    decimal TaxRate, decimal? WeightKg, decimal? VolumeM3, bool IsActive, int Version, decimal? CostPrice)
    : ProductRow(Id, Sku, NameZh, NameEn, ProductLine, Category, Unit, QuantityDecimals, TaxRate, WeightKg, VolumeM3, IsActive, Version);

/// <summary>One product without cost.</summary>
public record ProductDetails(
    Guid Id, string Sku, string NameZh, string NameEn, string ProductLine, string Category, string Unit, int QuantityDecimals,
    decimal TaxRate, decimal? WeightKg, decimal? VolumeM3, bool IsActive, IReadOnlyList<UnitConversionRow> Conversions, int Version,
    DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy)
{
    internal static ProductDetails For(Product p, Actor actor)
    {
        var details = new ProductDetails(
            p.Id, p.Sku, p.NameZh, p.NameEn, p.ProductLine, p.Category, p.Unit, p.QuantityDecimals, p.TaxRate, p.WeightKg, p.VolumeM3, p.IsActive,
            p.Conversions.OrderBy(c => c.FactorToBase).Select(c => new UnitConversionRow(c.Unit, c.FactorToBase)).ToList(), p.Version,
            p.CreatedAtUtc, p.CreatedBy, p.UpdatedAtUtc, p.UpdatedBy);
        return actor.Can(CatalogPermissions.ViewCost) ? new ProductCostDetails(details, p.CostPrice) : details;
    }
}

/// <summary>One product with its cost; handed only to callers holding <see cref="CatalogPermissions.ViewCost"/>.</summary>
public sealed record ProductCostDetails : ProductDetails
{
    public ProductCostDetails(ProductDetails details, decimal? costPrice)
        : base(details) => CostPrice = costPrice;

    public decimal? CostPrice { get; init; }
}

public sealed record ProductFilter(string? Q = null, string? ProductLine = null, string? Category = null, bool? Active = null);

/// <summary>Products for pickers and the catalog page. Every internal role sees every product; only the cost is restricted.</summary>
public sealed class ProductQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<Product> Sorts = new(
        "sku",
        SortOption<Product>.By("sku", p => p.Sku),
        SortOption<Product>.By("name", p => p.NameZh),
        SortOption<Product>.By("productLine", p => p.ProductLine),
        SortOption<Product>.By("createdAt", p => p.CreatedAtUtc));

    /// <summary>The list without cost, for everyone with <see cref="CatalogPermissions.View"/>.</summary>
    public async Task<Result<Page<ProductRow>>> ListAsync(Actor actor, ProductFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(CatalogPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Sorts.PageAsync(Filter(db.Products.AsNoTracking(), filter), page, p => new ProductRow(
            p.Id, p.Sku, p.NameZh, p.NameEn, p.ProductLine, p.Category, p.Unit, p.QuantityDecimals, p.TaxRate, p.WeightKg, p.VolumeM3, p.IsActive, p.Version), ct);
    }

    /// <summary>The list with cost: refused without <see cref="CatalogPermissions.ViewCost"/>.</summary>
    public async Task<Result<Page<ProductCostRow>>> ListWithCostAsync(Actor actor, ProductFilter filter, PageRequest page, CancellationToken ct)
    {
        if ((actor.Require(CatalogPermissions.View) ?? actor.Require(CatalogPermissions.ViewCost)) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Sorts.PageAsync(Filter(db.Products.AsNoTracking(), filter), page, p => new ProductCostRow(
            p.Id, p.Sku, p.NameZh, p.NameEn, p.ProductLine, p.Category, p.Unit, p.QuantityDecimals, p.TaxRate, p.WeightKg, p.VolumeM3, p.IsActive, p.Version,
            p.CostPrice), ct);
    }

    /// <summary>One product; a <see cref="ProductCostDetails"/> only when the caller may see the cost.</summary>
    public async Task<Result<ProductDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(CatalogPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var product = await db.Products.AsNoTracking().Include(p => p.Conversions).SingleOrDefaultAsync(p => p.Id == id, ct);
        return product is null ? CatalogErrors.ProductNotFound(id) : ProductDetails.For(product, actor);
    }

    /// <summary>The distinct product lines and categories, for the filters.</summary>
    public async Task<Result<IReadOnlyList<string>>> LinesAsync(Actor actor, CancellationToken ct)
    {
        if (actor.Require(CatalogPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking().Select(p => p.ProductLine).Distinct().OrderBy(l => l).ToListAsync(ct);
    }

    private static IQueryable<Product> Filter(IQueryable<Product> query, ProductFilter filter)
    {
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var upper = q.ToUpperInvariant();
            // ToUpper is translated by both providers; the StringComparison overload the analyzer suggests is not.
#pragma warning disable CA1862
            query = query.Where(p => p.Sku.Contains(upper) || p.NameZh.Contains(q) || p.NameEn.ToUpper().Contains(upper));
#pragma warning restore CA1862
        }

        if (!string.IsNullOrWhiteSpace(filter.ProductLine))
        {
            query = query.Where(p => p.ProductLine == filter.ProductLine);
        }

        if (!string.IsNullOrWhiteSpace(filter.Category))
        {
            query = query.Where(p => p.Category == filter.Category);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(p => p.IsActive == active);
        }

        return query;
    }
}
