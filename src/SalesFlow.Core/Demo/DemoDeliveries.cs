using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Deliveries;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Demo;

/// <summary>
/// The deliveries behind the demo order history: a freight rate table for every zone and chargeable method, one
/// delivery (sometimes two) per delivered or partly delivered order carrying exactly the quantities the order records
/// as delivered — delivered with their timeline, the most recent still in transit — a few planned deliveries of
/// confirmed orders, and about 30 exception cases (the recent ones still open with the logistics user). Built in memory
/// from the seeder's already-saved records (no queries), inserted in batches of 1,000 on fresh contexts.
/// </summary>
internal sealed class DemoDeliveries(int seed)
{
    public const int BatchSize = 1_000;
    public const int Exceptions = 30;

    private static readonly Dictionary<string, decimal> ZoneFactor = new()
    {
        ["华东"] = 1.00m,
        ["华中"] = 1.10m,
        ["华北"] = 1.15m,
        ["华南"] = 1.20m,
        ["西南"] = 1.35m,
        ["东北"] = 1.40m,
        ["西北"] = 1.50m,
    };

    private static readonly Dictionary<string, string[]> Hubs = new()
    {
        ["华东"] = ["上海青浦转运中心", "杭州萧山转运中心", "苏州分拨中心"],
        ["华中"] = ["武汉转运中心", "郑州分拨中心"],
        ["华北"] = ["北京顺义转运中心", "天津分拨中心"],
        ["华南"] = ["广州白云转运中心", "深圳分拨中心"],
        ["西南"] = ["成都双流转运中心", "重庆分拨中心"],
        ["东北"] = ["沈阳转运中心", "哈尔滨分拨中心"],
        ["西北"] = ["西安转运中心", "兰州分拨中心"],
    };

    private static readonly string[] Provinces = ["上海", "江苏", "浙江"];

    private static readonly (DeliveryExceptionType Type, string Description, string Resolution)[] Cases =
    [
        (DeliveryExceptionType.Delay, "承运商中转积压，预计晚到 2 天", "已与客户沟通改约到货时间，客户同意"),
        (DeliveryExceptionType.Delay, "高速封路，车辆滞留", "改道后送达，客户未提出索赔"),
        (DeliveryExceptionType.Damage, "外包装破损，设备面板有划痕", "补发面板配件，运损由承运商赔付"),
        (DeliveryExceptionType.Damage, "两桶油品渗漏", "补发两桶，承运商按保价赔偿"),
        (DeliveryExceptionType.Loss, "签收时少一件，运单显示已全部送达", "承运商查找后补送到客户现场"),
        (DeliveryExceptionType.WrongGoods, "型号发错，客户要的是 75kW", "换货完成，错发货物已退回仓库"),
    ];

    private readonly Random _random = new(seed);

    public sealed record Counts(int Rates, int Deliveries, int Lines, int Events, int Exceptions, TimeSpan Elapsed);

    public async Task<Counts> AddAsync(
        IDbContextFactory<SalesFlowDbContext> dbFactory, IReadOnlyList<Order> orders, IReadOnlyList<Customer> customers, IReadOnlyList<OrgUnit> units,
        IReadOnlyList<Product> products, Guid? logisticsEmployeeId, DateTime nowUtc, DateOnly today, CancellationToken ct)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var rates = Rates(today);
        var regionNames = units.Where(u => u.Kind == OrgUnitKind.Region).ToDictionary(u => u.Id, u => u.Name);
        var zoneOf = customers.ToDictionary(c => c.Id, c => ShippingZones.ZoneOfRegion(regionNames.GetValueOrDefault(c.RegionId)) ?? "华东");
        var product = products.ToDictionary(p => p.Id);
        var deliveries = new List<(Delivery Delivery, DateTime CreatedUtc)>();
        var numbers = new Dictionary<int, int>();

        foreach (var order in orders.Where(o => o.Status is OrderStatus.Fulfilled or OrderStatus.PartiallyFulfilled or OrderStatus.Confirmed)
                     .OrderBy(o => o.OrderDate).ThenBy(o => o.Number, StringComparer.Ordinal))
        {
            var lines = order.Lines.OrderBy(l => l.Position).ToList();
            if (order.Status == OrderStatus.Confirmed)
            {
                // A third of the confirmed orders already have their delivery planned.
                if (_random.Next(3) == 0)
                {
                    var plannedOn = Max(order.OrderDate.AddDays(1), today);
                    deliveries.Add(Make(order, lines.Select(l => (l, l.BaseQuantity)).ToList(), plannedOn, shipped: false));
                }

                continue;
            }

            var delivered = lines.Where(l => l.DeliveredQuantity > 0).Select(l => (Line: l, Quantity: l.DeliveredQuantity)).ToList();
            var split = order.Status == OrderStatus.Fulfilled && delivered.Count >= 2 && _random.Next(4) == 0;
            var shipOn = Min(order.OrderDate.AddDays(1 + _random.Next(3)), today);
            if (split)
            {
                var half = delivered.Count / 2;
                deliveries.Add(Make(order, delivered[..half], shipOn, shipped: true));
                deliveries.Add(Make(order, delivered[half..], Min(shipOn.AddDays(2 + _random.Next(4)), today), shipped: true));
            }
            else
            {
                deliveries.Add(Make(order, delivered, shipOn, shipped: true));
            }
        }

        // Exception cases on shipped deliveries: the newest third still open with the logistics user.
        var shippedOnes = deliveries.Select(d => d.Delivery).Where(d => d.Status is DeliveryStatus.Shipped or DeliveryStatus.Delivered).ToList();
        var picked = shippedOnes.OrderBy(_ => _random.Next()).Take(Exceptions).OrderBy(d => d.ActualShipDate).ToList();
        var cases = new List<(DeliveryException Case, DateTime CreatedUtc)>();
        var owner = logisticsEmployeeId;
        for (var i = 0; i < picked.Count && owner is not null; i++)
        {
            var d = picked[i];
            var (type, description, resolution) = Cases[_random.Next(Cases.Length)];
            var openedOn = Min(d.ActualShipDate!.Value.AddDays(1 + _random.Next(3)), today);
            var line = d.Lines[0];
            var affected = type is DeliveryExceptionType.Delay ? (decimal?)null : Math.Min(line.Quantity, line.Quantity >= 1 ? 1m : line.Quantity);
            var @case = new DeliveryException(d, type, description, owner.Value, affected, openedOn);
            var recent = i >= picked.Count - (Exceptions / 3);
            if (!recent)
            {
                @case.Resolve(resolution, Min(openedOn.AddDays(1 + _random.Next(9)), today));
            }

            cases.Add((@case, At(openedOn, 10 + _random.Next(6))));
        }

        // Numbers per year in creation order, as SequenceNumbers would have handed them out.
        var lineCount = 0;
        var eventCount = 0;
        foreach (var batch in deliveries.Chunk(BatchSize))
        {
            await using var db = await dbFactory.OpenAsync(Actor.System, ct);
            foreach (var (delivery, createdUtc) in batch)
            {
                db.Deliveries.Add(delivery);
                DemoHistory.Created(db, delivery, createdUtc);
                lineCount += delivery.Lines.Count;
                eventCount += delivery.Events.Count;
            }

            await db.SaveChangesAsync(ct);
        }

        await using (var db = await dbFactory.OpenAsync(Actor.System, ct))
        {
            foreach (var rate in rates)
            {
                db.FreightRates.Add(rate);
                DemoHistory.Created(db, rate, At(rate.ValidFrom, 9));
            }

            foreach (var (@case, createdUtc) in cases)
            {
                db.DeliveryExceptions.Add(@case);
                DemoHistory.Created(db, @case, createdUtc);
            }

            foreach (var (year, last) in numbers)
            {
                db.Counters.Add(new Counter(Delivery.NumberSeries, year, last));
            }

            await db.SaveChangesAsync(ct);
        }

        return new Counts(rates.Count, deliveries.Count, lineCount, eventCount, cases.Count, watch.Elapsed);

        (Delivery, DateTime) Make(Order order, List<(OrderLine Line, decimal Quantity)> take, DateOnly shipOn, bool shipped)
        {
            var zone = zoneOf.GetValueOrDefault(order.CustomerId, "华东");
            numbers[shipOn.Year] = numbers.GetValueOrDefault(shipOn.Year) + 1;
            var delivery = new Delivery(
                $"{Delivery.NumberSeries}-{shipOn.Year}-{numbers[shipOn.Year]:D6}", order.Id, order.Number, order.CustomerId, order.OwnerId, order.OrgUnitId, order.DealerId);
            var deliveryLines = take.Select((t, i) =>
            {
                var p = product.GetValueOrDefault(t.Line.ProductId);
                return new DeliveryLine(
                    i + 1, t.Line.Id, t.Line.ProductId, t.Line.Sku, t.Line.ProductName, t.Quantity, t.Line.BaseUnit,
                    decimal.Round(t.Quantity * (p?.WeightKg ?? 0m), 3, MidpointRounding.AwayFromZero),
                    decimal.Round(t.Quantity * (p?.VolumeM3 ?? 0m), 6, MidpointRounding.AwayFromZero));
            }).ToList();
            var weight = deliveryLines.Sum(l => l.WeightKg);
            var (method, carrier, tracking, transitDays) = Carrier(weight);
            var quote = FreightCalculator.Quote(rates, zone, method, shipOn, weight, deliveryLines.Sum(l => l.VolumeM3));
            var province = zone == "华东" ? Provinces[_random.Next(Provinces.Length)] : null;
            delivery.Plan(
                method, carrier, tracking, zone, province, null, shipOn, shipOn.AddDays(transitDays), deliveryLines,
                quote.Value ?? new FreightQuote(weight, deliveryLines.Sum(l => l.VolumeM3), null, null, 0m));
            var plannedUtc = At(Min(order.OrderDate.AddDays(1), shipOn), 9 + _random.Next(3));
            delivery.AddEvent(new DeliveryEvent(delivery.Id, DeliveryStatus.Planned, plannedUtc, null, null, "logistics"));
            if (!shipped)
            {
                return (delivery, plannedUtc);
            }

            var shippedUtc = At(shipOn, 14 + _random.Next(4));
            delivery.AddEvent(new DeliveryEvent(delivery.Id, DeliveryStatus.Shipped, shippedUtc, "公司成品仓", null, "logistics"));
            var arriveOn = shipOn.AddDays(transitDays + (_random.Next(10) == 0 ? 1 + _random.Next(3) : 0));
            var hubs = Hubs[zone];
            if (method is DeliveryMethod.Express or DeliveryMethod.FreightCarrier)
            {
                var hubOn = shipOn.AddDays(Math.Max(1, transitDays / 2));
                if (hubOn <= today)
                {
                    delivery.AddEvent(new DeliveryEvent(delivery.Id, DeliveryStatus.Shipped, At(hubOn, 8 + _random.Next(10)), hubs[_random.Next(hubs.Length)], "到达转运中心", "logistics"));
                }
            }

            if (arriveOn > today)
            {
                delivery.SetHistory(DeliveryStatus.Shipped, shipOn, null); // still on its way
            }
            else
            {
                delivery.SetHistory(DeliveryStatus.Delivered, shipOn, arriveOn);
                delivery.AddEvent(new DeliveryEvent(delivery.Id, DeliveryStatus.Delivered, At(arriveOn, 10 + _random.Next(7)), null, "客户已签收", "logistics"));
            }

            // What the order has invoiced of these lines (demo invoices are raised against the order) counts for the delivery.
            foreach (var line in deliveryLines)
            {
                var orderLine = take.First(t => t.Line.Id == line.OrderLineId).Line;
                if (orderLine.InvoicedQuantity > 0)
                {
                    line.Invoice(Math.Min(line.Quantity, orderLine.InvoicedQuantity));
                }
            }

            return (delivery, plannedUtc);
        }

        DateTime At(DateOnly day, int hourShanghai)
        {
            var at = day.ToDateTime(new TimeOnly(hourShanghai, 0), DateTimeKind.Utc).AddHours(-8);
            return at < nowUtc ? at : nowUtc.AddMinutes(-5);
        }
    }

    /// <summary>Light parcels by express, pallets by a freight carrier, truckloads on our own trucks, and now and then the customer collects.</summary>
    private (DeliveryMethod Method, string? Carrier, string? Tracking, int TransitDays) Carrier(decimal weightKg)
    {
        if (_random.Next(20) == 0)
        {
            return (DeliveryMethod.CustomerPickup, null, null, 0);
        }

        if (weightKg <= 30m)
        {
            return _random.Next(2) == 0
                ? (DeliveryMethod.Express, "顺丰", $"SF{_random.NextInt64(100_000_000_000, 999_999_999_999)}", 1 + _random.Next(2))
                : (DeliveryMethod.Express, "中通", $"7{_random.NextInt64(10_000_000_000_000, 99_999_999_999_999)}", 2 + _random.Next(2));
        }

        if (weightKg <= 5_000m)
        {
            return _random.Next(2) == 0
                ? (DeliveryMethod.FreightCarrier, "德邦", $"DPK{_random.NextInt64(100_000_000_000, 999_999_999_999)}", 2 + _random.Next(3))
                : (DeliveryMethod.FreightCarrier, "安能", $"AN{_random.NextInt64(1_000_000_000, 9_999_999_999)}", 3 + _random.Next(3));
        }

        return (DeliveryMethod.OwnTruck, "自有车辆", null, 1 + _random.Next(3));
    }

    /// <summary>Weight and volume rates for every zone and chargeable method (pickup is free), valid from three years ago.</summary>
    private static List<FreightRate> Rates(DateOnly today)
    {
        var from = new DateOnly(today.Year - 3, 1, 1);
        var rates = new List<FreightRate>();
        foreach (var zone in ShippingZones.Zones)
        {
            var f = ZoneFactor[zone];
            decimal P(decimal price) => decimal.Round(price * f, 2, MidpointRounding.AwayFromZero);
            rates.Add(new FreightRate(zone, DeliveryMethod.Express, FreightBasis.Weight, P(12m), P(2.5m), P(12m), from, null));
            rates.Add(new FreightRate(zone, DeliveryMethod.Express, FreightBasis.Volume, P(60m), P(45m), P(12m), from, null));
            rates.Add(new FreightRate(zone, DeliveryMethod.FreightCarrier, FreightBasis.Weight, P(1.2m), P(0.35m), P(60m), from, null));
            rates.Add(new FreightRate(zone, DeliveryMethod.FreightCarrier, FreightBasis.Volume, P(25m), P(16m), P(60m), from, null));
            rates.Add(new FreightRate(zone, DeliveryMethod.OwnTruck, FreightBasis.Weight, P(0.3m), P(0.12m), P(300m), from, null));
            rates.Add(new FreightRate(zone, DeliveryMethod.OwnTruck, FreightBasis.Volume, P(8m), P(5m), P(300m), from, null));
        }

        return rates;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
