using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Targets;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Planning.Progress;

/// <summary>
/// Test data for plan vs. actual written straight through the context: orders with lines in a given status, receipts,
/// approved (or not) monthly plans and split target trees. Parent links, origins and plan statuses are set through the
/// change tracker because the owning helpers' behaviour methods are not on this branch (test code only).
/// </summary>
internal sealed class ProgressWorld(TestDatabase database, TestOrg org, Guid priceList, Guid customer, Product equipment, Product rebar)
{
    private int _orders;
    private int _receipts;

    public TestDatabase Database { get; } = database;

    public TestOrg Org { get; } = org;

    public Guid Customer { get; } = customer;

    public Product Equipment { get; } = equipment;

    public Product Rebar { get; } = rebar;

    public static async Task<ProgressWorld> CreateAsync(TestDatabase database)
    {
        var org = await TestOrg.CreateAsync(database);
        await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        var equipment = new Product("KY-1", "空压机", "Compressor", "设备", "空压机", "台", 0, 0.13m);
        var rebar = new Product("GJ-1", "螺纹钢", "Rebar", "建材", "钢材", "吨", 3, 0.13m);
        db.Products.AddRange(equipment, rebar);
        var list = new PriceList("STD", "标准价", "CNY", new DateOnly(2024, 1, 1), null);
        db.PriceLists.Add(list);
        var customer = new Customer("C-000001", "上海恒达机电有限公司", CustomerType.Enterprise, org.East.Id, org["rep.east1.a"].Id, org.EastTeam1.Id);
        db.Customers.Add(customer);
        await db.SaveChangesAsync();
        return new ProgressWorld(database, org, list.Id, customer.Id, equipment, rebar);
    }

    public async Task<Order> OrderAsync(string owner, OrgUnit unit, DateOnly date, OrderStatus status, params (Product Product, decimal Quantity, decimal Price, decimal Discount)[] lines)
    {
        await using var db = await Database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        var order = new Order($"SO-T-{++_orders:D6}", Customer, null, OrderChannel.Rep, Org[owner].Id, unit.Id, "CNY", date, 30);
        order.Edit(null, lines.Select((l, i) => new OrderLine(i + 1, l.Product.Id, l.Product.Sku, l.Product.NameZh, l.Quantity, l.Product.Unit, l.Quantity, l.Product.Unit, priceList, l.Price, null, l.Discount, l.Product.TaxRate)));
        if (status != OrderStatus.Draft)
        {
            order.SetHistory(status, DateTime.UtcNow.AddDays(-1), status == OrderStatus.OnCreditHold ? "credit" : null);
        }

        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order;
    }

    public async Task ReceiptAsync(string owner, OrgUnit unit, DateOnly date, decimal amount)
    {
        await using var db = await Database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        db.Receipts.Add(new Receipt($"RC-T-{++_receipts:D6}", Customer, Org[owner].Id, unit.Id, amount, date, ReceiptMethod.BankTransfer, null));
        await db.SaveChangesAsync();
    }

    public async Task PlanAsync(string owner, OrgUnit unit, Period month, PlanStatus status, params (Product Product, decimal Quantity, decimal Amount)[] lines)
    {
        await using var db = await Database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        var plan = new MonthlyPlan(month, PlanOwnerType.Employee, Org[owner].Id, unit.Id);
        db.MonthlyPlans.Add(plan);
        db.Entry(plan).Property(nameof(MonthlyPlan.Status)).CurrentValue = status;
        db.Entry(plan).Property(nameof(MonthlyPlan.TotalAmount)).CurrentValue = lines.Sum(l => l.Amount);
        var position = 0;
        foreach (var (product, quantity, amount) in lines)
        {
            var line = new MonthlyPlanLine(++position, Customer, product.Id, product.ProductLine, quantity, product.Unit, quantity == 0 ? 0 : Math.Round(amount / quantity, 2), amount, false, null, null);
            db.MonthlyPlanLines.Add(line);
            db.Entry(line).Property(nameof(MonthlyPlanLine.PlanId)).CurrentValue = plan.Id;
        }

        await db.SaveChangesAsync();
    }

    /// <summary>A target; with a parent it is one share of the parent's split (or phasing).</summary>
    public async Task<Target> TargetAsync(Period period, TargetMeasure measure, TargetOwnerType ownerType, Guid ownerId, Guid unitId, decimal amount, Target? parent = null, TargetOrigin origin = TargetOrigin.Split, string productLine = "", Guid? productId = null)
    {
        await using var db = await Database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        var target = new Target(period, measure, productLine, productId, ownerType, ownerId, unitId, amount);
        db.Targets.Add(target);
        if (parent is not null)
        {
            db.Entry(target).Property(nameof(Target.ParentId)).CurrentValue = parent.Id;
            db.Entry(target).Property(nameof(Target.Origin)).CurrentValue = origin;
        }

        await db.SaveChangesAsync();
        return target;
    }

    public Task<Target> UnitTargetAsync(Period period, TargetMeasure measure, OrgUnit unit, decimal amount, Target? parent = null) =>
        TargetAsync(period, measure, TargetOwnerType.OrgUnit, unit.Id, unit.Id, amount, parent);

    public Task<Target> RepTargetAsync(Period period, TargetMeasure measure, string rep, decimal amount, Target? parent = null, string productLine = "", Guid? productId = null) =>
        TargetAsync(period, measure, TargetOwnerType.Employee, Org[rep].Id, Org[rep].OrgUnitId, amount, parent, TargetOrigin.Split, productLine, productId);
}
