using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace SalesFlow.Bench.Data;

/// <summary>
/// Sets what a record's own methods set over its life (an id known in advance, the audit stamps the interceptor
/// writes, a status reached through steps the generator skips) on records built with their constructors.
/// Compiled once per property: the generator sets tens of millions of values.
/// </summary>
internal static class Setter
{
    private static readonly ConcurrentDictionary<(Type, string), Delegate> Compiled = new();

    public static T Set<T, TValue>(this T record, string property, TValue value)
        where T : class
    {
        var set = (Action<T, TValue>)Compiled.GetOrAdd((typeof(T), property), key => Compile<T, TValue>(key.Item2));
        set(record, value);
        return record;
    }

    /// <summary>Created/updated stamps as the audit interceptor would have written them at <paramref name="atUtc"/>.</summary>
    public static T Stamped<T>(this T record, DateTime atUtc, string by = "bench")
        where T : class =>
        record.Set("CreatedAtUtc", atUtc).Set("UpdatedAtUtc", atUtc).Set("CreatedBy", by).Set("UpdatedBy", by);

    private static Action<T, TValue> Compile<T, TValue>(string name)
    {
        var property = typeof(T).GetProperty(name, BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name}.");
        var target = Expression.Parameter(typeof(T));
        var value = Expression.Parameter(typeof(TValue));
        var assign = Expression.Assign(Expression.Property(target, property), Expression.Convert(value, property.PropertyType));
        return Expression.Lambda<Action<T, TValue>>(assign, target, value).Compile();
    }
}

/// <summary>
/// Ids the way the product makes them (UUID version 7: creation time first, so inserts land at the end of the index),
/// but from a seeded generator, so a dataset is the same every time it is generated.
/// </summary>
internal sealed class IdSource(int seed)
{
    private readonly Random _random = new(seed);
    private readonly byte[] _bytes = new byte[16];

    public Guid At(DateTime utc)
    {
        var ms = new DateTimeOffset(utc, TimeSpan.Zero).ToUnixTimeMilliseconds();
        _random.NextBytes(_bytes);
        for (var i = 0; i < 6; i++)
        {
            _bytes[i] = (byte)(ms >> (8 * (5 - i)));
        }

        _bytes[6] = (byte)(0x70 | (_bytes[6] & 0x0F));
        _bytes[8] = (byte)(0x80 | (_bytes[8] & 0x3F));
        return new Guid(_bytes, bigEndian: true);
    }
}
