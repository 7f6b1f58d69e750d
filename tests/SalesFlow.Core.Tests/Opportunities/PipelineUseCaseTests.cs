using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Opportunities;

/// <summary>The pipeline use cases on a real database: stages seeded, history written, scope and versions enforced.</summary>
public class PipelineUseCaseTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    internal static async Task<Guid> CustomerOfAsync(TestDatabase database, Actor rep, string name)
    {
        var created = await database.Get<CreateCustomerHandler>().HandleAsync(new CreateCustomer(name, CustomerType.Enterprise, null, null, null, null, null, null, null, null), rep, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        return created.Value!.Id;
    }

    internal static async Task<Dictionary<string, Guid>> StagesAsync(TestDatabase database)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return await db.OpportunityStages.ToDictionaryAsync(s => s.Code, s => s.Id);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task A_new_opportunity_starts_in_the_first_stage_and_moves_with_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await CustomerOfAsync(database, rep, "上海恒达机电有限公司");
        var stages = await StagesAsync(database);

        var created = await database.Get<CreateOpportunityHandler>().HandleAsync(new CreateOpportunity("空压机更新", customer, Amount: 120_000m), rep, Ct);
        Assert.True(created.IsSuccess, created.Error?.Message);
        var opportunity = created.Value!;
        Assert.Equal(("OPP-2026-000001", stages["Prospecting"], 10, 120_000m, org["rep.east1.a"].Id), (opportunity.Number, opportunity.StageId, opportunity.Probability, opportunity.Amount, opportunity.OwnerId));

        database.Time.Advance(TimeSpan.FromDays(2));
        var moved = await database.Get<ChangeOpportunityStageHandler>().HandleAsync(
            new ChangeOpportunityStage(opportunity.Id, OpportunityStep.Move, opportunity.Version, stages["Proposal"].ToString()), rep, Ct);

        Assert.True(moved.IsSuccess, moved.Error?.Message);
        Assert.Equal((stages["Proposal"], 50), (moved.Value!.StageId, moved.Value.Probability));
        Assert.Equal(["初步接触", "方案/报价"], moved.Value.History.Select(h => h.ToStageNameZh));
        Assert.Equal("初步接触", moved.Value.History[1].FromStageNameZh);

        var stale = await database.Get<ChangeOpportunityStageHandler>().HandleAsync(
            new ChangeOpportunityStage(opportunity.Id, OpportunityStep.Move, opportunity.Version, stages["Negotiation"].ToString()), rep, Ct);
        Assert.Equal("common.staleVersion", stale.Error?.Code);
        Assert.Equal(moved.Value.Version, ((OpportunityDetails)stale.Error!.Current!).Version);

        var otherRegion = await org.ActorAsync(database, "rep.north1.a");
        Assert.Equal(ErrorKind.NotFound, (await database.Get<OpportunityQueries>().GetAsync(otherRegion, opportunity.Id, Ct)).Error?.Kind);
        Assert.Equal(ErrorKind.NotFound, (await database.Get<ChangeOpportunityStageHandler>().HandleAsync(
            new ChangeOpportunityStage(opportunity.Id, OpportunityStep.Win, moved.Value.Version), otherRegion, Ct)).Error?.Kind);
    }

    [Fact]
    public async Task Win_lose_and_reopen_through_the_use_case_and_lines_set_the_amount()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await CustomerOfAsync(database, rep, "杭州鑫源化工有限公司");
        var stages = await StagesAsync(database);
        var handler = database.Get<ChangeOpportunityStageHandler>();
        var opportunity = (await database.Get<CreateOpportunityHandler>().HandleAsync(new CreateOpportunity("年度原料采购", customer), rep, Ct)).Value!;
        var moved = await handler.HandleAsync(new ChangeOpportunityStage(opportunity.Id, OpportunityStep.Move, opportunity.Version, "Negotiation"), rep, Ct);

        var updated = await database.Get<UpdateOpportunityHandler>().HandleAsync(new UpdateOpportunity(
            opportunity.Id, "年度原料采购（二期）", null, null, 80, new DateOnly(2026, 6, 30),
            [new OpportunityLineInput("聚丙烯颗粒", "PP-01", null, 20.5m, "吨", 8_600m)], moved.Value!.Version), rep, Ct);
        Assert.True(updated.IsSuccess, updated.Error?.Message);
        Assert.Equal((176_300m, 80, 20.5m), (updated.Value!.Amount, updated.Value.Probability, updated.Value.Lines[0].Quantity));

        var noReason = await handler.HandleAsync(new ChangeOpportunityStage(opportunity.Id, OpportunityStep.Lose, updated.Value.Version), rep, Ct);
        Assert.Equal("reason", noReason.Error?.Fields?[0].Field);
        var lost = await handler.HandleAsync(new ChangeOpportunityStage(opportunity.Id, OpportunityStep.Lose, updated.Value.Version, Reason: "竞品价格更低", Competitor: "施耐德"), rep, Ct);
        Assert.Equal((OpportunityStatus.Lost, "施耐德", 0), (lost.Value!.Status, lost.Value.Competitor, lost.Value.Probability));

        var reopened = await handler.HandleAsync(new ChangeOpportunityStage(opportunity.Id, OpportunityStep.Reopen, lost.Value.Version), rep, Ct);
        Assert.Equal((OpportunityStatus.Open, stages["Negotiation"], 75), (reopened.Value!.Status, reopened.Value.StageId, reopened.Value.Probability));

        var won = await handler.HandleAsync(new ChangeOpportunityStage(opportunity.Id, OpportunityStep.Win, reopened.Value.Version, Reason: "技术方案胜出"), rep, Ct);
        Assert.Equal((OpportunityStatus.Won, 100), (won.Value!.Status, won.Value.Probability));
        Assert.Equal(5, won.Value.History.Count);
    }

    [Fact]
    public async Task Only_directors_and_sales_ops_edit_stages_and_new_stages_are_open()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var stages = (await database.Get<OpportunityStageQueries>().ListAsync(director, Ct)).Value!;
        Assert.Equal(["Prospecting", "NeedsAnalysis", "Proposal", "Negotiation", "Won", "Lost"], stages.Select(s => s.Code));
        var proposal = stages.Single(s => s.Code == "Proposal");
        var input = new StageInput(proposal.Id, proposal.Code, "方案报价", "Quote", proposal.SortOrder, 45, true, proposal.Version);

        Assert.Equal(ErrorKind.Forbidden, (await database.Get<SaveOpportunityStagesHandler>().HandleAsync(new SaveOpportunityStages([input]), rep, Ct)).Error?.Kind);
        var saved = await database.Get<SaveOpportunityStagesHandler>().HandleAsync(
            new SaveOpportunityStages([input, new StageInput(null, "Trial", "试用", "Trial", 35, 60)]), director, Ct);

        Assert.True(saved.IsSuccess, saved.Error?.Message);
        Assert.Equal(("方案报价", 45), (saved.Value!.Single(s => s.Code == "Proposal").NameZh, saved.Value!.Single(s => s.Code == "Proposal").DefaultProbability));
        Assert.Equal(StageKind.Open, saved.Value!.Single(s => s.Code == "Trial").Kind);
        var won = saved.Value!.Single(s => s.Code == "Won");
        Assert.Equal("opportunity.closingStageStaysActive", (await database.Get<SaveOpportunityStagesHandler>().HandleAsync(
            new SaveOpportunityStages([new StageInput(won.Id, won.Code, won.NameZh, won.NameEn, won.SortOrder, won.DefaultProbability, false, won.Version)]), director, Ct)).Error?.Code);
        Assert.Equal("common.staleVersion", (await database.Get<SaveOpportunityStagesHandler>().HandleAsync(new SaveOpportunityStages([input]), director, Ct)).Error?.Code);
    }
}
