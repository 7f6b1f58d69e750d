namespace SalesFlow.Bench.Data;

/// <summary>
/// How big a generated company is. L is the size the product is designed for (1M customers, 10M order lines,
/// 5,000 dealers); M is a tenth of it, S a hundredth, and Tiny is what <c>dotnet test</c> generates to prove each
/// workload's product path and baseline agree. Every scale covers the same 36 months.
/// </summary>
public sealed record Scale(
    string Name, int Customers, int ContactsPerCustomer, int Leads, int Dealers, int Reps, int Products, int Orders, int LinesPerOrder)
{
    public const int Months = 36;

    /// <summary>The last month with orders; fixed so that a dataset is the same whenever it is generated.</summary>
    public static readonly DateOnly LastMonth = new(2026, 11, 1);

    public static readonly DateOnly FirstMonth = LastMonth.AddMonths(1 - Months);

    public static readonly Scale L = new("L", 1_000_000, 2, 1_000_000, 5_000, 2_000, 10_000, 2_500_000, 4);
    public static readonly Scale M = L.Divided("M", 10);
    public static readonly Scale S = L.Divided("S", 100);
    public static readonly Scale Tiny = new("Tiny", 1_200, 2, 600, 12, 24, 60, 1_500, 4);

    public int Contacts => Customers * ContactsPerCustomer;

    public int OrderLines => Orders * LinesPerOrder;

    /// <summary>Reps work in teams of ten; every region has at least one team.</summary>
    public int Teams => Math.Max(6, Reps / 10);

    public static Scale Parse(string name) => name.ToUpperInvariant() switch
    {
        "L" => L,
        "M" => M,
        "S" => S,
        "TINY" => Tiny,
        _ => throw new ArgumentException($"Unknown scale {name}: use S, M, L or tiny."),
    };

    private Scale Divided(string name, int by) => new(
        name, Customers / by, ContactsPerCustomer, Leads / by, Dealers / by, Reps / by, Products / by, Orders / by, LinesPerOrder);
}
