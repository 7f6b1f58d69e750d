using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SalesFlow.Core.Data;

/// <summary>One column as the model maps it: its name, its store type and how a record's value is written there.</summary>
internal sealed record BulkColumn(string Name, string StoreType, Func<object, object?> Read);

/// <summary>
/// A table as the EF Core model maps it, so a bulk path writes exactly what SaveChanges would: the same columns, the
/// provider's value converters (enums as text, money in minor units on SQLite, UTC timestamps) and the model's default
/// values where a record leaves a property at its CLR default. Store-generated keys are left to the database.
/// </summary>
internal sealed record BulkTable(string Name, IReadOnlyList<BulkColumn> Columns)
{
    /// <summary>The table and its columns as an INSERT or a COPY names them: <c>"table" ("a", "b")</c>.</summary>
    public string Target => $"\"{Name}\" ({string.Join(", ", Columns.Select(c => $"\"{c.Name}\""))})";

    public static BulkTable Of<T>(IModel model) =>
        Of(model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not mapped."));

    public static BulkTable Of(IEntityType entity)
    {
        var name = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} has no table.");
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var columns = new List<BulkColumn>();
        foreach (var property in entity.GetProperties())
        {
            if (property.ValueGenerated == ValueGenerated.OnAdd && property.IsPrimaryKey() && property.ClrType != typeof(Guid))
            {
                continue;
            }

            if (property.IsShadowProperty() || property.GetDefaultValueSql() is not null || property.GetComputedColumnSql() is not null)
            {
                // A value only the change tracker or the database knows: such a type is saved by SaveChanges.
                throw new NotSupportedException($"{entity.DisplayName()}.{property.Name} has no value on the record; it cannot be written in bulk.");
            }

            columns.Add(new BulkColumn(property.GetColumnName(store)!, property.GetColumnType(store), Reader(property)));
        }

        return new BulkTable(name, columns);
    }

    private static Func<object, object?> Reader(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        var fallback = property.GetDefaultValue();
        return record =>
        {
            // As SaveChanges does: a property left at its CLR default gets the model's default value.
            var value = fallback is not null && getter.HasSentinelValueUsingContainingEntity(record) ? fallback : getter.GetClrValueUsingContainingEntity(record);
            return value is not null && converter is not null ? converter.ConvertToProvider(value) : value;
        };
    }
}
