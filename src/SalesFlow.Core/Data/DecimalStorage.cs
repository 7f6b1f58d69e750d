using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SalesFlow.Core.Data;

/// <summary>
/// SQLite has no decimal type: EF Core would store decimals as TEXT, which sorts and sums as text.
/// On SQLite every decimal column is stored as an integer count of its smallest unit (cents for
/// money with scale 2, thousandths for quantities with scale 3), so SUM and ORDER BY run natively;
/// PostgreSQL keeps numeric(p, s). The scale comes from the column's declared precision.
/// </summary>
public static class DecimalStorage
{
    public static void StoreDecimalsAsMinorUnits(ModelBuilder modelBuilder)
    {
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(decimal) || p.ClrType == typeof(decimal?)))
            {
                var scale = property.GetScale() ?? throw new InvalidOperationException(
                    $"{entity.DisplayName()}.{property.Name} needs HasPrecision(p, s): SQLite stores it in minor units of that scale.");
                property.SetValueConverter(ConverterFor(scale, property.ClrType == typeof(decimal?)));
            }
        }
    }

    public static ValueConverter ConverterFor(int scale, bool nullable = false)
    {
        var factor = Pow10(scale);
        return nullable
            ? new ValueConverter<decimal?, long?>(v => v.HasValue ? (long)decimal.Round(v.Value * factor, MidpointRounding.AwayFromZero) : null, v => v.HasValue ? v.Value / factor : null)
            : new ValueConverter<decimal, long>(v => (long)decimal.Round(v * factor, MidpointRounding.AwayFromZero), v => v / factor);
    }

    private static decimal Pow10(int scale)
    {
        var factor = 1m;
        for (var i = 0; i < scale; i++)
        {
            factor *= 10m;
        }

        return factor;
    }

    /// <summary>Money: (18, 2), rounded half away from zero at the line level.</summary>
    public static PropertyBuilder<decimal> IsMoney(this PropertyBuilder<decimal> property) => property.HasPrecision(18, 2);

    /// <summary>Quantities in the product's unit, bulk goods included: (18, 3).</summary>
    public static PropertyBuilder<decimal> IsQuantity(this PropertyBuilder<decimal> property) => property.HasPrecision(18, 3);
}
