using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Quotes;

/// <summary>A line as the caller enters it: the product, the quantity in a unit the product is sold in (its base unit when omitted), the discount in percent.</summary>
public sealed record QuoteLineInput(
    [property: Required] Guid? ProductId,
    [property: Required, Range(typeof(decimal), "0.001", "1000000000")] decimal? Quantity,
    [property: StringLength(10)] string? Unit = null,
    [property: Range(typeof(decimal), "0", "100")] decimal? DiscountPercent = null);

/// <summary>A line priced without saving (the editor shows it as the rep types).</summary>
public sealed record PricedLine(
    int Position, Guid ProductId, string Sku, string ProductName, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit,
    decimal ListUnitPrice, decimal DiscountPercent, decimal NetUnitPrice, decimal TaxRate, decimal NetAmount, decimal TaxAmount, decimal GrossAmount);

public sealed record PricedQuote(IReadOnlyList<PricedLine> Lines, decimal NetAmount, decimal TaxAmount, decimal GrossAmount, string Currency);

/// <summary>
/// Turns entered lines into priced <see cref="QuoteLine"/>s: the quantity converts with <c>Product.ToBaseQuantity</c> (and
/// must fit the product's decimals), the list price is <see cref="PriceResolver"/>'s for the customer, the direct
/// channel and the day, the discount is at most <see cref="DiscountAuthority.MaximumPercent"/>. Line numbers in errors are 1-based.
/// </summary>
public static class QuotePricing
{
    public const int MaxLines = 200;

    public static Error? Check(IReadOnlyList<QuoteLineInput>? lines)
    {
        if (lines is null)
        {
            return null;
        }

        if (lines.Count > MaxLines)
        {
            return Error.Invalid("lines", "maxLength", ("max", MaxLines));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i] is null)
            {
                return Error.Invalid($"lines[{i}]", "required");
            }

            if (RequestValidation.Check(lines[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"lines[{i}].{fields[0].Field}", fields[0].Rule, [.. (fields[0].Args ?? new Dictionary<string, object?>()).Select(a => (a.Key, a.Value))]);
            }
        }

        return null;
    }

    public static async Task<Result<List<QuoteLine>>> PriceAsync(
        SalesFlowDbContext db, Customer customer, IReadOnlyList<QuoteLineInput> lines, DateOnly on, DiscountAuthority authority, CancellationToken ct)
    {
        var productIds = lines.Select(l => l.ProductId!.Value).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Include(p => p.Conversions).Where(p => productIds.Contains(p.Id) && p.IsActive).ToDictionaryAsync(p => p.Id, ct);
        var converted = new List<(Catalog.Products.Product Product, string Unit, decimal Quantity, decimal Base, decimal Discount)>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!products.TryGetValue(line.ProductId!.Value, out var product))
            {
                return QuoteErrors.ProductNotFound(i + 1);
            }

            var unit = string.IsNullOrWhiteSpace(line.Unit) ? product.Unit : line.Unit.Trim();
            var factor = unit == product.Unit ? 1m : product.Conversions.FirstOrDefault(c => c.Unit == unit)?.FactorToBase;
            if (factor is null || product.ToBaseQuantity(line.Quantity!.Value, unit) is not { } baseQuantity)
            {
                return QuoteErrors.UnitNotSold(i + 1, unit);
            }

            // ToBaseQuantity rounds to the product's decimals; a quantity that needed rounding (1.5 台) is refused instead.
            if (line.Quantity!.Value * factor.Value != baseQuantity || !product.IsValidQuantity(baseQuantity))
            {
                return QuoteErrors.QuantityDecimals(i + 1, product.QuantityDecimals);
            }

            var discount = decimal.Round(line.DiscountPercent ?? 0m, 2, MidpointRounding.AwayFromZero);
            if (discount > authority.MaximumPercent)
            {
                return QuoteErrors.DiscountExceedsMaximum(i + 1, authority.MaximumPercent);
            }

            converted.Add((product, unit, decimal.Round(line.Quantity!.Value, 3, MidpointRounding.AwayFromZero), baseQuantity, discount));
        }

        var prices = await PriceResolver.ResolveAsync(db, await Dealers.DealerAccounts.PriceContextAsync(db, customer, on, ct), converted.Select(c => (c.Product.Id, c.Base)).ToList(), ct);
        var priced = new List<QuoteLine>(converted.Count);
        for (var i = 0; i < converted.Count; i++)
        {
            var (product, unit, quantity, baseQuantity, discount) = converted[i];
            if (prices[i] is not { } price)
            {
                return QuoteErrors.NoPrice(i + 1, product.Sku);
            }

            priced.Add(new QuoteLine(
                i + 1, product.Id, product.Sku, product.NameZh, quantity, unit, baseQuantity, product.Unit,
                price.PriceListId, price.UnitPrice, price.FloorPrice, discount, product.TaxRate));
        }

        return priced;
    }

    public static PricedQuote Describe(IReadOnlyList<QuoteLine> lines, string currency)
    {
        var totals = DocumentTotals.Of(lines.Select(l => l.Amounts));
        return new PricedQuote(
            lines.Select(l => new PricedLine(
                l.Position, l.ProductId, l.Sku, l.ProductName, l.Quantity, l.Unit, l.BaseQuantity, l.BaseUnit, l.ListUnitPrice, l.DiscountPercent,
                l.NetUnitPrice, l.TaxRate, l.NetAmount, l.TaxAmount, l.GrossAmount)).ToList(),
            totals.NetAmount, totals.TaxAmount, totals.GrossAmount, currency);
    }
}
