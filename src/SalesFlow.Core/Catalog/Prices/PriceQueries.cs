using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Catalog.Prices;

public sealed record ResolvePrice(Guid CustomerId, Guid ProductId, decimal Quantity, string? Unit = null, SalesChannel? Channel = null, DateOnly? On = null, DealerTier? DealerTier = null);

/// <summary>
/// The price an editor shows for one line: the quantity as asked and in the base unit, and — when a list prices it
/// (<see cref="Found"/>) — the list, the quantity break, the unit price and floor per base unit.
/// </summary>
public sealed record PriceAnswer(
    Guid CustomerId, Guid ProductId, DateOnly On, SalesChannel Channel, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit,
    bool Found, Guid? PriceListId, string? PriceListCode, decimal? MinQuantity, decimal? UnitPrice, decimal? FloorPrice, string Currency);

/// <summary>The resolve endpoint's query: the customer must be in the caller's scope (404 otherwise); <see cref="PriceResolver"/> decides.</summary>
public sealed class PriceQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public async Task<Result<PriceAnswer>> ResolveAsync(ResolvePrice request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(CatalogPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(c => c.Id == request.CustomerId, ct);
        if (customer is null)
        {
            return Error.NotFound("Customer", request.CustomerId);
        }

        var product = await db.Products.AsNoTracking().Include(p => p.Conversions).SingleOrDefaultAsync(p => p.Id == request.ProductId, ct);
        if (product is null)
        {
            return CatalogErrors.ProductNotFound(request.ProductId);
        }

        if (!product.IsActive)
        {
            return CatalogErrors.ProductInactive;
        }

        var unit = string.IsNullOrWhiteSpace(request.Unit) ? product.Unit : request.Unit.Trim();
        if (product.ToBaseQuantity(request.Quantity, unit) is not { } baseQuantity)
        {
            return CatalogErrors.UnitUnknown;
        }

        if (request.Quantity <= 0 || !product.IsValidQuantity(baseQuantity) || (unit == product.Unit && baseQuantity != request.Quantity))
        {
            return CatalogErrors.QuantityDecimals;
        }

        var channel = request.Channel ?? SalesChannel.Direct;
        var on = request.On ?? clock.Today;
        var price = await PriceResolver.ResolveAsync(db, PriceContext.For(customer, channel, on, request.DealerTier), product.Id, baseQuantity, ct);
        return new PriceAnswer(
            customer.Id, product.Id, on, channel, request.Quantity, unit, baseQuantity, product.Unit, price is not null, price?.PriceListId, price?.PriceListCode,
            price?.MinQuantity, price?.UnitPrice, price?.FloorPrice, price?.Currency ?? "CNY");
    }
}
