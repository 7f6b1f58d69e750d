using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Quotes;

namespace SalesFlow.Core.Demo;

/// <summary>
/// Quotes of the 华东 and 华北 reps in every status, priced by the real <see cref="PriceResolver"/> and sent through the
/// real approval engine: some wait for <c>manager.huadong</c> (a rep's 8 %), one for the director after the manager
/// approved (a rep's 15 %), one for the director asked by the manager himself. Runs on a saved database (the seeder
/// saves before calling it). Without a catalogue (the catalogue demo lives in another module) it adds a small one
/// through the catalogue's own entities; with products present it adds none.
/// </summary>
internal sealed class DemoQuotes(int seed, TimeProvider time)
{
    private static readonly string[] Terms =
    [
        "含税价，含运费；合同签订后 30 日内发货；货到验收合格后 30 日内付款。",
        "含税价，不含运费；预付 30%，发货前付清余款；质保 12 个月。",
        "含税价；分批交货，每批货到后 45 日内付款。",
    ];

    private readonly Random _random = new(seed);
    private readonly CompanyClock _clock = new(time, new CompanyOptions());
    private readonly DiscountAuthority _authority = new(new DiscountOptions());

    public async Task AddAsync(SalesFlowDbContext db, CancellationToken ct)
    {
        await EnsureCatalogAsync(db, ct);
        var products = await db.Products.AsNoTracking().Where(p => p.IsActive).OrderBy(p => p.Sku).Include(p => p.Conversions).ToListAsync(ct);
        var engine = new ApprovalEngine([new QuoteApprovalSubject(_clock)], _clock);
        var today = _clock.Today;
        var number = 0;
        foreach (var region in new[] { "huadong", "huabei" })
        {
            var manager = await ActorAsync(db, "manager." + region, Roles.RegionalManager, ct);
            var director = await ActorAsync(db, "director", Roles.Director, ct);
            for (var r = 1; r <= 4; r++)
            {
                var rep = await ActorAsync(db, $"rep.{region}.{r}", Roles.SalesRep, ct);
                var customers = await db.Customers.AsNoTracking().Where(c => c.OwnerId == rep.EmployeeId && !c.IsDeleted).OrderBy(c => c.Number).Take(12).ToListAsync(ct);
                var plan = new (QuoteStatus Goal, decimal Discount)[]
                {
                    (QuoteStatus.Draft, 3m), (QuoteStatus.PendingApproval, 8m), (QuoteStatus.Approved, 4m), (QuoteStatus.Sent, 5m),
                    (QuoteStatus.Accepted, 2m), (QuoteStatus.Rejected, 0m), (QuoteStatus.Expired, 5m), (QuoteStatus.Superseded, 8m),
                };
                for (var i = 0; i < plan.Length && i < customers.Count; i++)
                {
                    var (goal, discount) = plan[i];

                    // The first 华东 rep also has a 15 % quote the manager already approved: it waits for the director.
                    var (goalNow, discountNow) = region == "huadong" && r == 1 && goal == QuoteStatus.Accepted ? (QuoteStatus.PendingApproval, 15m) : (goal, discount);
                    var quote = await NewQuoteAsync(db, rep, customers[i], products, discountNow, ++number, today, ct);
                    await MoveToAsync(db, engine, quote, goalNow, rep, manager, director, ct);
                }
            }

            // The regional manager's own big-discount quote waits for the director.
            var managerCustomer = await db.Customers.AsNoTracking().Where(c => c.RegionId == manager.ScopeRootUnitId || c.OrgUnitId == manager.OrgUnitId)
                .OrderBy(c => c.Number).Skip(20).FirstOrDefaultAsync(ct);
            if (region == "huadong" && managerCustomer is not null)
            {
                var quote = await NewQuoteAsync(db, manager, managerCustomer, products, 15m, ++number, today, ct);
                await SubmitAsync(db, quote, manager, ct);
            }
        }

        db.Counters.Add(new Counter(Quote.NumberSeries, today.Year, number));
        await db.SaveChangesAsync(ct);
    }

    private async Task<Quote> NewQuoteAsync(SalesFlowDbContext db, Actor owner, Customers.Customer customer, List<Product> products, decimal discount, int number, DateOnly today, CancellationToken ct)
    {
        var inputs = new List<QuoteLineInput>();
        var count = _random.Next(1, 4);
        foreach (var product in products.OrderBy(_ => _random.Next()).Take(count))
        {
            var quantity = product.QuantityDecimals == 0 ? _random.Next(1, 20) : _random.Next(50, 5000) / 10m;
            inputs.Add(new QuoteLineInput(product.Id, quantity, product.Unit, discount));
        }

        var lines = await QuotePricing.PriceAsync(db, customer, inputs, today, _authority, ct);
        if (!lines.IsSuccess)
        {
            throw new InvalidOperationException("Demo quote could not be priced: " + lines.Error!.Message);
        }

        var quote = new Quote($"{Quote.NumberSeries}-{today.Year}-{number:D6}", 1, Guid.Empty, customer.Name.Replace("有限公司", "", StringComparison.Ordinal) + "报价",
            customer.Id, owner.EmployeeId!.Value, owner.OrgUnitId!.Value, "CNY");
        quote.Describe(quote.Title, null, null, today.AddDays(_random.Next(10, 45)), Terms[_random.Next(Terms.Length)]);
        quote.SetLines(lines.Value!);
        db.Quotes.Add(quote);
        return quote;
    }

    private async Task MoveToAsync(SalesFlowDbContext db, ApprovalEngine engine, Quote quote, QuoteStatus goal, Actor rep, Actor manager, Actor director, CancellationToken ct)
    {
        var now = _clock.UtcNow;
        if (goal == QuoteStatus.Draft)
        {
            return;
        }

        await SubmitAsync(db, quote, rep, ct);
        if (goal == QuoteStatus.PendingApproval)
        {
            if (quote.MaxDiscountPercent > 10m)
            {
                await DecideAsync(db, engine, quote, manager, "同意，请总监审批", ct);
            }

            return;
        }

        if (quote.Status == QuoteStatus.PendingApproval)
        {
            await DecideAsync(db, engine, quote, manager, "客户战略意义大，同意此折扣", ct);
        }

        if (goal == QuoteStatus.Superseded)
        {
            var revision = new Quote(quote.Number, 2, quote.FamilyId, quote.Title, quote.CustomerId, quote.OwnerId, quote.OrgUnitId, quote.Currency);
            revision.Describe(quote.Title, null, null, quote.ValidUntil, quote.Terms);
            revision.SetLines(quote.Lines.Select(l => l.Copy()));
            db.Quotes.Add(revision);
            quote.SupersedeBy(revision.Id, now);
            return;
        }

        if (goal == QuoteStatus.Approved)
        {
            return;
        }

        quote.Send(now);
        switch (goal)
        {
            case QuoteStatus.Accepted:
                quote.Accept(_clock.Today, now);
                break;
            case QuoteStatus.Rejected:
                quote.Decline("客户选择了价格更低的供应商", now);
                break;
            case QuoteStatus.Expired:
                // The customer answered after the valid-until day: the accept was refused and the quote expired.
                quote.Describe(quote.Title, null, null, _clock.Today.AddDays(-3), quote.Terms);
                quote.Accept(_clock.Today, now);
                break;
        }
    }

    private async Task SubmitAsync(SalesFlowDbContext db, Quote quote, Actor by, CancellationToken ct)
    {
        quote.Submit(_clock.UtcNow);
        var required = quote.Lines.Select(l => _authority.Check(by, l.DiscountPercent, l.NetUnitPrice, l.FloorPrice))
            .Where(c => c.NeedsApproval).Select(c => c.ApproverRole).Aggregate((string?)null, ApprovalLevels.Highest);
        if (required is null)
        {
            quote.Approve(_clock.UtcNow);
            return;
        }

        var request = await ApprovalEngine.RequestAsync(
            db, by, new ApprovalSubject(Quote.ApprovalKind, quote.Id, quote.DisplayNumber, quote.Title), required, quote.NetAmount, quote.MaxDiscountPercent,
            $"最高折扣 {quote.MaxDiscountPercent:0.##}%", ct);
        quote.AwaitApproval(request.Value!.Id);
        await db.SaveChangesAsync(ct);
    }

    private static async Task DecideAsync(SalesFlowDbContext db, ApprovalEngine engine, Quote quote, Actor by, string comment, CancellationToken ct)
    {
        var request = await db.ApprovalRequests.Include(r => r.Steps).SingleAsync(r => r.Id == quote.ApprovalRequestId, ct);
        var decided = await engine.DecideAsync(db, by, request, approve: true, comment, ct);
        if (!decided.IsSuccess)
        {
            throw new InvalidOperationException("Demo approval failed: " + decided.Error!.Message);
        }

        await db.SaveChangesAsync(ct);
    }

    internal static async Task<Actor> ActorAsync(SalesFlowDbContext db, string userName, string role, CancellationToken ct)
    {
        var person = await db.Users.Where(u => u.UserName == userName)
            .Select(u => new { u.Id, u.EmployeeId, UnitId = db.Employees.Where(e => e.Id == u.EmployeeId).Select(e => e.OrgUnitId).First() })
            .SingleAsync(ct);
        var scope = Roles.ScopeOf([role]);
        var (root, units) = await Organization.DataScopes.ResolveAsync(db, scope, person.UnitId, ct);
        return new Actor(person.Id, userName, new HashSet<string> { role }, person.EmployeeId, person.UnitId, scope, root, units, null);
    }

    // A small catalogue when none exists yet: machines by the piece, steel by the ton (3 decimals), oil by the litre sold in drums.
    private static async Task EnsureCatalogAsync(SalesFlowDbContext db, CancellationToken ct)
    {
        if (await db.Products.AnyAsync(ct))
        {
            return;
        }

        var list = new PriceList("DEMO-DIRECT", "直销标准价格表", "CNY", new DateOnly(2025, 1, 1), null);
        list.AppliesTo(null, SalesChannel.Direct, null, null);
        list.SetStatus(PriceListStatus.Active);
        foreach (var (sku, zh, en, line, category, unit, decimals, price, floor, drum) in new (string, string, string, string, string, string, int, decimal, decimal?, decimal?)[]
        {
            ("KY-37", "螺杆空压机 37kW", "Screw air compressor 37 kW", "工业设备", "空压机", "台", 0, 82_000m, 72_000m, null),
            ("BP-200", "变频控制柜", "VFD control cabinet", "工业设备", "电气", "套", 0, 36_000m, 31_000m, null),
            ("SV-750", "伺服电机 750W", "Servo motor 750 W", "工业设备", "电机", "台", 0, 4_800m, null, null),
            ("GJ-HRB400", "高强度螺纹钢 HRB400", "Rebar HRB400", "钢材", "螺纹钢", "t", 3, 4_210m, 3_950m, null),
            ("RH-46", "工业润滑油 46#", "Industrial lubricant 46", "油品", "润滑油", "L", 0, 18.5m, 16m, 200m),
        })
        {
            var product = new Product(sku, zh, en, line, category, unit, decimals, 0.13m);
            if (drum is { } litres)
            {
                product.SetConversions([("桶", litres)]);
            }

            db.Products.Add(product);
            list.SetPrice(product.Id, 0m, price, floor);
        }

        db.PriceLists.Add(list);
        await db.SaveChangesAsync(ct);
    }
}
