using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.FieldWork.Travel;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.FieldWork;

/// <summary>The field-work rules as use cases on a real database: compliance, the travel rule, who may decide.</summary>
public class FieldWorkRulesTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<Guid> CustomerOfAsync(TestDatabase database, TestOrg org, string rep, CustomerClass customerClass = CustomerClass.A)
    {
        await using var db = await database.Factory.OpenAsync(Actor.System, Ct);
        var owner = org[rep];
        var customer = new Customer($"C-{Guid.NewGuid():N}"[..20], $"客户{Guid.NewGuid():N}"[..12], CustomerType.Enterprise, org.East.Id, owner.Id, owner.OrgUnitId);
        customer.Classify(customerClass, ValueTier.High);
        db.Customers.Add(customer);
        await db.SaveChangesAsync(Ct);
        return customer.Id;
    }

    private static async Task<Guid> VisitAsync(TestDatabase database, Actor rep, Guid customer, bool done, bool breakthrough = false)
    {
        var visit = await database.Get<PlanVisitHandler>().HandleAsync(new PlanVisit(customer, new DateOnly(2026, 3, 30)), rep, Ct);
        if (done)
        {
            var steps = database.Get<VisitStepsHandler>();
            Assert.True((await steps.HandleAsync(new CheckIn(visit.Value!.Id), rep, Ct)).IsSuccess);
            database.Time.Advance(TimeSpan.FromMinutes(40));
            Assert.True((await steps.HandleAsync(new CheckOut(visit.Value.Id, Outcome: "跟进中", Breakthrough: breakthrough), rep, Ct)).IsSuccess);
        }

        return visit.Value!.Id;
    }

    private static SubmitTravelRequest Travel(params Guid[] customers) =>
        new("杭州", "拜访客户", new DateOnly(2026, 4, 6), new DateOnly(2026, 4, 7), 1200m, customers);

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Compliance_is_done_over_planned_per_rep_and_team_and_ignores_ad_hoc_and_cancelled_visits(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var repA = await org.ActorAsync(database, "rep.east1.a");
        var repB = await org.ActorAsync(database, "rep.east1.b");
        var customerA = await CustomerOfAsync(database, org, "rep.east1.a");
        var customerB = await CustomerOfAsync(database, org, "rep.east1.b");
        for (var i = 0; i < 4; i++)
        {
            await VisitAsync(database, repA, customerA, done: i < 3);
        }

        await VisitAsync(database, repB, customerB, done: true);
        await VisitAsync(database, repB, customerB, done: false);
        var cancelled = await VisitAsync(database, repB, customerB, done: false);
        await database.Get<VisitStepsHandler>().HandleAsync(new CancelVisit(cancelled), repB, Ct);
        var adHoc = await database.Get<PlanVisitHandler>().HandleAsync(new PlanVisit(customerB, AdHoc: true), repB, Ct);
        await database.Get<VisitStepsHandler>().HandleAsync(new CheckIn(adHoc.Value!.Id), repB, Ct);
        await database.Get<VisitStepsHandler>().HandleAsync(new CheckOut(adHoc.Value.Id), repB, Ct);

        var supervisor = await org.ActorAsync(database, "supervisor.east1");
        var report = (await database.Get<VisitComplianceQueries>().GetAsync(supervisor, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Ct)).Value!;
        var own = (await database.Get<VisitComplianceQueries>().GetAsync(repB, new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 31), Ct)).Value!;

        Assert.Equal(
            [("rep.east1.a", 4, 3, (decimal?)0.75m), ("rep.east1.b", 2, 1, 0.5m)],
            report.Reps.Select(r => (r.Name, r.Planned, r.Done, r.Compliance)));
        Assert.Equal(("上海团队", 6, 4, (decimal?)0.6667m), (report.Teams.Single().Name, report.Teams.Single().Planned, report.Teams.Single().Done, report.Teams.Single().Compliance));
        Assert.Equal(["rep.east1.b"], own.Reps.Select(r => r.Name));
        Assert.Null(VisitComplianceQueries.Ratio(0, 0));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Three_visits_without_a_breakthrough_refuse_travel_a_breakthrough_resets_the_count_and_a_manager_overrides(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await CustomerOfAsync(database, org, "rep.east1.a");
        var submit = database.Get<SubmitTravelRequestHandler>();

        await VisitAsync(database, rep, customer, done: true, breakthrough: true);
        await VisitAsync(database, rep, customer, done: true);
        await VisitAsync(database, rep, customer, done: true);
        await VisitAsync(database, rep, customer, done: false); // planned, not done: does not count
        var twoSince = await submit.HandleAsync(Travel(customer), rep, Ct);
        await VisitAsync(database, rep, customer, done: true);
        var threeSince = await submit.HandleAsync(Travel(customer), rep, Ct);

        Assert.Equal(TravelStatus.Submitted, twoSince.Value?.Status);
        Assert.Equal("travel.noBreakthrough", threeSince.Error?.Code);
        Assert.Equal((customer, 3), ((Guid)threeSince.Error!.Args["customerId"]!, (int)threeSince.Error.Args["visits"]!));
        var refusedId = (Guid)threeSince.Error.Args["travelRequestId"]!;
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var refused = await db.TravelRequests.SingleAsync(t => t.Id == refusedId, Ct);
            Assert.Equal((TravelStatus.Refused, (Guid?)customer, (int?)3), (refused.Status, refused.RefusedForCustomerId, refused.RefusedVisitCount));
        }

        var decide = database.Get<DecideTravelRequestHandler>();
        var manager = await org.ActorAsync(database, "manager.east");
        var noReason = await decide.HandleAsync(new DecideTravelRequest(refusedId, TravelDecision.Override, " "), manager, Ct);
        var overridden = await decide.HandleAsync(new DecideTravelRequest(refusedId, TravelDecision.Override, "新任采购经理上任"), manager, Ct);
        Assert.Equal("reason", noReason.Error?.Fields?[0].Field);
        Assert.Equal((TravelStatus.Approved, true, "新任采购经理上任"), (overridden.Value!.Status, overridden.Value.Overridden, overridden.Value.DecisionReason));

        await VisitAsync(database, rep, customer, done: true, breakthrough: true);
        Assert.True((await submit.HandleAsync(Travel(customer), rep, Ct)).IsSuccess);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_new_opportunity_is_a_new_plan_and_a_stage_advance_is_a_breakthrough_but_a_step_back_is_not(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await CustomerOfAsync(database, org, "rep.east1.a");
        var stages = database.Get<ChangeOpportunityStageHandler>();

        async Task<StalledCustomer?> StalledAsync()
        {
            await using var db = await database.Factory.CreateDbContextAsync(Ct);
            return await Breakthroughs.FirstStalledAsync(db, [customer], new TravelOptions(), Ct);
        }

        async Task ThreeVisitsAsync()
        {
            for (var i = 0; i < 3; i++)
            {
                await VisitAsync(database, rep, customer, done: true);
            }

            database.Time.Advance(TimeSpan.FromMinutes(5));
        }

        await ThreeVisitsAsync();
        var stalledAtFirst = await StalledAsync();
        var deal = (await database.Get<CreateOpportunityHandler>().HandleAsync(new CreateOpportunity("空压机更新", customer, Amount: 80_000m), rep, Ct)).Value!;
        var afterNewPlan = await StalledAsync();
        database.Time.Advance(TimeSpan.FromMinutes(5));
        await ThreeVisitsAsync();
        var stalledAgain = await StalledAsync();
        var advanced = (await stages.HandleAsync(new ChangeOpportunityStage(deal.Id, OpportunityStep.Move, deal.Version, "Proposal"), rep, Ct)).Value!;
        var afterAdvance = await StalledAsync();
        database.Time.Advance(TimeSpan.FromMinutes(5));
        await ThreeVisitsAsync();
        await stages.HandleAsync(new ChangeOpportunityStage(deal.Id, OpportunityStep.Move, advanced.Version, "NeedsAnalysis"), rep, Ct);
        var afterStepBack = await StalledAsync();

        Assert.Equal(new StalledCustomer(customer, 3), stalledAtFirst);
        Assert.Null(afterNewPlan);
        Assert.Equal(new StalledCustomer(customer, 3), stalledAgain);
        Assert.Null(afterAdvance);
        Assert.Equal(new StalledCustomer(customer, 3), afterStepBack);
    }

    [Fact]
    public async Task The_threshold_is_a_setting()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await CustomerOfAsync(database, org, "rep.east1.a");
        await VisitAsync(database, rep, customer, done: true);
        await using var db = await database.Factory.CreateDbContextAsync(Ct);

        Assert.Null(await Breakthroughs.FirstStalledAsync(db, [customer], new TravelOptions(), Ct));
        Assert.Equal(new StalledCustomer(customer, 1), await Breakthroughs.FirstStalledAsync(db, [customer], new TravelOptions { VisitsWithoutBreakthrough = 1 }, Ct));
    }

    [Fact]
    public async Task Only_a_manager_whose_scope_holds_the_requester_decides_and_never_on_their_own_request()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await CustomerOfAsync(database, org, "rep.east1.a");
        var supervisorCustomer = await CustomerOfAsync(database, org, "supervisor.east1");
        var submit = database.Get<SubmitTravelRequestHandler>();
        var decide = database.Get<DecideTravelRequestHandler>();
        var request = (await submit.HandleAsync(Travel(customer), rep, Ct)).Value!;
        var supervisor = await org.ActorAsync(database, "supervisor.east1");
        var own = (await submit.HandleAsync(Travel(supervisorCustomer), supervisor, Ct)).Value!;

        var byRep = await decide.HandleAsync(new DecideTravelRequest(request.Id, TravelDecision.Approve), rep, Ct);
        var byOtherTeam = await decide.HandleAsync(new DecideTravelRequest(request.Id, TravelDecision.Approve), await org.ActorAsync(database, "supervisor.east2"), Ct);
        var byOtherRegion = await decide.HandleAsync(new DecideTravelRequest(request.Id, TravelDecision.Approve), await org.ActorAsync(database, "manager.north"), Ct);
        var bySelf = await decide.HandleAsync(new DecideTravelRequest(own.Id, TravelDecision.Approve), supervisor, Ct);
        var byManager = await decide.HandleAsync(new DecideTravelRequest(own.Id, TravelDecision.Approve), await org.ActorAsync(database, "manager.east"), Ct);
        var bySupervisor = await decide.HandleAsync(new DecideTravelRequest(request.Id, TravelDecision.Reject, "预算不足"), supervisor, Ct);

        Assert.Equal(ErrorKind.Forbidden, byRep.Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, byOtherTeam.Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, byOtherRegion.Error?.Kind);
        Assert.Equal("fieldwork.notYourOwn", bySelf.Error?.Code);
        Assert.Equal(TravelStatus.Approved, byManager.Value?.Status);
        Assert.Equal((TravelStatus.Rejected, "预算不足"), (bySupervisor.Value!.Status, bySupervisor.Value.DecisionReason));
    }
}
