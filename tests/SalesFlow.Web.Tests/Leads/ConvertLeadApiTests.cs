using System.Net;

namespace SalesFlow.Web.Tests.Leads;

public sealed class ConvertLeadApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static int _mobile;

    private static object Lead(string name, string company) => new
    {
        name,
        company,
        mobile = "136" + Interlocked.Increment(ref _mobile).ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
        email = (string?)null,
        source = "Exhibition",
        region = "华东",
        needs = "询价",
    };

    [Fact]
    public async Task Converting_answers_exactly_the_three_ids_of_api_md_and_the_lead_points_at_them()
    {
        var rep = await app.ClientAsync("rep.huadong.2");
        var lead = await rep.PostJsonAsync("/api/v1/leads", Lead("林峰", "上海转化测试机电有限公司"), HttpStatusCode.Created);

        var converted = await rep.PostJsonAsync($"/api/v1/leads/{lead.Id()}/convert", new { opportunityName = "空压机更新项目", amount = 120000 });

        Assert.Equal(["contactId", "customerId", "opportunityId"], converted.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var customer = await rep.GetJsonAsync($"/api/v1/customers/{converted.Id("customerId")}");
        var opportunity = await rep.GetJsonAsync($"/api/v1/opportunities/{converted.Id("opportunityId")}");
        var after = await rep.GetJsonAsync($"/api/v1/leads/{lead.Id()}");
        Assert.Equal(("上海转化测试机电有限公司", await app.EmployeeIdAsync("rep.huadong.2")), (customer.Str("name"), customer.Id("ownerId")));
        Assert.Equal(converted.Id("contactId"), customer.GetProperty("contacts")[0].Id());
        Assert.Equal(("空压机更新项目", 120000m, "初步接触", lead.Id()), (opportunity.Str("name"), opportunity.GetProperty("amount").GetDecimal(), opportunity.Str("stageNameZh"), opportunity.Id("sourceLeadId")));
        Assert.Equal("Converted", after.Str("status"));
        Assert.Equal(
            (converted.Id("customerId"), converted.Id("contactId"), converted.Id("opportunityId")),
            (after.Id("convertedCustomerId"), after.Id("convertedContactId"), after.Id("convertedOpportunityId")));

        using var again = await rep.Post($"/api/v1/leads/{lead.Id()}/convert", new { opportunityName = "再次", amount = 1 });
        await again.ProblemAsync(HttpStatusCode.UnprocessableEntity, "lead.notConvertible");
    }

    [Fact]
    public async Task Conversion_onto_an_existing_customer_out_of_scope_leads_and_bad_input_save_nothing()
    {
        var rep = await app.ClientAsync("rep.huadong.3");
        var mine = (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0];
        var lead = await rep.PostJsonAsync("/api/v1/leads", Lead("郭静", "杭州转化测试贸易有限公司"), HttpStatusCode.Created);
        var other = await app.ClientAsync("rep.huabei.1");
        var theirCustomer = (await other.GetJsonAsync("/api/v1/customers?pageSize=1")).Items()[0];

        using var outOfScope = await other.Post($"/api/v1/leads/{lead.Id()}/convert", new { opportunityName = "x", amount = 1 });
        await outOfScope.ProblemAsync(HttpStatusCode.NotFound);
        using var foreignCustomer = await rep.Post($"/api/v1/leads/{lead.Id()}/convert", new { opportunityName = "x", amount = 1, customerId = theirCustomer.Id() });
        await foreignCustomer.ProblemAsync(HttpStatusCode.NotFound);
        using var noName = await rep.Post($"/api/v1/leads/{lead.Id()}/convert", new { amount = 1 });
        Assert.Contains("opportunityName", (await noName.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal("New", (await rep.GetJsonAsync($"/api/v1/leads/{lead.Id()}")).Str("status"));
        var before = (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Number("totalCount");

        var converted = await rep.PostJsonAsync($"/api/v1/leads/{lead.Id()}/convert", new { opportunityName = "续购项目", amount = 5000, customerId = mine.Id() });

        Assert.Equal(mine.Id(), converted.Id("customerId"));
        Assert.Equal(before, (await rep.GetJsonAsync("/api/v1/customers?pageSize=1")).Number("totalCount"));
        var forCustomer = await rep.GetJsonAsync($"/api/v1/opportunities?customerId={mine.Id()}");
        Assert.Contains(converted.Id("opportunityId"), forCustomer.Items().Select(i => i.Id()));
    }
}
