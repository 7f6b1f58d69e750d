using SalesFlow.Core.Bids;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Tests.Opportunities;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Bids;

/// <summary>报价投标 end to end on a real database: the step plan, who may decide, escalation, overdue and the result report.</summary>
public class BidProcessTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<BidDetails> RegisterAsync(TestDatabase database, Actor rep, Guid customer, decimal amount, DateOnly deadline)
    {
        var created = await database.Get<RegisterBidHandler>().HandleAsync(new RegisterBid("市政管网改造设备采购", customer, amount, deadline), rep, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value!;
    }

    private static async Task<BidDetails> DoAsync(TestDatabase database, Actor actor, AdvanceBid request)
    {
        var done = await database.Get<AdvanceBidHandler>().HandleAsync(request, actor, Ct);
        Assert.True(done.IsSuccess, done.Error?.Message);
        return done.Value!;
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_bid_walks_every_step_with_owners_and_due_dates_and_is_won(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var manager = await org.ActorAsync(database, "manager.east");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "上海城投水务集团");

        // Today is 2026-03-31 in Shanghai; the buyer wants the document by 2026-04-30.
        var bid = await RegisterAsync(database, rep, customer, 1_200_000m, new DateOnly(2026, 4, 30));
        Assert.Equal(("BID-2026-000001", BidStep.Decision, false), (bid.Number, bid.CurrentStep, bid.Escalated));
        Assert.Equal(
            [
                (BidStep.Decision, "manager.east", new DateOnly(2026, 4, 2)),
                (BidStep.TechnicalSpecs, "rep.east1.a", new DateOnly(2026, 4, 20)),
                (BidStep.Purchasing, "rep.east1.a", new DateOnly(2026, 4, 23)),
                (BidStep.PriceApproval, "manager.east", new DateOnly(2026, 4, 26)),
                (BidStep.Document, "rep.east1.a", new DateOnly(2026, 4, 28)),
                (BidStep.Result, "rep.east1.a", new DateOnly(2026, 5, 30)),
            ],
            bid.Steps.Select(s => (s.Step, s.OwnerName, s.DueDate)));

        // The rep cannot take the manager's decision (no permission), and the manager cannot skip ahead.
        Assert.Equal(ErrorKind.Forbidden, (await database.Get<AdvanceBidHandler>().HandleAsync(
            new AdvanceBid(bid.Id, BidAction.Decide, bid.Version, Go: true), rep, Ct)).Error?.Kind);
        Assert.Equal("bid.wrongStep", (await database.Get<AdvanceBidHandler>().HandleAsync(
            new AdvanceBid(bid.Id, BidAction.RecordSpecs, bid.Version, Specs: "DN800 球墨铸铁管"), rep, Ct)).Error?.Code);

        bid = await DoAsync(database, manager, new AdvanceBid(bid.Id, BidAction.Decide, bid.Version, Go: true, Comment: "战略客户，参与投标"));
        bid = await DoAsync(database, rep, new AdvanceBid(bid.Id, BidAction.RecordSpecs, bid.Version, Specs: "DN800 球墨铸铁管 12 km，配套阀门"));
        bid = await DoAsync(database, rep, new AdvanceBid(bid.Id, BidAction.RecordCosting, bid.Version, PurchaseCost: 900_000m, LeadTimeDays: 45));
        bid = await DoAsync(database, rep, new AdvanceBid(bid.Id, BidAction.ProposePrice, bid.Version, Price: 1_080_000m));
        Assert.Equal((BidStep.PriceApproval, 16.7m), (bid.CurrentStep, bid.MarginPercent));

        var rejected = await DoAsync(database, manager, new AdvanceBid(bid.Id, BidAction.RejectPrice, bid.Version, Comment: "毛利太低，重新核价"));
        Assert.Null(rejected.ProposedPrice);
        Assert.Equal("bid.noProposedPrice", (await database.Get<AdvanceBidHandler>().HandleAsync(
            new AdvanceBid(bid.Id, BidAction.ApprovePrice, rejected.Version), manager, Ct)).Error?.Code);
        bid = await DoAsync(database, rep, new AdvanceBid(bid.Id, BidAction.ProposePrice, rejected.Version, Price: 1_150_000m));
        bid = await DoAsync(database, manager, new AdvanceBid(bid.Id, BidAction.ApprovePrice, bid.Version, Comment: "同意"));
        bid = await DoAsync(database, rep, new AdvanceBid(bid.Id, BidAction.IssueDocument, bid.Version, DocumentNumber: "SHCT-2026-017"));
        bid = await DoAsync(database, rep, new AdvanceBid(bid.Id, BidAction.RecordResult, bid.Version, Won: true));

        Assert.Equal((BidStatus.Won, (BidStep?)null, 1_150_000m), (bid.Status, bid.CurrentStep, bid.ApprovedPrice));
        Assert.All(bid.Steps, s => Assert.NotNull(s.CompletedAtUtc));
        Assert.Equal("manager.east", bid.Steps.Single(s => s.Step == BidStep.PriceApproval).CompletedByName);
        Assert.Equal("bid.closed", (await database.Get<AdvanceBidHandler>().HandleAsync(
            new AdvanceBid(bid.Id, BidAction.RecordResult, bid.Version, Won: false, Comment: "x"), rep, Ct)).Error?.Code);

        // Out of scope is not found, as everywhere.
        var north = await org.ActorAsync(database, "rep.north1.a");
        Assert.Equal(ErrorKind.NotFound, (await database.Get<BidQueries>().GetAsync(north, bid.Id, Ct)).Error?.Kind);
    }

    [Fact]
    public async Task A_big_bid_goes_to_the_director_and_nobody_decides_their_own()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var manager = await org.ActorAsync(database, "manager.east");
        var director = await org.ActorAsync(database, "director");
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "浙江交通投资集团");

        var big = await RegisterAsync(database, rep, customer, 8_000_000m, new DateOnly(2026, 5, 15));
        Assert.True(big.Escalated);
        Assert.Equal("director", big.Steps.Single(s => s.Step == BidStep.Decision).OwnerName);
        Assert.Equal("bid.needsDirector", (await database.Get<AdvanceBidHandler>().HandleAsync(
            new AdvanceBid(big.Id, BidAction.Decide, big.Version, Go: true), manager, Ct)).Error?.Code);

        var declined = await DoAsync(database, director, new AdvanceBid(big.Id, BidAction.Decide, big.Version, Go: false, Comment: "资质不满足招标要求"));
        Assert.Equal((BidStatus.Declined, "资质不满足招标要求"), (declined.Status, declined.ResultReason));

        // A manager's own bid is decided by someone else.
        var own = await RegisterAsync(database, manager, customer, 300_000m, new DateOnly(2026, 5, 15));
        Assert.Equal("bid.ownApproval", (await database.Get<AdvanceBidHandler>().HandleAsync(
            new AdvanceBid(own.Id, BidAction.Decide, own.Version, Go: true), manager, Ct)).Error?.Code);

        // Saying no needs a reason; a stale version is a conflict.
        Assert.Equal("common.validation", (await database.Get<AdvanceBidHandler>().HandleAsync(
            new AdvanceBid(own.Id, BidAction.Decide, own.Version, Go: false), director, Ct)).Error?.Code);
        Assert.Equal("common.staleVersion", (await database.Get<AdvanceBidHandler>().HandleAsync(
            new AdvanceBid(own.Id, BidAction.Decide, own.Version - 1, Go: true), director, Ct)).Error?.Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Overdue_steps_are_flagged_in_the_list_and_lost_bids_report_reasons_and_competitors(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var manager = await org.ActorAsync(database, "manager.east");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "苏州工业园区管委会");
        var late = await RegisterAsync(database, rep, customer, 500_000m, new DateOnly(2026, 4, 20));
        var onTime = await RegisterAsync(database, rep, customer, 600_000m, new DateOnly(2026, 6, 20));
        onTime = await DoAsync(database, manager, new AdvanceBid(onTime.Id, BidAction.Decide, onTime.Version, Go: true));

        // Three days later the first bid's decision (due 04-02) is late; the second is at specs, due in June.
        database.Time.Advance(TimeSpan.FromDays(3));
        var overdue = await database.Get<BidQueries>().ListAsync(manager, new BidFilter(Overdue: true), new PageRequest(), Ct);
        Assert.Equal([late.Id], overdue.Value!.Items.Select(b => b.Id));
        Assert.True(overdue.Value.Items[0].Overdue);
        var notOverdue = await database.Get<BidQueries>().ListAsync(manager, new BidFilter(Overdue: false), new PageRequest(), Ct);
        Assert.Equal([onTime.Id], notOverdue.Value!.Items.Select(b => b.Id));

        var rejected = await DoAsync(database, manager, new AdvanceBid(late.Id, BidAction.Decide, late.Version, Go: true));
        rejected = await DoAsync(database, rep, new AdvanceBid(late.Id, BidAction.RecordSpecs, rejected.Version, Specs: "标准方案"));
        rejected = await DoAsync(database, rep, new AdvanceBid(late.Id, BidAction.RecordCosting, rejected.Version, PurchaseCost: 400_000m, LeadTimeDays: 30));
        rejected = await DoAsync(database, rep, new AdvanceBid(late.Id, BidAction.ProposePrice, rejected.Version, Price: 480_000m));
        rejected = await DoAsync(database, manager, new AdvanceBid(late.Id, BidAction.ApprovePrice, rejected.Version));
        rejected = await DoAsync(database, rep, new AdvanceBid(late.Id, BidAction.IssueDocument, rejected.Version, DocumentNumber: "SIP-88"));
        Assert.Equal("common.validation", (await database.Get<AdvanceBidHandler>().HandleAsync(
            new AdvanceBid(late.Id, BidAction.RecordResult, rejected.Version, Won: false), rep, Ct)).Error?.Code);
        await DoAsync(database, rep, new AdvanceBid(late.Id, BidAction.RecordResult, rejected.Version, Won: false, Comment: "价格偏高", Competitor: "三一重工"));

        var report = await database.Get<BidQueries>().ResultsAsync(manager, new DateOnly(2026, 4, 1), new DateOnly(2026, 4, 30), Ct);
        Assert.Equal((0, 1, 0, 0m), (report.Value!.Won, report.Value.Lost, report.Value.Declined, report.Value.WinRatePercent));
        Assert.Equal([("价格偏高", 1, 480_000m)], report.Value.LossReasons.Select(r => (r.Key, r.Count, r.Amount)));
        Assert.Equal(["三一重工"], report.Value.Competitors.Select(r => r.Key));
    }
}
