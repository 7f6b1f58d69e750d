using System.Net;

namespace SalesFlow.Web.Tests.Leads;

public sealed class LeadApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    private static int _mobile;

    private static string NewMobile() => "137" + Interlocked.Increment(ref _mobile).ToString("D8", System.Globalization.CultureInfo.InvariantCulture);

    private static object Lead(string name, string? company = null, string? mobile = null, string source = "Exhibition", string? region = "华东") =>
        new { name, company = company ?? $"{name}测试有限公司", mobile = mobile ?? NewMobile(), email = (string?)null, source, region, needs = "询价" };

    [Fact]
    public async Task A_rep_captures_a_lead_they_own_and_moves_it_through_its_statuses()
    {
        var rep = await app.ClientAsync("rep.huadong.1");

        using var response = await rep.Post("/api/v1/leads", Lead("王强"));
        var lead = await response.JsonAsync(HttpStatusCode.Created);
        var contacted = await rep.PostJsonAsync($"/api/v1/leads/{lead.Id()}/contact", new { });
        var qualified = await rep.PostJsonAsync($"/api/v1/leads/{lead.Id()}/qualify", new { });
        using var again = await rep.Post($"/api/v1/leads/{lead.Id()}/contact", new { });

        Assert.Equal(("New", await app.EmployeeIdAsync("rep.huadong.1")), (lead.Str("status"), lead.Id("ownerId")));
        Assert.Equal($"/api/v1/leads/{lead.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal("Contacted", contacted.Str("status"));
        Assert.Equal("Qualified", qualified.Str("status"));
        await again.ProblemAsync(HttpStatusCode.Conflict, "lead.wrongStatus");
    }

    [Fact]
    public async Task A_lead_with_a_known_mobile_or_company_is_refused_as_a_duplicate_naming_the_record()
    {
        var rep = await app.ClientAsync("rep.huadong.2");
        var mobile = NewMobile();
        var first = await rep.PostJsonAsync("/api/v1/leads", Lead("赵敏", mobile: mobile), HttpStatusCode.Created);
        var customers = await rep.GetJsonAsync("/api/v1/customers?pageSize=1");
        var customer = customers.Items()[0];

        using var sameMobile = await rep.Post("/api/v1/leads", Lead("赵敏二", mobile: mobile));
        using var sameCompany = await rep.Post("/api/v1/leads", Lead("钱七", company: customer.Str("name")));

        var byMobile = await sameMobile.ProblemAsync(HttpStatusCode.UnprocessableEntity, "lead.duplicate");
        Assert.Equal(first.Id(), byMobile.Id("duplicateOf"));
        var byCompany = await sameCompany.ProblemAsync(HttpStatusCode.UnprocessableEntity, "lead.duplicate");
        Assert.Equal(customer.Id(), byCompany.Id("duplicateOf"));
    }

    [Fact]
    public async Task Leads_captured_by_operations_rotate_among_the_reps_of_the_region()
    {
        var ops = await app.ClientAsync("ops");
        var first = await ops.PostJsonAsync("/api/v1/leads", Lead("孙一", region: "华北"), HttpStatusCode.Created);
        var second = await ops.PostJsonAsync("/api/v1/leads", Lead("孙二", region: "HB"), HttpStatusCode.Created);
        var huabeiManager = await app.ClientAsync("manager.huabei");
        var huabeiReps = (await huabeiManager.GetJsonAsync("/api/v1/employees?position=SalesRep&pageSize=500")).Items().Select(e => e.Id()).ToHashSet();

        Assert.NotEqual(first.Id("ownerId"), second.Id("ownerId"));
        Assert.Contains(first.Id("ownerId"), huabeiReps);
        Assert.Contains(second.Id("ownerId"), huabeiReps);
        Assert.Equal("华北大区", first.Str("regionName"));
    }

    [Fact]
    public async Task A_lead_of_another_region_is_not_found_and_bad_input_names_the_field()
    {
        var rep = await app.ClientAsync("rep.huadong.3");
        var lead = await rep.PostJsonAsync("/api/v1/leads", Lead("周八"), HttpStatusCode.Created);
        var other = await app.ClientAsync("rep.huabei.1");

        using var read = await other.Get($"/api/v1/leads/{lead.Id()}");
        using var step = await other.Post($"/api/v1/leads/{lead.Id()}/qualify", new { });
        using var noSource = await rep.Post("/api/v1/leads", new { name = "吴九", mobile = NewMobile() });
        using var noReason = await rep.Post($"/api/v1/leads/{lead.Id()}/disqualify", new { reason = "" });
        using var badRegion = await rep.Post("/api/v1/leads", Lead("郑十", region: "火星"));

        await read.ProblemAsync(HttpStatusCode.NotFound);
        await step.ProblemAsync(HttpStatusCode.NotFound);
        Assert.Contains("source", (await noSource.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("reason", (await noReason.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Contains("region", (await badRegion.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
