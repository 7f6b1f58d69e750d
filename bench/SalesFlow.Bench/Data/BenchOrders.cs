using SalesFlow.Core.Orders;

namespace SalesFlow.Bench.Data;

/// <summary>
/// 36 months of orders with a seasonal rhythm: about a third are dealers' sell-in (the dealer's account, booked to the
/// dealer's area manager), the rest direct to customers by the customer's owner. Older months are delivered and
/// invoiced; the last two are still open; some orders were cancelled and a few are drafts. Each call of
/// <see cref="Orders"/> yields the same orders (same seed), so orders and their lines are streamed in two passes
/// without holding millions of records; the first pass also sums the booked actuals the targets are set from.
/// </summary>
internal sealed class BenchOrders(Scale scale, BenchOrganization organization, BenchRecords records)
{
    private static readonly TimeSpan ShanghaiMorning = TimeSpan.FromHours(1); // 09:00 in Shanghai

    /// <summary>Booked net amount per rep × month index (0 = <see cref="Scale.FirstMonth"/>).</summary>
    public decimal[,] RepMonthActuals { get; } = new decimal[organization.Reps.Count, Scale.Months];

    /// <summary>Booked net amount per dealer × month index.</summary>
    public decimal[,] DealerMonthActuals { get; } = new decimal[Math.Max(1, scale.Dealers), Scale.Months];

    /// <summary>The last order number handed out in each year (the SO counters continue from there).</summary>
    public Dictionary<int, int> LastNumberByYear { get; } = [];

    public long LineCount { get; private set; }

    public IEnumerable<Order> Orders(bool countActuals)
    {
        var random = new Random(7201);
        var orderIds = new IdSource(7202);
        var lineIds = new IdSource(7203);
        var numbers = new Dictionary<int, int>();
        var products = records.Products;
        var perMonth = MonthlyCounts();
        long lines = 0;
        for (var m = 0; m < Scale.Months; m++)
        {
            var month = Scale.FirstMonth.AddMonths(m);
            var open = m >= Scale.Months - 2;
            for (var n = 0; n < perMonth[m]; n++)
            {
                var date = month.AddDays(random.Next(DateTime.DaysInMonth(month.Year, month.Month)));
                var placedUtc = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) + ShanghaiMorning + TimeSpan.FromMinutes(random.Next(600));
                var dealer = scale.Dealers > 0 && random.Next(3) == 0 ? random.Next(scale.Dealers) : -1;
                var customer = dealer >= 0 ? dealer : scale.Dealers + random.Next(scale.Customers - scale.Dealers);
                var rep = records.CustomerRep[customer];
                var owner = organization.Reps[rep];
                var number = numbers[date.Year] = numbers.GetValueOrDefault(date.Year) + 1;
                var order = new Order($"{Order.NumberSeries}-{date.Year}-{number:D6}", records.CustomerIds[customer], dealer >= 0 ? records.DealerIds[dealer] : null,
                        dealer >= 0 ? OrderChannel.Portal : (OrderChannel)random.Next(0, 3), owner.Id, owner.TeamId, "CNY", date, 30)
                    .Set("Id", orderIds.At(placedUtc)).Stamped(placedUtc);
                var lineCount = random.Next(1, (2 * scale.LinesPerOrder) - 0);
                var orderLines = new List<OrderLine>(lineCount);
                for (var l = 0; l < lineCount; l++)
                {
                    var product = products[random.Next(products.Count)];
                    decimal quantity = product.Price > 10_000m ? random.Next(1, 4) : random.Next(1, 51);
                    var discount = random.Next(4) == 0 ? random.Next(1, 11) : 0;
                    orderLines.Add(new OrderLine(l + 1, product.Id, product.Sku, product.Name, quantity, product.Unit, quantity, product.Unit,
                            records.PriceListId, product.Price, decimal.Round(product.Price * 0.85m, 2), discount, product.TaxRate)
                        .Set("Id", lineIds.At(placedUtc)).Set("OrderId", order.Id));
                }

                order.Edit(null, orderLines);
                var status = Status(random, open);
                if (status == OrderStatus.Cancelled)
                {
                    order.Cancel("客户取消");
                }
                else if (status != OrderStatus.Draft)
                {
                    order.SetHistory(status, placedUtc, null);
                    if (status == OrderStatus.Fulfilled)
                    {
                        foreach (var line in orderLines)
                        {
                            line.Deliver(line.BaseQuantity);
                            line.Invoice(line.BaseQuantity);
                        }

                        order.Invoiced(order.Total);
                    }
                }

                if (countActuals && status is OrderStatus.Confirmed or OrderStatus.PartiallyFulfilled or OrderStatus.Fulfilled)
                {
                    RepMonthActuals[rep, m] += order.NetAmount;
                    if (dealer >= 0)
                    {
                        DealerMonthActuals[dealer, m] += order.NetAmount;
                    }
                }

                lines += lineCount;
                yield return order;
            }
        }

        foreach (var (year, last) in numbers)
        {
            LastNumberByYear[year] = last;
        }

        LineCount = lines;
    }

    private static OrderStatus Status(Random random, bool open)
    {
        var roll = random.Next(100);
        return open
            ? roll switch { < 55 => OrderStatus.Confirmed, < 75 => OrderStatus.PartiallyFulfilled, < 85 => OrderStatus.Fulfilled, < 92 => OrderStatus.Draft, _ => OrderStatus.Cancelled }
            : roll switch { < 92 => OrderStatus.Fulfilled, < 96 => OrderStatus.Cancelled, _ => OrderStatus.Confirmed };
    }

    /// <summary>The orders per month: busier before the Spring Festival and in the autumn, quieter in February; they add up to the scale's count.</summary>
    private int[] MonthlyCounts()
    {
        double[] season = [1.05, 0.70, 1.00, 1.00, 1.05, 1.10, 0.95, 0.95, 1.05, 1.05, 1.15, 1.25];
        var weights = Enumerable.Range(0, Scale.Months).Select(m => season[Scale.FirstMonth.AddMonths(m).Month - 1]).ToArray();
        var total = weights.Sum();
        var counts = weights.Select(w => (int)(scale.Orders * w / total)).ToArray();
        counts[^1] += scale.Orders - counts.Sum();
        return counts;
    }
}
