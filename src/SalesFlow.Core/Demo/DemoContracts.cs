using SalesFlow.Core.Contracts;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Demo;

/// <summary>
/// About 150 one-year supply contracts (年度供货合同) over the two demo years for key (class A) and enterprise customers
/// that have orders: a 30/60/10 schedule (预付款 / 到货款 / 质保金), the customer's orders of the period linked, most
/// past contracts completed, one terminated, a few renewed by the next year's contract, a dozen active ones ending
/// within the renewal notice and some recent drafts. Works on the seeder's context (orders are still local): no
/// queries, one save by the seeder; numbers per year in start order, as SequenceNumbers would have handed them out.
/// </summary>
internal sealed class DemoContracts(int seed)
{
    public const int Target = 150;
    public const int RenewalDue = 12;

    private static readonly string[] Kinds = ["年度供货合同", "设备采购合同", "框架采购协议", "工程配套供货合同", "备品备件年度协议"];

    private readonly Random _random = new(seed);

    public int AddTo(SalesFlowDbContext db, DateTime nowUtc, DateOnly today, string ourEntity)
    {
        var byCustomer = db.Orders.Local.Where(o => o.Status != OrderStatus.Cancelled).GroupBy(o => o.CustomerId)
            .ToDictionary(g => g.Key, g => g.OrderBy(o => o.OrderDate).ThenBy(o => o.Number, StringComparer.Ordinal).ToList());
        var customers = db.Customers.Local
            .Where(c => (c.Class == CustomerClass.A || c.Type == CustomerType.Enterprise) && byCustomer.ContainsKey(c.Id))
            .OrderBy(c => c.Number, StringComparer.Ordinal).ToList();
        if (customers.Count == 0)
        {
            return 0;
        }

        var linked = new HashSet<Guid>();
        var plans = new List<(Customer Customer, DateOnly Start, ContractStatus Status)>();
        var picks = customers.OrderBy(_ => _random.Next()).Take(Target).ToList();
        for (var n = 0; n < picks.Count; n++)
        {
            // The first dozen end within the renewal notice; the rest start anywhere in the two years.
            var start = n < RenewalDue ? today.AddYears(-1).AddDays(1 + _random.Next(55)) : today.AddDays(-_random.Next(20, 730));
            var end = start.AddYears(1).AddDays(-1);
            var status = n < RenewalDue ? ContractStatus.Active
                : start > today.AddDays(-40) && _random.Next(3) == 0 ? ContractStatus.Draft
                : end < today && _random.Next(5) != 0 ? ContractStatus.Completed
                : ContractStatus.Active;
            plans.Add((picks[n], start, status));
        }

        var numbers = new Dictionary<int, int>();
        var contracts = new List<(Contract Contract, DateOnly Start)>();
        var terminated = false;
        foreach (var (customer, start, status) in plans.OrderBy(p => p.Start))
        {
            var contract = Make(customer, start, status, null);
            if (!terminated && status == ContractStatus.Active && start < today.AddDays(-200) && start.AddYears(1) > today.AddDays(90))
            {
                contract.SetHistory(ContractStatus.Terminated, start.AddDays(3), start.AddDays(150), "客户项目停工，双方协商提前终止");
                terminated = true;
            }

            contracts.Add((contract, start));
        }

        // A few completed contracts were renewed by the next period's contract (active now).
        foreach (var (previous, start) in contracts.Where(c => c.Contract.Status == ContractStatus.Completed && c.Contract.EndDate > today.AddDays(-300)).Take(5).ToList())
        {
            var customer = customers.First(c => c.Id == previous.CustomerId);
            var next = Make(customer, previous.EndDate.AddDays(1), ContractStatus.Active, previous.Amount);
            next.RenewsFrom(previous.Id);
            contracts.Add((next, previous.EndDate.AddDays(1)));
        }

        foreach (var (contract, start) in contracts.OrderBy(c => c.Start))
        {
            db.Contracts.Add(contract);
            var created = start.AddDays(-5 - _random.Next(10)).ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc).AddHours(-8);
            DemoHistory.Created(db, contract, created < nowUtc ? created : nowUtc.AddMinutes(-30));
        }

        foreach (var (year, last) in numbers)
        {
            db.Counters.Add(new Counter(Contract.NumberSeries, year, last));
        }

        return contracts.Count;

        Contract Make(Customer customer, DateOnly start, ContractStatus status, decimal? amount)
        {
            var end = start.AddYears(1).AddDays(-1);
            var orders = byCustomer[customer.Id].Where(o => o.OrderDate >= start && o.OrderDate <= end && !linked.Contains(o.Id)).Take(8).ToList();
            var ordered = orders.Sum(o => o.Total);
            var value = amount ?? Math.Max(50_000m, decimal.Round(ordered * (1.05m + ((decimal)_random.Next(30) / 100m)) / 1_000m, 0, MidpointRounding.AwayFromZero) * 1_000m);
            var signedYear = start.AddDays(-5).Year;
            numbers[signedYear] = numbers.GetValueOrDefault(signedYear) + 1;
            var contract = new Contract($"{Contract.NumberSeries}-{signedYear}-{numbers[signedYear]:D6}", customer.Id, customer.OwnerId, customer.OrgUnitId, "CNY");
            var advance = decimal.Round(value * 0.3m, 2, MidpointRounding.AwayFromZero);
            var delivery = decimal.Round(value * 0.6m, 2, MidpointRounding.AwayFromZero);
            var schedule = new List<InstallmentInput>
            {
                new(start.AddDays(10), advance, "预付款 30%"),
                new(start.AddDays(180), delivery, "到货款 60%"),
                new(end, value - advance - delivery, "质保金 10%"),
            };
            var title = $"{start.Year}年度{Kinds[_random.Next(Kinds.Length)]}";
            contract.Edit(new ContractTerms(title, ourEntity, null, start, end, value, "预付30%，到货验收后付60%，质保期满付10%；银行转账或承兑汇票。"), schedule);
            if (status != ContractStatus.Draft)
            {
                contract.SetHistory(status, start.AddDays(-_random.Next(1, 6)), status == ContractStatus.Completed ? Min(end.AddDays(_random.Next(1, 20)), today) : null, null);
            }

            foreach (var order in status == ContractStatus.Draft ? orders.Take(1) : orders)
            {
                linked.Add(order.Id);
                db.ContractOrders.Add(new ContractOrder(contract.Id, order.Id));
            }

            return contract;
        }
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
