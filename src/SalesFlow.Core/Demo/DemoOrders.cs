using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Demo;

/// <summary>
/// Two years of order history over the demo customers (owner = the customer's owner): about 6,000 orders with more
/// than 20,000 lines, bulk goods in tons and m³. Orders older than a few weeks are mostly delivered and invoiced, and
/// most invoices are paid by one receipt around their due date; a set of slow payers leaves invoices unpaid, so the
/// aging report has amounts in every bucket, some customers are over their credit limit, and their newest orders wait
/// on credit hold. Added to the seeder's context with AddRange (no per-record work beyond the audit's Created entry;
/// lines are children and not audited on their own). Numbers per year in date order, as SequenceNumbers would have.
/// Uses the catalog's products and direct price lists when the catalog demo made them, otherwise adds a small set.
/// </summary>
internal sealed class DemoOrders(int seed)
{
    public const int MinimumLines = 20_500;

    private static readonly (string Sku, string Zh, string En, string Line, string Category, string Unit, int Decimals, decimal Tax, decimal Price, (string Unit, decimal Factor)[] Conversions)[] Catalog =
    [
        ("KY-37", "螺杆空压机 37kW", "Screw compressor 37 kW", "工业设备", "空压机", "台", 0, 0.13m, 82_000m, []),
        ("BP-200", "变频控制柜", "VFD control cabinet", "工业设备", "电控", "套", 0, 0.13m, 36_000m, []),
        ("SV-750", "伺服电机 750W", "Servo motor 750 W", "工业设备", "电机", "台", 0, 0.13m, 4_800m, [("箱", 4m)]),
        ("GJ-HRB400", "高强度螺纹钢 HRB400", "Rebar HRB400", "建材散货", "钢材", "吨", 3, 0.13m, 4_250m, [("千克", 0.001m)]),
        ("GB-CR12", "冷轧钢板 1.2mm", "Cold-rolled sheet 1.2 mm", "建材散货", "钢材", "吨", 3, 0.13m, 5_300m, []),
        ("RH-46", "工业润滑油 46#", "Industrial lubricant 46", "成品油", "润滑油", "吨", 3, 0.13m, 13_500m, [("桶", 0.17m)]),
        ("HNT-C30", "商品混凝土 C30", "Ready-mix concrete C30", "建材散货", "混凝土", "m³", 2, 0.03m, 450m, []),
        ("FW-AZ", "安装调试服务", "Installation and commissioning", "服务", "安装", "项", 0, 0.06m, 15_000m, []),
    ];

    private static readonly string[] Cancel = ["客户项目推迟", "客户改单重下", "价格未谈拢", "重复下单"];

    private readonly Random _random = new(seed);

    public (int Orders, int Lines, int Invoices, int Receipts) AddTo(
        SalesFlowDbContext db, DateTime nowUtc, DateOnly today, IReadOnlyList<DemoDealers.Buyer>? dealers = null)
    {
        var priced = PricedProducts(db, today);
        if (priced.Count == 0)
        {
            return (0, 0, 0, 0); // the catalog demo's products have no list this demo can price with
        }

        var customers = db.Customers.Local.Where(c => c.Type != CustomerType.Dealer).OrderBy(c => c.Number, StringComparer.Ordinal).ToList();

        // About one customer in twenty pays late or not at all: the aging buckets, the over-limit accounts and the holds.
        var slow = customers.Where(_ => _random.Next(20) == 0).Select(c => c.Id).ToHashSet();
        var plans = new List<(Customer Customer, DateOnly Day, DemoDealers.Buyer? Dealer)>();
        var lineCount = 0;
        var lineCounts = new List<int>();
        while (lineCount < MinimumLines)
        {
            var lines = 1 + _random.Next(6);
            lineCounts.Add(lines);
            lineCount += lines;
            plans.Add((customers[_random.Next(customers.Count)], today.AddDays(-_random.Next(0, 730)), null));
        }

        // Sell-in: every trading dealer restocks once or twice a month at its tier's prices, in bigger quantities.
        var dealerPrices = new Dictionary<DealerTier, List<(Product Product, Guid PriceListId, decimal Price, decimal? Floor)>>();
        foreach (var dealer in dealers ?? [])
        {
            if (!dealerPrices.ContainsKey(dealer.Tier))
            {
                dealerPrices[dealer.Tier] = PricedProducts(db, today, dealer.Tier);
            }

            var from = dealer.Since > today.AddDays(-730) ? dealer.Since : today.AddDays(-730);
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= dealer.Until; month = month.AddMonths(1))
            {
                for (var n = dealer.Tier == DealerTier.Gold ? 2 : 1; n > 0; n--)
                {
                    var day = month.AddDays(_random.Next(DateTime.DaysInMonth(month.Year, month.Month)));
                    if (day < from || day > dealer.Until || dealerPrices[dealer.Tier].Count == 0)
                    {
                        continue;
                    }

                    var lines = 2 + _random.Next(4);
                    lineCounts.Add(lines);
                    lineCount += lines;
                    plans.Add((dealer.Account, day, dealer));
                    if (dealer.Until < today)
                    {
                        slow.Add(dealer.Account.Id);
                    }
                }
            }
        }

        // Stable order by day (the sequence numbers follow the dates); plans and their line counts move together.
        var ordered = plans.Select((p, i) => (Plan: p, Lines: lineCounts[i])).OrderBy(x => x.Plan.Day).ToList();
        plans = [.. ordered.Select(x => x.Plan)];
        lineCounts = [.. ordered.Select(x => x.Lines)];
        var orders = new List<Order>(plans.Count);
        var invoices = new List<Invoice>();
        var receipts = new List<Receipt>();
        var numbers = new Dictionary<(string, int), int>();
        string Next(string series, int year)
        {
            numbers[(series, year)] = numbers.GetValueOrDefault((series, year)) + 1;
            return $"{series}-{year}-{numbers[(series, year)]:D6}";
        }

        for (var n = 0; n < plans.Count; n++)
        {
            var (customer, day, dealer) = plans[n];
            var age = today.DayNumber - day.DayNumber;
            var order = new Order(
                Next(Order.NumberSeries, day.Year), customer.Id, dealer?.DealerId, dealer is null ? (OrderChannel)_random.Next(4) : _random.Next(5) < 3 ? OrderChannel.Portal : OrderChannel.Rep,
                customer.OwnerId, customer.OrgUnitId, "CNY", day, customer.PaymentTermsDays);
            // A dealer ordering in the portal cannot ask for a discount (its tier list decides); the draws stay the same either way.
            order.Edit(day.AddDays(7 + _random.Next(21)), Lines(dealer is null ? priced : dealerPrices[dealer.Tier], lineCounts[n], dealer is null ? 1 : 4, order.Channel != OrderChannel.Portal));
            var placedUtc = At(day, 9 + _random.Next(9));
            orders.Add(order);

            var roll = _random.Next(100);
            if (roll < 3)
            {
                order.Cancel(Cancel[_random.Next(Cancel.Length)]);
                continue;
            }

            if (age < 3 && roll < 30)
            {
                continue; // a draft still being put together
            }

            if (age < 15 && slow.Contains(customer.Id))
            {
                order.SetHistory(OrderStatus.OnCreditHold, placedUtc, roll % 2 == 0 ? OrderReview.LimitExceeded : OrderReview.OverdueInvoices);
                continue;
            }

            order.SetHistory(OrderStatus.Confirmed, placedUtc, null);
            if (age < 5)
            {
                continue;
            }

            // Delivered: all of it once a couple of weeks have passed, part of it before.
            var partial = age < 20 && roll < 60;
            var delivered = order.Lines.Select(l => (l.Id, partial ? PartOf(l) : l.BaseQuantity)).Where(d => d.Item2 > 0).ToList();
            if (delivered.Count == 0)
            {
                continue;
            }

            order.Fulfil(delivered);
            if (age < 10 || (partial && roll < 40))
            {
                continue;
            }

            var issue = day.AddDays(2 + _random.Next(6));
            if (issue > today)
            {
                continue;
            }

            var invoice = Invoice.For(order, Next(Invoice.NumberSeries, issue.Year), issue, order.Lines.Where(l => l.DeliveredQuantity > l.InvoicedQuantity)
                .Select(l => (l, l.DeliveredQuantity - l.InvoicedQuantity)).ToList());
            invoices.Add(invoice);

            // Payment: most around the due date; slow payers leave the last months open; a few others pay late or in part.
            var payRoll = _random.Next(100);
            var daysAfterDue = slow.Contains(customer.Id) ? (age > 240 ? 60 + _random.Next(60) : 10_000) : payRoll < 85 ? _random.Next(-10, 12) : payRoll < 95 || age > 100 ? 20 + _random.Next(60) : 10_000;
            var paidOn = invoice.DueDate.AddDays(daysAfterDue);
            if (paidOn > today)
            {
                if (payRoll % 5 == 0 && !slow.Contains(customer.Id))
                {
                    receipts.Add(Pay(customer, invoice, decimal.Round(invoice.Total * 0.4m, 2), issue.AddDays(3 + _random.Next(10)), Next));
                }

                continue;
            }

            if (paidOn < issue)
            {
                paidOn = issue;
            }

            // One receipt in forty rounds up: the rest stays as the customer's credit.
            var extra = _random.Next(40) == 0 ? 1_000m * (1 + _random.Next(5)) : 0m;
            receipts.Add(Pay(customer, invoice, invoice.Total + extra, paidOn, Next, invoice.Total));
        }

        db.Orders.AddRange(orders);
        db.Invoices.AddRange(invoices);
        db.Receipts.AddRange(receipts);
        foreach (var order in orders)
        {
            DemoHistory.Created(db, order, At(order.OrderDate, 9));
        }

        foreach (var invoice in invoices)
        {
            DemoHistory.Created(db, invoice, At(invoice.IssueDate, 10));
        }

        foreach (var receipt in receipts)
        {
            DemoHistory.Created(db, receipt, At(receipt.ReceivedOn, 15));
        }

        foreach (var ((series, year), last) in numbers)
        {
            db.Counters.Add(new Counter(series, year, last));
        }

        return (orders.Count, lineCount, invoices.Count, receipts.Count);

        DateTime At(DateOnly day, int hourShanghai)
        {
            var at = day.ToDateTime(new TimeOnly(hourShanghai, 0), DateTimeKind.Utc).AddHours(-8);
            return at < nowUtc ? at : nowUtc.AddMinutes(-5);
        }
    }

    private Receipt Pay(Customer customer, Invoice invoice, decimal amount, DateOnly on, Func<string, int, string> next, decimal? allocate = null)
    {
        var receipt = new Receipt(
            next(Receipt.NumberSeries, on.Year), customer.Id, customer.OwnerId, customer.OrgUnitId, amount, on,
            _random.Next(10) < 8 ? ReceiptMethod.BankTransfer : ReceiptMethod.BankAcceptance, $"BK{on:yyyyMMdd}{_random.Next(100_000, 999_999)}");
        receipt.Allocate(invoice, allocate ?? amount, on);
        return receipt;
    }

    private decimal PartOf(OrderLine line)
    {
        var part = decimal.Round(line.BaseQuantity * (decimal)(0.3 + (_random.NextDouble() * 0.5)), line.BaseQuantity == decimal.Truncate(line.BaseQuantity) ? 0 : 3, MidpointRounding.ToZero);
        return part >= line.BaseQuantity ? 0 : part;
    }

    private List<OrderLine> Lines(List<(Product Product, Guid PriceListId, decimal Price, decimal? Floor)> priced, int count, int scale, bool discounts = true)
    {
        var lines = new List<OrderLine>(count);
        for (var i = 0; i < count; i++)
        {
            var (product, listId, price, floor) = priced[_random.Next(priced.Count)];
            var quantity = product.QuantityDecimals == 0
                ? (1 + _random.Next(product.Unit == "项" ? 2 : 12)) * scale
                : decimal.Round(((decimal)(_random.NextDouble() * 60) + 0.5m) * scale, product.QuantityDecimals, MidpointRounding.AwayFromZero);

            var asked = _random.Next(4) == 0 ? _random.Next(1, 6) : 0m;
            var discount = discounts ? asked : 0m;
            lines.Add(new OrderLine(i + 1, product.Id, product.Sku, product.NameZh, quantity, product.Unit, quantity, product.Unit, listId, price, floor, discount, product.TaxRate));
        }

        return lines;
    }

    /// <summary>The catalog demo's products with a direct (any-segment) price, or — when the catalog demo is not there — a small set of our own.</summary>
    private static List<(Product Product, Guid PriceListId, decimal Price, decimal? Floor)> PricedProducts(SalesFlowDbContext db, DateOnly today, DealerTier? tier = null)
    {
        var lists = db.PriceLists.Local
            .Where(l => l.Status == PriceListStatus.Active && l.RegionId == null && l.CustomerGroup == null && l.DealerTier == tier
                        && (tier is null ? l.Channel == null || l.Channel == SalesChannel.Direct : l.Channel == SalesChannel.Dealer) && l.ValidTo == null)
            .ToList();
        var products = db.Products.Local.Where(p => p.IsActive).ToDictionary(p => p.Id);
        var found = lists.SelectMany(l => l.Items.Where(i => i.MinQuantity == 0 && products.ContainsKey(i.ProductId)).Select(i => (products[i.ProductId], l.Id, i.UnitPrice, i.FloorPrice)))
            .DistinctBy(x => x.Item1.Id)
            .OrderBy(x => x.Item1.Sku, StringComparer.Ordinal)
            .ToList();
        if (found.Count > 0 || tier is not null || db.Products.Local.Count > 0 || db.Products.Any())
        {
            return found;
        }

        var list = new PriceList("DEMO-DIRECT", "直销标准价 (演示)", "CNY", today.AddYears(-3), null);
        list.SetStatus(PriceListStatus.Active);
        db.PriceLists.Add(list);
        var own = new List<(Product, Guid, decimal, decimal?)>();
        foreach (var (sku, zh, en, line, category, unit, decimals, tax, price, conversions) in Catalog)
        {
            var product = new Product(sku, zh, en, line, category, unit, decimals, tax);
            product.SetConversions(conversions);
            db.Products.Add(product);
            list.SetPrice(product.Id, 0m, price, decimal.Round(price * 0.78m, 2));
            own.Add((product, list.Id, price, decimal.Round(price * 0.78m, 2)));
        }

        return own;
    }
}
