using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Deliveries;

/// <summary>What a rate charges by: kg (whole kilograms) or m³ (in steps of 0.1 m³).</summary>
public enum FreightBasis
{
    Weight,
    Volume,
}

/// <summary>
/// One row of the freight rate table: for a zone and a method, charged by weight or by volume — the first unit's price,
/// each further (started) unit's price, and a minimum charge — valid from a date, until a date (inclusive) or open.
/// Units: 1 kg for <see cref="FreightBasis.Weight"/>, 0.1 m³ for <see cref="FreightBasis.Volume"/> (<see cref="FreightCalculator"/>).
/// </summary>
public sealed class FreightRate : IHasId, IAudited, IVersioned
{
    private FreightRate()
    {
    }

    public FreightRate(string zone, DeliveryMethod method, FreightBasis basis, decimal firstUnitPrice, decimal additionalUnitPrice, decimal minimumCharge, DateOnly validFrom, DateOnly? validTo)
    {
        Id = Guid.CreateVersion7();
        Set(zone, method, basis, firstUnitPrice, additionalUnitPrice, minimumCharge, validFrom, validTo);
    }

    public Guid Id { get; private set; }

    public string Zone { get; private set; } = "";

    public DeliveryMethod Method { get; private set; }

    public FreightBasis Basis { get; private set; }

    public decimal FirstUnitPrice { get; private set; }

    public decimal AdditionalUnitPrice { get; private set; }

    public decimal MinimumCharge { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public bool IsValidOn(DateOnly day) => ValidFrom <= day && (ValidTo is null || day <= ValidTo);

    public void Set(string zone, DeliveryMethod method, FreightBasis basis, decimal firstUnitPrice, decimal additionalUnitPrice, decimal minimumCharge, DateOnly validFrom, DateOnly? validTo)
    {
        Zone = zone;
        Method = method;
        Basis = basis;
        FirstUnitPrice = firstUnitPrice;
        AdditionalUnitPrice = additionalUnitPrice;
        MinimumCharge = minimumCharge;
        ValidFrom = validFrom;
        ValidTo = validTo;
    }
}
