using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Quotes;
using SalesFlow.Core.Tests.Opportunities;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Quotes;

/// <summary>Quotes on a real database: prices from the lists, line money, the discount authority through the approval engine, revisions, expiry.</summary>
public class QuoteTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private sealed record Catalog(Guid Steel, Guid Machine, Guid Oil, Guid Unpriced);

    // A national direct list and an East list that prices steel lower (the more specific list wins for East customers).
    private static async Task<Catalog> CatalogAsync(TestDatabase database, TestOrg org)
    {
        await using var db = await database.Factory.OpenAsync(Actor.System, Ct);
        var steel = new Product("GJ-400", "高强度螺纹钢", "Rebar", "钢材", "螺纹钢", "t", 3, 0.13m);
        var machine = new Product("KY-37", "螺杆空压机 37kW", "Compressor", "工业设备", "空压机", "台", 0, 0.13m);
        var oil = new Product("RH-46", "工业润滑油 46#", "Lubricant", "油品", "润滑油", "L", 0, 0.13m);
        oil.SetConversions([("桶", 200m)]);
        var unpriced = new Product("NP-1", "未定价样品", "Sample", "其他", "样品", "件", 0, 0.13m);
        db.Products.AddRange(steel, machine, oil, unpriced);
        var national = new PriceList("STD", "直销标准价", "CNY", new DateOnly(2026, 1, 1), null);
        national.AppliesTo(null, SalesChannel.Direct, null, null);
        national.SetStatus(PriceListStatus.Active);
        national.SetPrice(steel.Id, 0m, 4_300m, 3_950m);
        national.SetPrice(machine.Id, 0m, 100_000m, 80_000m);
        national.SetPrice(oil.Id, 0m, 18.5m, null);
        var east = new PriceList("EAST", "华东直销价", "CNY", new DateOnly(2026, 1, 1), null);
        east.AppliesTo(org.East.Id, SalesChannel.Direct, null, null);
        east.SetStatus(PriceListStatus.Active);
        east.SetPrice(steel.Id, 0m, 4_210m, 3_950m);
        db.PriceLists.AddRange(national, east);
        await db.SaveChangesAsync(Ct);
        return new Catalog(steel.Id, machine.Id, oil.Id, unpriced.Id);
    }

    private static async Task<QuoteDetails> CreateAsync(TestDatabase database, Actor rep, Guid customer, params QuoteLineInput[] lines)
    {
        var created = await database.Get<CreateQuoteHandler>().HandleAsync(new CreateQuote(customer, Lines: lines), rep, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value!;
    }

    private static Task<Result<QuoteDetails>> ActAsync(TestDatabase database, Actor actor, QuoteDetails quote, QuoteVerb verb, string? reason = null) =>
        database.Get<QuoteActionHandler>().HandleAsync(new QuoteAction(quote.Id, verb, quote.Version, reason), actor, Ct);

    private static async Task<ApprovalDetails> DecideAsync(TestDatabase database, Actor approver, Guid approvalId, bool approve, string? comment)
    {
        var decided = await database.Get<DecideApprovalHandler>().HandleAsync(new DecideApproval(approvalId, approve, comment), approver, Ct);
        Assert.True(decided.IsSuccess, decided.Error?.Message);
        return decided.Value!;
    }

    private static async Task<QuoteDetails> ReadAsync(TestDatabase database, Actor actor, Guid id) =>
        (await database.Get<QuoteQueries>().GetAsync(actor, id, Ct)).Value!;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Lines_take_the_customers_list_price_convert_units_and_round_once_per_line(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var catalog = await CatalogAsync(database, org);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "上海恒达机电有限公司");

        var quote = await CreateAsync(database, rep, customer,
            new QuoteLineInput(catalog.Steel, 12.345m, "t", 7.5m),
            new QuoteLineInput(catalog.Oil, 2m, "桶", 0m));

        Assert.Equal(("QT-2026-000001", QuoteStatus.Draft, 1, "CNY"), (quote.Number, quote.Status, quote.Revision, quote.Currency));
        Assert.Equal(new DateOnly(2026, 4, 30), quote.ValidUntil);
        var steel = quote.Lines[0];
        Assert.Equal((4_210m, 48_074.52m, 6_249.69m, 54_324.21m), (steel.ListUnitPrice, steel.NetAmount, steel.TaxAmount, steel.GrossAmount));
        var oil = quote.Lines[1];
        Assert.Equal((2m, "桶", 400m, "L", 18.5m, 7_400m, 962m), (oil.Quantity, oil.Unit, oil.BaseQuantity, oil.BaseUnit, oil.ListUnitPrice, oil.NetAmount, oil.TaxAmount));
        Assert.Equal((55_474.52m, 7_211.69m, 62_686.21m, 7.5m), (quote.NetAmount, quote.TaxAmount, quote.GrossAmount, quote.MaxDiscountPercent));

        // A North customer has no regional list: the national price applies.
        var northRep = await org.ActorAsync(database, "rep.north1.a");
        var northCustomer = await PipelineUseCaseTests.CustomerOfAsync(database, northRep, "北京京运物资有限公司");
        var north = await CreateAsync(database, northRep, northCustomer, new QuoteLineInput(catalog.Steel, 1m, null, null));
        Assert.Equal((4_300m, "t"), (north.Lines[0].ListUnitPrice, north.Lines[0].Unit));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Unpriced_products_wrong_units_fractional_pieces_and_excessive_discounts_are_refused_by_line(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var catalog = await CatalogAsync(database, org);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "上海恒达机电有限公司");
        var handler = database.Get<CreateQuoteHandler>();
        var ok = new QuoteLineInput(catalog.Machine, 1m);

        var noPrice = await handler.HandleAsync(new CreateQuote(customer, Lines: [ok, new QuoteLineInput(catalog.Unpriced, 1m)]), rep, Ct);
        Assert.Equal(("quote.noPrice", 2, "NP-1"), (noPrice.Error?.Code, noPrice.Error?.Args["line"], noPrice.Error?.Args["sku"]));
        var half = await handler.HandleAsync(new CreateQuote(customer, Lines: [new QuoteLineInput(catalog.Machine, 1.5m)]), rep, Ct);
        Assert.Equal("quote.quantityDecimals", half.Error?.Code);
        var unit = await handler.HandleAsync(new CreateQuote(customer, Lines: [new QuoteLineInput(catalog.Steel, 1m, "箱")]), rep, Ct);
        Assert.Equal("quote.unitNotSold", unit.Error?.Code);
        var tooMuch = await handler.HandleAsync(new CreateQuote(customer, Lines: [new QuoteLineInput(catalog.Machine, 1m, null, 20.01m)]), rep, Ct);
        Assert.Equal((ErrorKind.BusinessRule, "discount.exceedsMaximum"), (tooMuch.Error?.Kind, tooMuch.Error?.Code));

        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        Assert.False(await db.Quotes.AnyAsync(Ct));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Discounts_within_authority_approve_at_once_and_beyond_it_go_up_the_chain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var catalog = await CatalogAsync(database, org);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var manager = await org.ActorAsync(database, "manager.east");
        var director = await org.ActorAsync(database, "director");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "上海恒达机电有限公司");

        var within = await CreateAsync(database, rep, customer, new QuoteLineInput(catalog.Machine, 1m, null, 5m));
        var approvedAtOnce = (await ActAsync(database, rep, within, QuoteVerb.Submit)).Value!;
        Assert.Equal((QuoteStatus.Approved, null), (approvedAtOnce.Status, approvedAtOnce.Notice));
        Assert.Empty(approvedAtOnce.Approvals);

        // 8 % by a rep: the regional manager decides.
        var eight = await CreateAsync(database, rep, customer, new QuoteLineInput(catalog.Machine, 1m, null, 8m));
        var pending = (await ActAsync(database, rep, eight, QuoteVerb.Submit)).Value!;
        Assert.Equal((QuoteStatus.PendingApproval, "discount.needsApproval", Roles.RegionalManager), (pending.Status, pending.Notice?.Code, pending.Notice?.RequiredRole));
        var request = Assert.Single(pending.Approvals);
        Assert.Equal((8m, 92_000m, "Quote", pending.DisplayNumber), (request.Percentage, request.Amount, request.SubjectKind, request.SubjectNumber));
        Assert.Equal([Roles.RegionalManager], request.Steps.Select(s => s.ApproverRole));
        var editPending = await database.Get<UpdateQuoteHandler>().HandleAsync(
            new UpdateQuote(pending.Id, null, null, pending.ValidUntil, null, [new QuoteLineInput(catalog.Machine, 1m, null, 1m)], pending.Version), rep, Ct);
        Assert.Equal("quote.notDraft", editPending.Error?.Code);
        await DecideAsync(database, manager, request.Id, true, "同意");
        Assert.Equal(QuoteStatus.Approved, (await ReadAsync(database, rep, eight.Id)).Status);

        // 15 % by a rep: the manager, then the director.
        var fifteen = await CreateAsync(database, rep, customer, new QuoteLineInput(catalog.Machine, 1m, null, 15m));
        var twoSteps = (await ActAsync(database, rep, fifteen, QuoteVerb.Submit)).Value!;
        Assert.Equal(Roles.Director, twoSteps.Notice?.RequiredRole);
        var chain = Assert.Single(twoSteps.Approvals);
        Assert.Equal([Roles.RegionalManager, Roles.Director], chain.Steps.Select(s => s.ApproverRole));
        await DecideAsync(database, manager, chain.Id, true, null);
        Assert.Equal(QuoteStatus.PendingApproval, (await ReadAsync(database, rep, fifteen.Id)).Status);
        await DecideAsync(database, director, chain.Id, true, "特批");
        Assert.Equal(QuoteStatus.Approved, (await ReadAsync(database, rep, fifteen.Id)).Status);

        // The manager's own 8 % is within his authority.
        var managersOwn = await CreateAsync(database, manager, customer, new QuoteLineInput(catalog.Machine, 1m, null, 8m));
        Assert.Equal(QuoteStatus.Approved, (await ActAsync(database, manager, managersOwn, QuoteVerb.Submit)).Value!.Status);

        // Below the floor (East steel list 4,210, floor 3,950: 10 % gives 3,789) within a manager's percentage still needs the director.
        var steelFloor = await CreateAsync(database, manager, customer, new QuoteLineInput(catalog.Steel, 1m, null, 10m));
        var floor = (await ActAsync(database, manager, steelFloor, QuoteVerb.Submit)).Value!;
        Assert.Equal((QuoteStatus.PendingApproval, Roles.Director), (floor.Status, floor.Notice?.RequiredRole));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_rejected_approval_returns_the_quote_to_draft_and_a_revision_cancels_a_pending_one(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var catalog = await CatalogAsync(database, org);
        var rep = await org.ActorAsync(database, "rep.east2.a");
        var manager = await org.ActorAsync(database, "manager.east");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "杭州新材料有限公司");

        var quote = await CreateAsync(database, rep, customer, new QuoteLineInput(catalog.Machine, 2m, null, 9m));
        var pending = (await ActAsync(database, rep, quote, QuoteVerb.Submit)).Value!;
        await DecideAsync(database, manager, pending.ApprovalRequestId!.Value, false, "折扣过高，请控制在 5% 以内");
        var back = await ReadAsync(database, rep, quote.Id);
        Assert.Equal((QuoteStatus.Draft, "折扣过高，请控制在 5% 以内"), (back.Status, back.RejectionReason));
        var fixedUp = await database.Get<UpdateQuoteHandler>().HandleAsync(
            new UpdateQuote(back.Id, back.Title, null, back.ValidUntil, "含税含运", [new QuoteLineInput(catalog.Machine, 2m, null, 5m)], back.Version), rep, Ct);
        Assert.True(fixedUp.IsSuccess, fixedUp.Error?.Message);
        var stale = await database.Get<UpdateQuoteHandler>().HandleAsync(
            new UpdateQuote(back.Id, back.Title, null, back.ValidUntil, null, [new QuoteLineInput(catalog.Machine, 2m, null, 5m)], back.Version), rep, Ct);
        Assert.Equal("common.staleVersion", stale.Error?.Code);

        // Submitted again at 9 % and revised while pending: the old revision is superseded and its request cancelled.
        var again = await database.Get<UpdateQuoteHandler>().HandleAsync(
            new UpdateQuote(back.Id, back.Title, null, back.ValidUntil, null, [new QuoteLineInput(catalog.Machine, 2m, null, 9m)], fixedUp.Value!.Version), rep, Ct);
        var pendingAgain = (await ActAsync(database, rep, again.Value!, QuoteVerb.Submit)).Value!;
        var revision = (await ActAsync(database, rep, pendingAgain, QuoteVerb.Revise)).Value!;
        Assert.Equal((2, QuoteStatus.Draft, quote.Number, quote.Number + "-R2", 9m), (revision.Revision, revision.Status, revision.Number, revision.DisplayNumber, revision.Lines[0].DiscountPercent));
        Assert.Equal([1, 2], revision.Revisions.Select(r => r.Revision));
        var old = await ReadAsync(database, rep, quote.Id);
        Assert.Equal((QuoteStatus.Superseded, revision.Id), (old.Status, old.SupersededById));
        Assert.Equal(ApprovalStatus.Cancelled, old.Approvals.Single(a => a.Id == pendingAgain.ApprovalRequestId).Status);
        Assert.Empty((await database.Get<ApprovalQueries>().ListAsync(manager, new ApprovalFilter(Mine: true), new PageRequest(), Ct)).Value!.Items);

        var otherRegion = await org.ActorAsync(database, "rep.north1.a");
        Assert.Equal(ErrorKind.NotFound, (await database.Get<QuoteQueries>().GetAsync(otherRegion, revision.Id, Ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await ActAsync(database, otherRegion, revision, QuoteVerb.Submit)).Error?.Kind);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_sent_quote_is_accepted_until_its_last_day_and_expires_after_it_in_company_time(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var catalog = await CatalogAsync(database, org);
        var rep = await org.ActorAsync(database, "rep.east1.b");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "上海恒达机电有限公司");
        var handler = database.Get<CreateQuoteHandler>();

        async Task<QuoteDetails> SentAsync()
        {
            var created = (await handler.HandleAsync(new CreateQuote(customer, ValidUntil: new DateOnly(2026, 4, 2), Lines: [new QuoteLineInput(catalog.Machine, 1m)]), rep, Ct)).Value!;
            Assert.Equal("quote.wrongStatus", (await ActAsync(database, rep, created, QuoteVerb.Send)).Error?.Code);
            var approved = (await ActAsync(database, rep, created, QuoteVerb.Submit)).Value!;
            return (await ActAsync(database, rep, approved, QuoteVerb.Send)).Value!;
        }

        var onTime = await SentAsync();
        var late = await SentAsync();

        // 2026-04-02 16:30 UTC is 04-03 00:30 in Shanghai: the first quote is accepted before, the second after.
        database.Time.SetUtcNow(new DateTimeOffset(2026, 4, 2, 15, 59, 0, TimeSpan.Zero));
        var accepted = (await ActAsync(database, rep, onTime, QuoteVerb.Accept)).Value!;
        Assert.Equal(QuoteStatus.Accepted, accepted.Status);
        Assert.NotNull(accepted.OrderId);
        database.Time.SetUtcNow(new DateTimeOffset(2026, 4, 2, 16, 30, 0, TimeSpan.Zero));
        var refused = await ActAsync(database, rep, late, QuoteVerb.Accept);
        Assert.Equal("quote.expired", refused.Error?.Code);
        Assert.Equal(QuoteStatus.Expired, (await ReadAsync(database, rep, late.Id)).Status);
        Assert.Equal("quote.wrongStatus", (await ActAsync(database, rep, accepted, QuoteVerb.Revise)).Error?.Code);
    }
}
