using SalesFlow.Core.Opportunities;

namespace SalesFlow.Core.Tests.Opportunities;

/// <summary>The stage rules on the entity alone: history, probability reset, win/lose/reopen.</summary>
public class OpportunityTests
{
    private static readonly DateTime Start = new(2026, 1, 5, 2, 0, 0, DateTimeKind.Utc);

    private static readonly OpportunityStage Prospecting = new("Prospecting", "初步接触", "Prospecting", 10, 10, StageKind.Open);
    private static readonly OpportunityStage Proposal = new("Proposal", "方案/报价", "Proposal", 30, 50, StageKind.Open);
    private static readonly OpportunityStage Won = new("Won", "赢单", "Won", 50, 100, StageKind.Won);
    private static readonly OpportunityStage Lost = new("Lost", "输单", "Lost", 60, 0, StageKind.Lost);

    private static Opportunity Opened()
    {
        var opportunity = new Opportunity("OPP-2026-000001", "空压机更新", Guid.NewGuid(), null, Guid.NewGuid(), Guid.NewGuid(), "CNY");
        Assert.True(opportunity.Open(Prospecting, Start, "rep").IsSuccess);
        return opportunity;
    }

    [Fact]
    public void Moving_writes_history_with_time_in_the_left_stage_and_resets_the_probability()
    {
        var opportunity = Opened();
        opportunity.OverrideProbability(33);

        Assert.True(opportunity.Move(Proposal, Start.AddDays(3), "rep").IsSuccess);

        Assert.Equal((Proposal.Id, 50), (opportunity.StageId, opportunity.Probability));
        var change = opportunity.StageChanges[^1];
        Assert.Equal((Prospecting.Id, Proposal.Id, 3 * 86_400L, 3 * 86_400L), (change.FromStageId!.Value, change.ToStageId, change.SecondsInFromStage!.Value, change.SecondsSinceOpened));
        Assert.Null(opportunity.StageChanges[0].FromStageId);
        Assert.Equal("opportunity.sameStage", opportunity.Move(Proposal, Start.AddDays(4), "rep").Error?.Code);
    }

    [Fact]
    public void Moving_to_a_closing_stage_is_refused_win_and_lose_close_the_deal()
    {
        var opportunity = Opened();
        Assert.Equal("opportunity.stageNotOpen", opportunity.Move(Won, Start, "rep").Error?.Code);

        Assert.True(opportunity.Win(Won, "  客户认可方案 ", Start.AddDays(10), "rep").IsSuccess);

        Assert.Equal((OpportunityStatus.Won, 100, "客户认可方案", (DateTime?)Start.AddDays(10)), (opportunity.Status, opportunity.Probability, opportunity.CloseReason, opportunity.ClosedAtUtc));
        Assert.Equal("opportunity.closed", opportunity.Move(Proposal, Start.AddDays(11), "rep").Error?.Code);
        Assert.Equal("opportunity.closed", opportunity.Lose(Lost, "价格", null, Start.AddDays(11), "rep").Error?.Code);
    }

    [Fact]
    public void Losing_needs_a_reason_keeps_the_competitor_and_reopening_clears_both()
    {
        var opportunity = Opened();

        Assert.Equal("reason", opportunity.Lose(Lost, " ", "西门子", Start, "rep").Error?.Fields?[0].Field);
        Assert.Equal(OpportunityStatus.Open, opportunity.Status);
        Assert.True(opportunity.Lose(Lost, "竞品价格更低", "西门子", Start.AddDays(1), "rep").IsSuccess);
        Assert.Equal((0, "西门子"), (opportunity.Probability, opportunity.Competitor));

        Assert.True(opportunity.Reopen(Prospecting, Start.AddDays(2), "rep").IsSuccess);

        Assert.Equal((OpportunityStatus.Open, 10, null, null, null), (opportunity.Status, opportunity.Probability, opportunity.CloseReason, opportunity.Competitor, opportunity.ClosedAtUtc));
        Assert.Equal("opportunity.notClosed", opportunity.Reopen(Prospecting, Start.AddDays(3), "rep").Error?.Code);
    }

    [Fact]
    public void With_lines_the_amount_is_their_sum_and_bulk_quantities_take_decimals()
    {
        var opportunity = Opened();

        opportunity.SetLines([new OpportunityLine(1, "高强度螺纹钢", null, null, 12.5m, "吨", 4_180m), new OpportunityLine(2, "安装服务", "SV-01", null, 1m, "项", 3_000.555m)], 999m);

        Assert.Equal(52_250m + 3_000.56m, opportunity.Amount);
        opportunity.SetLines([], 120_000m);
        Assert.Equal(120_000m, opportunity.Amount);
    }
}
