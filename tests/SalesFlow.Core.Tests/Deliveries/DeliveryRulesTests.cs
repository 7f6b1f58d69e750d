using SalesFlow.Core.Deliveries;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Tests.Deliveries;

/// <summary>The freight arithmetic, the remaining-quantity rule and the delivery's status transitions, without a database.</summary>
public class DeliveryRulesTests
{
    private static readonly DateOnly Day = new(2026, 6, 1);

    // 华东 by freight carrier: 2.00 the first kg, 0.35 each further kg, at least 80; 45.00 the first 0.1 m³, 38.50 each further 0.1 m³, at least 120.
    private static readonly FreightRate ByWeight = new("华东", DeliveryMethod.FreightCarrier, FreightBasis.Weight, 2.00m, 0.35m, 80m, new DateOnly(2026, 1, 1), null);
    private static readonly FreightRate ByVolume = new("华东", DeliveryMethod.FreightCarrier, FreightBasis.Volume, 45.00m, 38.50m, 120m, new DateOnly(2026, 1, 1), null);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(12, 12)]
    [InlineData(12.001, 13)]
    [InlineData(12.2, 13)]
    [InlineData(0.4, 1)]
    [InlineData(0, 0)]
    public void Weight_is_charged_per_started_kilogram(decimal kg, decimal units) => Assert.Equal(units, FreightCalculator.Units(FreightBasis.Weight, kg));

    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(0.31, 4)]
    [InlineData(1.0, 10)]
    [InlineData(1.0001, 11)]
    public void Volume_is_charged_per_started_tenth_of_a_cubic_metre(decimal m3, decimal units) => Assert.Equal(units, FreightCalculator.Units(FreightBasis.Volume, m3));

    [Fact]
    public void A_charge_is_the_first_unit_plus_each_further_unit_and_never_below_the_minimum()
    {
        Assert.Equal(80m, FreightCalculator.Charge(ByWeight, 1m)); // 2.00 < 80 minimum
        Assert.Equal(80m, FreightCalculator.Charge(ByWeight, 0m)); // nothing to weigh still costs the minimum
        Assert.Equal(2.00m + (999 * 0.35m), FreightCalculator.Charge(ByWeight, 1_000m)); // 351.65
        Assert.Equal(2.00m + (1_000 * 0.35m), FreightCalculator.Charge(ByWeight, 1_000.2m)); // 1,001 units
        Assert.Equal(45.00m + (24 * 38.50m), FreightCalculator.Charge(ByVolume, 2.45m)); // 25 units: 969.00
    }

    [Fact]
    public void Freight_is_the_larger_of_the_weight_and_volume_charges_rounded_once()
    {
        // 880 kg, 2.1 m³ (one 37 kW compressor): weight 2 + 879 × 0.35 = 309.65; volume 45 + 20 × 38.5 = 815.00 → 815.00.
        var compressor = FreightCalculator.Quote([ByWeight, ByVolume], "华东", DeliveryMethod.FreightCarrier, Day, 880m, 2.1m).Value!;
        Assert.Equal((309.65m, 815.00m, 815.00m), (compressor.WeightCharge, compressor.VolumeCharge, compressor.Amount));

        // 30 t of cement (30,000 kg, 23.1 m³): weight 2 + 29,999 × 0.35 = 10,501.65; volume 45 + 230 × 38.5 = 8,900 → by weight.
        var cement = FreightCalculator.Quote([ByWeight, ByVolume], "华东", DeliveryMethod.FreightCarrier, Day, 30_000m, 23.1m).Value!;
        Assert.Equal(10_501.65m, cement.Amount);

        // Unit prices with more decimals: only the total is rounded (half away from zero), never each unit.
        var fine = new FreightRate("华东", DeliveryMethod.Express, FreightBasis.Weight, 12m, 0.125m, 0m, new DateOnly(2026, 1, 1), null);
        Assert.Equal(12.13m, FreightCalculator.Quote([fine], "华东", DeliveryMethod.Express, Day, 2m, 0m).Value!.Amount); // 12.125 → 12.13
        Assert.Equal(12.38m, FreightCalculator.Quote([fine], "华东", DeliveryMethod.Express, Day, 4m, 0m).Value!.Amount); // 12 + 3 × 0.125 = 12.375 → 12.38
    }

    [Fact]
    public void Only_a_rate_of_the_zone_and_method_valid_on_the_day_applies_and_the_newest_wins()
    {
        var old = new FreightRate("华南", DeliveryMethod.Express, FreightBasis.Weight, 10m, 5m, 0m, new DateOnly(2025, 1, 1), new DateOnly(2026, 5, 31));
        var current = new FreightRate("华南", DeliveryMethod.Express, FreightBasis.Weight, 12m, 6m, 0m, new DateOnly(2026, 6, 1), null);
        Assert.Equal(10m + 5m, FreightCalculator.Quote([old, current], "华南", DeliveryMethod.Express, new DateOnly(2026, 5, 31), 2m, 0m).Value!.Amount);
        Assert.Equal(12m + 6m, FreightCalculator.Quote([old, current], "华南", DeliveryMethod.Express, Day, 2m, 0m).Value!.Amount);

        var none = FreightCalculator.Quote([old, current, ByWeight], "华南", DeliveryMethod.FreightCarrier, Day, 2m, 0m);
        Assert.Equal("delivery.noFreightRate", none.Error!.Code);
        var expired = FreightCalculator.Quote([old], "华南", DeliveryMethod.Express, Day, 2m, 0m);
        Assert.Equal("delivery.noFreightRate", expired.Error!.Code);

        // Customer pickup costs nothing and needs no rate.
        Assert.Equal(0m, FreightCalculator.Quote([], "西北", DeliveryMethod.CustomerPickup, Day, 500m, 1m).Value!.Amount);
    }

    [Fact]
    public void Zones_come_from_the_province_table_and_the_region_name()
    {
        Assert.Equal("华东", ShippingZones.ZoneOf("浙江"));
        Assert.Equal("西南", ShippingZones.ZoneOf("重庆"));
        Assert.Null(ShippingZones.ZoneOf("台北"));
        Assert.Equal("东北", ShippingZones.ZoneOfRegion("东北大区"));
        Assert.Equal(31, ShippingZones.Provinces.Select(p => p.Province).Distinct().Count());
        Assert.All(ShippingZones.Provinces, p => Assert.Contains(p.Zone, ShippingZones.Zones));
    }

    [Fact]
    public void What_is_left_to_plan_is_ordered_minus_delivered_minus_other_open_deliveries()
    {
        var line = new OrderLine(1, Guid.NewGuid(), "BM-RBR", "螺纹钢", 10m, "t", 10m, "t", Guid.NewGuid(), 3_980m, null, 0m, 0.13m);
        Assert.Equal(10m, RemainingQuantities.Of(line, new Dictionary<Guid, decimal>()));
        Assert.Equal(6.5m, RemainingQuantities.Of(line, new Dictionary<Guid, decimal> { [line.Id] = 3.5m, [Guid.NewGuid()] = 4m }));
    }

    [Fact]
    public void A_delivery_goes_planned_shipped_delivered_and_is_cancelled_only_before_shipping()
    {
        var delivery = Planned();
        Assert.Equal("delivery.deliveryBeforeShip", delivery.Plan(
            DeliveryMethod.Express, "顺丰", null, "华东", null, null, Day, Day.AddDays(-1), [], new FreightQuote(0, 0, null, null, 0)).Error!.Code);
        Assert.Equal("delivery.notShipped", delivery.Deliver(Day, DateTime.UtcNow, null, null, "logistics").Error!.Code);
        Assert.True(delivery.Ship(Day, "SF1234567890", DateTime.UtcNow, "上海", null, "logistics").IsSuccess);
        Assert.Equal(("SF1234567890", DeliveryStatus.Shipped), (delivery.TrackingNumber, delivery.Status));
        Assert.Equal("delivery.notPlanned", delivery.Ship(Day, null, DateTime.UtcNow, null, null, "logistics").Error!.Code);
        Assert.Equal("delivery.notPlanned", delivery.Plan(
            DeliveryMethod.Express, "顺丰", null, "华东", null, null, Day, Day, [], new FreightQuote(0, 0, null, null, 0)).Error!.Code);
        Assert.Equal("delivery.cannotCancel", delivery.Cancel("客户取消", DateTime.UtcNow, "logistics").Error!.Code);
        Assert.Equal("delivery.deliveredBeforeShipped", delivery.Deliver(Day.AddDays(-1), DateTime.UtcNow, null, null, "logistics").Error!.Code);
        Assert.True(delivery.Track(DateTime.UtcNow, "杭州转运中心", "到达", "logistics").IsSuccess);
        Assert.True(delivery.Deliver(Day.AddDays(2), DateTime.UtcNow, null, "客户签收", "logistics").IsSuccess);
        Assert.Equal(
            [DeliveryStatus.Planned, DeliveryStatus.Shipped, DeliveryStatus.Shipped, DeliveryStatus.Delivered],
            delivery.Events.Select(e => e.Status).ToArray());

        var cancelled = Planned();
        Assert.True(cancelled.Cancel("客户改期", DateTime.UtcNow, "logistics").IsSuccess);
        Assert.Equal(("客户改期", DeliveryStatus.Cancelled), (cancelled.CancelReason, cancelled.Events[^1].Status));
        Assert.Equal("delivery.cancelled", cancelled.Track(DateTime.UtcNow, null, "x", "logistics").Error!.Code);
        Assert.Equal("delivery.notPlanned", cancelled.Ship(Day, null, DateTime.UtcNow, null, null, "logistics").Error!.Code);
    }

    [Fact]
    public void An_exception_is_resolved_once_and_not_before_it_was_opened()
    {
        var exception = new DeliveryException(Planned(), DeliveryExceptionType.Damage, "外箱破损", Guid.NewGuid(), 1m, Day);
        Assert.Equal("deliveryException.resolvedBeforeOpened", exception.Resolve("补发", Day.AddDays(-1)).Error!.Code);
        Assert.True(exception.Assign(Guid.NewGuid()).IsSuccess);
        Assert.True(exception.Resolve("补发一台，运费由承运商承担", Day.AddDays(3)).IsSuccess);
        Assert.Equal((DeliveryExceptionStatus.Resolved, Day.AddDays(3)), (exception.Status, exception.ResolvedOn));
        Assert.Equal("deliveryException.resolved", exception.Resolve("again", Day.AddDays(4)).Error!.Code);
        Assert.Equal("deliveryException.resolved", exception.Assign(Guid.NewGuid()).Error!.Code);
        Assert.Equal(3, DeliveryQueries.Age(Day, Day.AddDays(3), Day.AddDays(10)));
        Assert.Equal(10, DeliveryQueries.Age(Day, null, Day.AddDays(10)));
    }

    private static Delivery Planned()
    {
        var delivery = new Delivery("DL-2026-000001", Guid.NewGuid(), "SO-2026-000001", Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null);
        var line = new DeliveryLine(1, Guid.NewGuid(), Guid.NewGuid(), "EQ-AC-0037", "螺杆空压机 37kW", 1m, "台", 880m, 2.1m);
        Assert.True(delivery.Plan(DeliveryMethod.Express, "顺丰", null, "华东", "上海", null, Day, Day.AddDays(2), [line], new FreightQuote(880m, 2.1m, 1m, 2m, 2m)).IsSuccess);
        delivery.Planned(DateTime.UtcNow, null, "logistics");
        return delivery;
    }
}
