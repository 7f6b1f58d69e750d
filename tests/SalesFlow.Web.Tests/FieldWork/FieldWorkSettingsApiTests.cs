using System.Net;
using Microsoft.AspNetCore.Hosting;

namespace SalesFlow.Web.Tests.FieldWork;

/// <summary>The app with a class-A visit every 3 days and travel refused after a single fruitless visit.</summary>
public sealed class FieldWorkSettingsApp : SalesFlowApp
{
    protected override void ConfigureSettings(IWebHostBuilder builder)
    {
        builder.UseSetting("Visits:Frequency:A", "3");
        builder.UseSetting("Travel:VisitsWithoutBreakthrough", "1");
    }
}

public sealed class FieldWorkSettingsApiTests(FieldWorkSettingsApp app) : IClassFixture<FieldWorkSettingsApp>
{
    [Fact]
    public async Task Visit_frequencies_and_the_travel_threshold_come_from_configuration()
    {
        var rep = await app.ClientAsync("rep.huadong.4");
        var cadence = (await rep.GetJsonAsync("/api/v1/visits/cadence?pageSize=500")).Items();
        var customer = cadence.First(c => c.GetProperty("lastVisitOn").ValueKind == System.Text.Json.JsonValueKind.Null).Id("customerId");
        var visit = await rep.PostJsonAsync("/api/v1/visits", new { customerId = customer, adHoc = true }, HttpStatusCode.Created);
        await rep.PostJsonAsync($"/api/v1/visits/{visit.Id()}/check-in", new { });
        await rep.PostJsonAsync($"/api/v1/visits/{visit.Id()}/check-out", new { outcome = "无进展" });

        using var travel = await rep.Post("/api/v1/travel-requests", new
        {
            destination = "宁波",
            purpose = "再访",
            startDate = "2030-02-04",
            endDate = "2030-02-05",
            estimatedCost = 800,
            customerIds = new[] { customer },
        });

        Assert.All(cadence.Where(c => c.Str("class") == "A"), c => Assert.Equal(3, c.Number("frequencyDays")));
        Assert.All(cadence.Where(c => c.Str("class") == "B"), c => Assert.Equal(14, c.Number("frequencyDays")));
        var problem = await travel.ProblemAsync(HttpStatusCode.UnprocessableEntity, "travel.noBreakthrough");
        Assert.Equal((1, 1), (problem.Number("visits"), problem.Number("threshold")));
    }
}
