using SalesFlow.Core.Common;

namespace SalesFlow.Core.Deliveries;

/// <summary>Total weight and volume of what is shipped and the freight charged for it.</summary>
public sealed record FreightQuote(decimal WeightKg, decimal VolumeM3, decimal? WeightCharge, decimal? VolumeCharge, decimal Amount);

/// <summary>
/// The freight arithmetic, in one place:
/// <list type="bullet">
/// <item>units: weight in whole kg, volume in steps of 0.1 m³; a started unit counts in full (12.2 kg → 13 units, 0.31 m³ → 4 units);</item>
/// <item>charge of a basis = first unit price + (units − 1) × additional unit price, at least the minimum charge (also when there is nothing to weigh);</item>
/// <item>freight = the larger of the weight charge and the volume charge (a basis without a rate is left out), rounded once to 2 decimals;</item>
/// <item>no rate for the zone and method on the date → <c>delivery.noFreightRate</c>; customer pickup is free and needs no rate.</item>
/// </list>
/// </summary>
public static class FreightCalculator
{
    public const decimal VolumeStep = 0.1m;

    public static decimal Units(FreightBasis basis, decimal amount) => basis switch
    {
        FreightBasis.Weight => decimal.Ceiling(amount),
        FreightBasis.Volume => decimal.Ceiling(amount / VolumeStep),
        _ => throw new ArgumentOutOfRangeException(nameof(basis)),
    };

    /// <summary>The charge of one rate for a weight (kg) or volume (m³), not rounded.</summary>
    public static decimal Charge(FreightRate rate, decimal amount)
    {
        var units = Units(rate.Basis, amount);
        var charge = units <= 0 ? 0m : rate.FirstUnitPrice + ((units - 1) * rate.AdditionalUnitPrice);
        return Math.Max(charge, rate.MinimumCharge);
    }

    /// <summary>
    /// Freight for a shipment of <paramref name="weightKg"/> and <paramref name="volumeM3"/>. <paramref name="rates"/> are
    /// candidates (any zone, method, date); the one valid on <paramref name="on"/> with the latest start is used per basis.
    /// </summary>
    public static Result<FreightQuote> Quote(IEnumerable<FreightRate> rates, string zone, DeliveryMethod method, DateOnly on, decimal weightKg, decimal volumeM3)
    {
        if (method == DeliveryMethod.CustomerPickup)
        {
            return new FreightQuote(weightKg, volumeM3, null, null, 0m);
        }

        var valid = rates.Where(r => r.Zone == zone && r.Method == method && r.IsValidOn(on)).ToList();
        var weightRate = valid.Where(r => r.Basis == FreightBasis.Weight).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
        var volumeRate = valid.Where(r => r.Basis == FreightBasis.Volume).OrderByDescending(r => r.ValidFrom).FirstOrDefault();
        if (weightRate is null && volumeRate is null)
        {
            return DeliveryErrors.NoFreightRate(zone, method, on);
        }

        decimal? byWeight = weightRate is null ? null : Charge(weightRate, weightKg);
        decimal? byVolume = volumeRate is null ? null : Charge(volumeRate, volumeM3);
        var amount = decimal.Round(Math.Max(byWeight ?? 0m, byVolume ?? 0m), 2, MidpointRounding.AwayFromZero);
        return new FreightQuote(weightKg, volumeM3, byWeight, byVolume, amount);
    }
}
