using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Deliveries;

/// <summary>A product's weight and volume per base unit, and what a quantity of it weighs and takes up (rounded once: kg to 3, m³ to 6 places).</summary>
public sealed record ProductMeasure(decimal? WeightKg, decimal? VolumeM3)
{
    public decimal WeightOf(decimal quantity) => decimal.Round(quantity * (WeightKg ?? 0m), 3, MidpointRounding.AwayFromZero);

    public decimal VolumeOf(decimal quantity) => decimal.Round(quantity * (VolumeM3 ?? 0m), 6, MidpointRounding.AwayFromZero);
}

public static class ProductMeasures
{
    public static readonly ProductMeasure None = new(null, null);

    /// <summary>The measures of the given products, one query.</summary>
    public static Task<Dictionary<Guid, ProductMeasure>> LoadAsync(SalesFlowDbContext db, IEnumerable<Guid> productIds, CancellationToken ct)
    {
        var ids = productIds.Distinct().ToList();
        return db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new ProductMeasure(p.WeightKg, p.VolumeM3), ct);
    }
}
