using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Planning.Plans;

/// <summary>
/// The small test org with one product (cement, ¥400/t on an active company list), two customers of rep.east1.a (A, B)
/// and one of rep.east1.b (C), and booked orders made directly (as the demo does). The clock stands at 2026-03-31 09:00 Shanghai.
/// </summary>
public sealed class PlanTestData
{
    public static readonly CancellationToken Ct = CancellationToken.None;

    public required TestDatabase Database { get; init; }

    public required TestOrg Org { get; init; }

    public required Product Cement { get; init; }

    public required PriceList List { get; init; }

    public required Guid CustomerA { get; init; }

    public required Guid CustomerB { get; init; }

    public required Guid CustomerC { get; init; }

    public static async Task<PlanTestData> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        await using var db = await database.Factory.OpenAsync(Actor.System, Ct);
        var cement = new Product("BM-CEM-P425", "水泥", "Cement", "建材散货", "水泥", "t", 3, 0.13m);
        db.Products.Add(cement);
        var list = new PriceList("PL-2026", "2026 价目表", "CNY", new DateOnly(2025, 1, 1), null);
        list.SetStatus(PriceListStatus.Active);
        list.SetPrice(cement.Id, 0, 400m, null);
        db.PriceLists.Add(list);
        Customer New(string name, string owner)
        {
            var customer = new Customer($"C-{Guid.NewGuid():N}"[..20], name, CustomerType.Enterprise, org.East.Id, org[owner].Id, org[owner].OrgUnitId);
            db.Customers.Add(customer);
            return customer;
        }

        var a = New("甲公司", "rep.east1.a");
        var b = New("乙公司", "rep.east1.a");
        var c = New("丙公司", "rep.east1.b");
        await db.SaveChangesAsync(Ct);
        return new PlanTestData { Database = database, Org = org, Cement = cement, List = list, CustomerA = a.Id, CustomerB = b.Id, CustomerC = c.Id };
    }

    public Task<Actor> ActorAsync(string key) => Org.ActorAsync(Database, key);

    /// <summary>A booked (confirmed) order of <paramref name="tons"/> t of cement at ¥400, owned by <paramref name="owner"/> in <paramref name="unit"/>.</summary>
    public async Task OrderAsync(Guid customer, string owner, DateOnly date, decimal tons, Guid? unit = null, OrderStatus status = OrderStatus.Confirmed)
    {
        await using var db = await Database.Factory.OpenAsync(Actor.System, Ct);
        var employee = await db.Employees.SingleAsync(e => e.Id == Org[owner].Id, Ct);
        var order = new Order($"SO-{Guid.NewGuid():N}"[..20], customer, null, OrderChannel.Rep, employee.Id, unit ?? employee.OrgUnitId, "CNY", date, 30);
        order.Edit(null, [new OrderLine(1, Cement.Id, Cement.Sku, Cement.NameZh, tons, "t", tons, "t", List.Id, 400m, null, 0m, 0.13m)]);
        if (status != OrderStatus.Draft)
        {
            order.SetHistory(status, DateTime.UtcNow, null);
        }

        db.Orders.Add(order);
        await db.SaveChangesAsync(Ct);
    }

    /// <summary>A plan for <paramref name="month"/> with one line per (customer, tons), submitted and decided as asked.</summary>
    public async Task<PlanDetails> PlanAsync(string owner, string month, (Guid? Customer, decimal Tons)[] lines, bool submit = false, string? approver = null)
    {
        var handler = Database.Get<PlanHandler>();
        var actor = await ActorAsync(owner);
        var created = await handler.CreateAsync(new CreatePlan(month), actor, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        var edited = await handler.UpdateAsync(
            new UpdatePlan(created.Value!.Id, null, [.. lines.Select(l => new PlanLineInput(l.Customer, Cement.Id, l.Tons, "t"))], created.Value.Version), actor, Ct);
        Assert.True(edited.IsSuccess, edited.Error?.Message);
        var plan = edited.Value!;
        if (submit)
        {
            plan = (await handler.ChangeStatusAsync(new ChangePlanStatus(plan.Id, PlanStep.Submit), actor, Ct)).Value!;
            Assert.Equal(PlanStatus.Submitted, plan.Status);
        }

        if (approver is not null)
        {
            var decided = await handler.ChangeStatusAsync(new ChangePlanStatus(plan.Id, PlanStep.Approve), await ActorAsync(approver), Ct);
            Assert.True(decided.IsSuccess, decided.Error?.Message);
            plan = decided.Value!;
        }

        return plan;
    }
}
