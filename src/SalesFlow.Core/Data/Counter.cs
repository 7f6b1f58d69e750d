using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesFlow.Core.Data;

/// <summary>The last number handed out for one document type and year.</summary>
public sealed class Counter
{
    private Counter()
    {
    }

    // value: the last number already handed out, for a series whose first numbers were assigned elsewhere (demo data, imports).
    public Counter(string name, int year, long value = 0)
    {
        Name = name;
        Year = year;
        Value = value;
    }

    public string Name { get; private set; } = "";

    public int Year { get; private set; }

    public long Value { get; private set; }
}

internal sealed class CounterConfiguration : IEntityTypeConfiguration<Counter>
{
    public void Configure(EntityTypeBuilder<Counter> builder)
    {
        builder.HasKey(c => new { c.Name, c.Year });
        builder.Property(c => c.Name).HasMaxLength(20);
    }
}
