using System.Net;

namespace SalesFlow.Web.Tests.Opportunities;

/// <summary>Own fixture: editing the pipeline would change the board other tests read.</summary>
public sealed class OpportunityStageApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Fact]
    public async Task Directors_rename_stages_and_add_open_ones_reps_may_only_read()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var director = await app.ClientAsync("director");
        var stages = (await rep.GetJsonAsync("/api/v1/opportunity-stages")).EnumerateArray().ToList();
        Assert.Equal(["初步接触", "需求确认", "方案/报价", "谈判", "赢单", "输单"], stages.Select(s => s.Str("nameZh")));
        Assert.Equal([10, 25, 50, 75, 100, 0], stages.Select(s => s.Number("defaultProbability")));
        var proposal = stages[2];
        var edit = new
        {
            stages = new object[]
            {
                new { id = proposal.Id(), code = "Proposal", nameZh = "方案报价", nameEn = "Quote", sortOrder = proposal.Number("sortOrder"), defaultProbability = 40, isActive = true, version = proposal.Number("version") },
                new { id = (Guid?)null, code = "Trial", nameZh = "样品试用", nameEn = "Trial", sortOrder = 35, defaultProbability = 60, isActive = true, version = (int?)null },
            },
        };

        using var forbidden = await rep.Put("/api/v1/opportunity-stages", edit);
        await forbidden.ProblemAsync(HttpStatusCode.Forbidden);
        var saved = (await director.PutJsonAsync("/api/v1/opportunity-stages", edit)).EnumerateArray().ToList();

        Assert.Equal(["Prospecting", "NeedsAnalysis", "Proposal", "Trial", "Negotiation", "Won", "Lost"], saved.Select(s => s.Str("code")));
        Assert.Equal(("方案报价", 40), (saved[2].Str("nameZh"), saved[2].Number("defaultProbability")));
        using var stale = await director.Put("/api/v1/opportunity-stages", edit);
        await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        var board = (await rep.GetJsonAsync("/api/v1/opportunities/board")).EnumerateArray().Select(c => c.Str("code"));
        Assert.Contains("Trial", board);
    }
}
