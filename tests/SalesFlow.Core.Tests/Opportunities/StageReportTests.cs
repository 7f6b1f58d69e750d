using SalesFlow.Core.Data;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Opportunities;

public class StageReportTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Entered_moved_forward_conversion_days_in_stage_and_cycle_come_from_the_history(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var customer = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "上海恒达机电有限公司");
        var stages = await PipelineUseCaseTests.StagesAsync(database);
        var create = database.Get<CreateOpportunityHandler>();
        var change = database.Get<ChangeOpportunityStageHandler>();
        var a = (await create.HandleAsync(new CreateOpportunity("A", customer), rep, Ct)).Value!;
        var b = (await create.HandleAsync(new CreateOpportunity("B", customer), rep, Ct)).Value!;
        await create.HandleAsync(new CreateOpportunity("C", customer), rep, Ct);

        database.Time.Advance(TimeSpan.FromDays(2));
        var aMoved = (await change.HandleAsync(new ChangeOpportunityStage(a.Id, OpportunityStep.Move, a.Version, stages["NeedsAnalysis"].ToString()), rep, Ct)).Value!;
        await change.HandleAsync(new ChangeOpportunityStage(b.Id, OpportunityStep.Lose, b.Version, Reason: "预算取消"), rep, Ct);
        database.Time.Advance(TimeSpan.FromDays(4));
        await change.HandleAsync(new ChangeOpportunityStage(a.Id, OpportunityStep.Win, aMoved.Version), rep, Ct);

        var report = (await database.Get<OpportunityStageReport>().ForPeriodAsync(rep, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30), Ct)).Value!;

        var rows = report.Stages.ToDictionary(s => s.Code);
        Assert.Equal((3, 1, (decimal?)33.3m, (decimal?)2.0m), (rows["Prospecting"].Entered, rows["Prospecting"].MovedForward, rows["Prospecting"].ConversionPercent, rows["Prospecting"].AverageDaysInStage));
        Assert.Equal((1, 1, (decimal?)100m, (decimal?)4.0m), (rows["NeedsAnalysis"].Entered, rows["NeedsAnalysis"].MovedForward, rows["NeedsAnalysis"].ConversionPercent, rows["NeedsAnalysis"].AverageDaysInStage));
        Assert.Equal((0, (decimal?)null), (rows["Proposal"].Entered, rows["Proposal"].ConversionPercent));
        Assert.Equal((1, 1), (rows["Won"].Entered, rows["Lost"].Entered));
        Assert.Equal((1, (decimal?)6.0m), (report.WonCount, report.AverageCycleDays));

        var otherRegion = await org.ActorAsync(database, "rep.north1.a");
        var theirs = (await database.Get<OpportunityStageReport>().ForPeriodAsync(otherRegion, new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 30), Ct)).Value!;
        Assert.All(theirs.Stages, s => Assert.Equal(0, s.Entered));
        Assert.Equal((0, (decimal?)null), (theirs.WonCount, theirs.AverageCycleDays));

        var before = (await database.Get<OpportunityStageReport>().ForPeriodAsync(rep, new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 28), Ct)).Value!;
        Assert.All(before.Stages, s => Assert.Equal(0, s.Entered));
    }
}
