using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers;

/// <summary>
/// A city (or, with <see cref="City"/> empty, a whole province) a dealer sells in (PRODUCT.md §8). Exclusive by default:
/// two exclusive claims on the same city, or on a province and a city in it, may not overlap in time.
/// </summary>
public sealed class DealerTerritory : IHasId, IAudited
{
    public const int PlaceMaxLength = 50;

    private DealerTerritory()
    {
    }

    public DealerTerritory(Guid dealerId, string province, string? city, bool exclusive, DateOnly validFrom, DateOnly? validTo)
    {
        Id = Guid.CreateVersion7();
        DealerId = dealerId;
        Province = province;
        City = string.IsNullOrWhiteSpace(city) ? null : city;
        Exclusive = exclusive;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public Guid Id { get; private set; }

    public Guid DealerId { get; private set; }

    public string Province { get; private set; } = "";

    /// <summary>Null: the whole province.</summary>
    public string? City { get; private set; }

    public bool Exclusive { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    /// <summary>Null: open-ended. The last day the claim holds.</summary>
    public DateOnly? ValidTo { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>Ends the claim on a day (territory change, termination); it no longer blocks others after that day.</summary>
    public void EndOn(DateOnly day) => ValidTo = day;
}
