using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Catalog.Products;

/// <summary>1 <see cref="Unit"/> = <see cref="FactorToBase"/> base units.</summary>
public sealed record UnitConversionInput(string Unit, decimal FactorToBase);

/// <summary>
/// The editable fields of a product, for create and edit. <see cref="CostPrice"/> may be sent only by a caller holding
/// <see cref="CatalogPermissions.ViewCost"/> (403 otherwise); for such a caller an edit without a cost clears it.
/// </summary>
public sealed record ProductInput(
    [property: Required, StringLength(Product.SkuMaxLength, MinimumLength = 1)] string Sku,
    [property: Required, StringLength(Product.NameMaxLength, MinimumLength = 1)] string NameZh,
    [property: StringLength(Product.NameMaxLength)] string? NameEn,
    [property: Required, StringLength(Product.LineMaxLength, MinimumLength = 1)] string ProductLine,
    [property: StringLength(Product.LineMaxLength)] string? Category,
    [property: Required, StringLength(Product.UnitMaxLength, MinimumLength = 1)] string Unit,
    [property: Range(0, Product.MaxQuantityDecimals)] int QuantityDecimals,
    [property: Range(typeof(decimal), "0", "1")] decimal TaxRate,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? CostPrice = null,
    [property: Range(typeof(decimal), "0", "1000000000")] decimal? WeightKg = null,
    [property: Range(typeof(decimal), "0", "1000000000")] decimal? VolumeM3 = null,
    IReadOnlyList<UnitConversionInput>? Conversions = null);

public sealed record UpdateProduct(Guid Id, ProductInput Product, [property: Required] int? Version);

public sealed record SetProductActive(Guid Id, bool Active, [property: Required] int? Version);

/// <summary>Create, edit, deactivate and activate products (<see cref="CatalogPermissions.Manage"/>).</summary>
public sealed class SaveProductHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, ProductQueries queries)
{
    public async Task<Result<ProductDetails>> CreateAsync(ProductInput request, Actor actor, CancellationToken ct)
    {
        if (Check(request, actor) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var sku = NormalSku(request.Sku);
        if (await db.Products.AnyAsync(p => p.Sku == sku, ct))
        {
            return CatalogErrors.SkuTaken;
        }

        var product = new Product(sku, "", "", "", "", request.Unit.Trim(), request.QuantityDecimals, request.TaxRate);
        Apply(product, request, actor);
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, product.Id, ct);
    }

    public async Task<Result<ProductDetails>> UpdateAsync(UpdateProduct request, Actor actor, CancellationToken ct)
    {
        if ((Check(request.Product, actor) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var product = loaded.Value!;
        var input = request.Product;
        var sku = NormalSku(input.Sku);
        if (sku != product.Sku && await db.Products.AnyAsync(p => p.Sku == sku && p.Id != product.Id, ct))
        {
            return CatalogErrors.SkuTaken;
        }

        if ((input.Unit.Trim() != product.Unit || input.QuantityDecimals != product.QuantityDecimals)
            && await db.PriceListItems.AnyAsync(i => i.ProductId == product.Id, ct))
        {
            return CatalogErrors.UnitInUse;
        }

        product.Rename(sku);
        product.SetUnit(input.Unit.Trim(), input.QuantityDecimals);
        product.SetTaxRate(input.TaxRate);
        Apply(product, input, actor);
        if (await db.SaveOrConflictAsync("Product", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, product.Id, ct);
    }

    public async Task<Result<ProductDetails>> SetActiveAsync(SetProductActive request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(CatalogPermissions.Manage) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        if (request.Active)
        {
            loaded.Value!.Activate();
        }
        else
        {
            loaded.Value!.Deactivate();
        }

        if (await db.SaveOrConflictAsync("Product", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, request.Id, ct);
    }

    private async Task<Result<Product>> LoadAsync(SalesFlowDbContext db, Actor actor, Guid id, int version, CancellationToken ct)
    {
        var product = await db.Products.Include(p => p.Conversions).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (product is null)
        {
            return CatalogErrors.ProductNotFound(id);
        }

        return product.Version != version
            ? Error.StaleVersion("Product", version, product.Version, (await queries.GetAsync(actor, id, ct)).Value)
            : product;
    }

    private static Error? Check(ProductInput request, Actor actor)
    {
        if (actor.Require(CatalogPermissions.Manage) is { } denied)
        {
            return denied;
        }

        // The cost is confidential both ways: whoever may not read it may not write it either.
        if (request.CostPrice is not null && actor.Require(CatalogPermissions.ViewCost) is { } costDenied)
        {
            return costDenied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var conversions = request.Conversions ?? [];
        var units = conversions.Select(c => c.Unit?.Trim() ?? "").ToList();
        return units.Any(u => u.Length is 0 or > Product.UnitMaxLength || u == request.Unit.Trim())
               || units.Distinct(StringComparer.Ordinal).Count() != units.Count
               || conversions.Any(c => c.FactorToBase <= 0 || c.FactorToBase > 1_000_000_000m || decimal.Round(c.FactorToBase, 6) != c.FactorToBase)
            ? CatalogErrors.ConversionInvalid
            : null;
    }

    private static void Apply(Product product, ProductInput input, Actor actor)
    {
        product.Describe(input.NameZh.Trim(), input.NameEn?.Trim() ?? "", input.ProductLine.Trim(), input.Category?.Trim() ?? "");
        if (actor.Can(CatalogPermissions.ViewCost))
        {
            product.SetCost(input.CostPrice);
        }

        product.SetShipping(input.WeightKg, input.VolumeM3);
        var wanted = (input.Conversions ?? []).Select(c => (Unit: c.Unit.Trim(), c.FactorToBase)).ToList();
        var current = product.Conversions.Select(c => (c.Unit, c.FactorToBase)).ToList();
        if (!wanted.OrderBy(c => c.Unit, StringComparer.Ordinal).SequenceEqual(current.OrderBy(c => c.Unit, StringComparer.Ordinal)))
        {
            product.SetConversions(wanted);
        }
    }

    private static string NormalSku(string sku) => sku.Trim().ToUpperInvariant();
}
