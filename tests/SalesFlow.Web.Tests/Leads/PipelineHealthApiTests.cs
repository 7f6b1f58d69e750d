using System.Net;

namespace SalesFlow.Web.Tests.Leads;

public sealed class PipelineHealthApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Fact]
    public async Task A_regional_manager_sees_each_rep_of_the_region_with_open_prospects_that_match_the_lead_list()
    {
        var manager = await app.ClientAsync("manager.huadong");

        // The demo's leads were all captured within the last 60 days, 16 per rep.
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
        var report = await manager.GetJsonAsync($"/api/v1/reports/pipeline-health?from={today.AddDays(-61):yyyy-MM-dd}&to={today:yyyy-MM-dd}");

        var reps = report.GetProperty("reps").EnumerateArray().ToList();
        Assert.Equal(10, reps.Count);
        Assert.Equal((60, 80), (report.Number("minProspects"), report.Number("maxProspects")));
        foreach (var rep in reps.Take(3))
        {
            var open = 0;
            foreach (var status in new[] { "New", "Contacted", "Qualified" })
            {
                open += (await manager.GetJsonAsync($"/api/v1/leads?ownerId={rep.Id("employeeId")}&status={status}&pageSize=1")).Number("totalCount");
            }

            Assert.Equal(open, rep.Number("openProspects"));
            Assert.Equal("Below", rep.Str("band"));
            Assert.Equal(16, rep.Number("newNames"));
            Assert.True(rep.GetProperty("newNamesRuleMet").GetBoolean());
        }
    }

    [Fact]
    public async Task A_rep_sees_only_their_own_line_and_a_reversed_period_is_refused()
    {
        var rep = await app.ClientAsync("rep.huanan.2");

        var report = await rep.GetJsonAsync("/api/v1/reports/pipeline-health");
        using var reversed = await rep.Get("/api/v1/reports/pipeline-health?from=2026-05-01&to=2026-04-01");

        var only = Assert.Single(report.GetProperty("reps").EnumerateArray());
        Assert.Equal(await app.EmployeeIdAsync("rep.huanan.2"), only.Id("employeeId"));
        Assert.Contains("to", (await reversed.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
