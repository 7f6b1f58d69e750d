using Microsoft.EntityFrameworkCore;
using SalesFlow.Bench.Running;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Orders;

namespace SalesFlow.Bench.Workloads.Http;

/// <summary>One order the clients send: a customer and five lines, with the lines as the product prices them for the baseline to insert.</summary>
internal sealed record OrderTemplate(int Index, Guid CustomerId, IReadOnlyList<OrderLineInput> Lines, Order Shape, IReadOnlyList<OrderLine> PricedLines);

/// <summary>
/// Orders for customers the user may sell to (direct customers and active dealers' accounts), five priced products
/// each. The baseline does no pricing: it inserts these lines as they are, which is the floor the product is measured
/// against; the product prices them itself on every request.
/// </summary>
internal static class OrderTemplates
{
    public const int LinesPerOrder = 5;

    public static async Task<IReadOnlyList<OrderTemplate>> MakeAsync(BenchRun run, Actor actor, int count, CancellationToken ct)
    {
        var services = run.Services;
        await using var db = await services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().OpenAsync(actor, ct);
        var today = services.GetRequiredService<CompanyClock>().Today;
        var discounts = new DiscountAuthority(new DiscountOptions());
        var queries = services.GetRequiredService<OrderQueries>();
        var customers = await db.Customers.VisibleTo(actor).Where(c => !c.IsDeleted).OrderBy(c => c.Id).Take(count * 3).ToListAsync(ct);
        var templates = new List<OrderTemplate>();
        foreach (var customer in customers)
        {
            if (templates.Count == count)
            {
                break;
            }

            var dealer = await DealerAccounts.OfCustomerAsync(db, customer.Id, ct);
            if (dealer is { Status: not DealerStatus.Active })
            {
                continue;
            }

            var priced = (await queries.PricedProductsAsync(actor, customer.Id, ct)).Value ?? [];
            var chosen = priced.Skip(templates.Count % 7).Take(LinesPerOrder).ToList();
            if (chosen.Count < LinesPerOrder)
            {
                continue;
            }

            var inputs = chosen.Select((p, i) => new OrderLineInput(p.Id, 1 + ((templates.Count + i) % 4), null, null)).ToList();
            var lines = await OrderLines.PriceAsync(db, customer, inputs, today, discounts, ct);
            if (!lines.IsSuccess)
            {
                continue;
            }

            var shape = new Order("", customer.Id, dealer?.DealerId, OrderChannel.Rep, customer.OwnerId, customer.OrgUnitId, lines.Value!.Currency, today, customer.PaymentTermsDays);
            templates.Add(new OrderTemplate(templates.Count, customer.Id, inputs, shape, lines.Value.Lines));
        }

        if (templates.Count == 0)
        {
            throw new InvalidOperationException("No customer with five priced products: generate the dataset first.");
        }

        return templates;
    }

    /// <summary>A fresh copy of the template's lines (new ids) for one more order.</summary>
    public static List<OrderLine> CopyLines(OrderTemplate template) =>
        template.PricedLines.Select(l => new OrderLine(
            l.Position, l.ProductId, l.Sku, l.ProductName, l.Quantity, l.Unit, l.BaseQuantity, l.BaseUnit, l.PriceListId, l.ListUnitPrice, l.FloorPrice,
            l.DiscountPercent, l.TaxRate)).ToList();
}
