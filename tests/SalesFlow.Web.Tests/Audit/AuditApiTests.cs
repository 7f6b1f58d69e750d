using System.Net;
using System.Text.Json.Nodes;
using SalesFlow.Web.Tests.Organization;

namespace SalesFlow.Web.Tests.Audit;

public sealed class AuditApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Fact]
    public async Task A_changed_name_shows_in_the_audit_trail_as_old_to_new_with_who_changed_it()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var created = await app.CreateAsync("HD-01", "审计前");
        var edited = JsonNode.Parse(created.GetRawText())!.AsObject();
        edited["name"] = "审计后";
        await director.PutJsonAsync($"/api/v1/employees/{created.Id()}", edited);

        var trail = await director.GetJsonAsync($"/api/v1/audit?entity=Employee&id={created.Id()}");

        var entries = trail.Items();
        var rename = Assert.Single(entries, e => e.Str("action") == "Updated");
        Assert.Equal("Name", rename.Str("field"));
        Assert.Equal("审计前", rename.Str("oldValue"));
        Assert.Equal("审计后", rename.Str("newValue"));
        Assert.Equal("director", rename.Str("userName"));
        Assert.Equal(created.Id().ToString(), rename.Str("entityId"));
        Assert.Contains(entries, e => e.Str("action") == "Created" && e.Str("userName") == "director");
        Assert.Equal(entries.Count, trail.Number("totalCount"));
    }

    [Fact]
    public async Task An_unchanged_put_adds_no_audit_line()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var created = await app.CreateAsync("HD-02");

        await director.PutJsonAsync($"/api/v1/employees/{created.Id()}", JsonNode.Parse(created.GetRawText())!);

        var trail = await director.GetJsonAsync($"/api/v1/audit?entity=Employee&id={created.Id()}");
        Assert.DoesNotContain(trail.Items(), e => e.Str("action") == "Updated");
    }

    [Fact]
    public async Task A_manager_reads_the_audit_of_an_employee_in_their_region()
    {
        var manager = await app.ClientAsync("manager.huadong");
        var created = await app.CreateAsync("HD-02");

        var trail = await manager.GetJsonAsync($"/api/v1/audit?entity=Employee&id={created.Id()}");

        Assert.Contains(trail.Items(), e => e.Str("action") == "Created");
    }

    [Theory]
    [InlineData("rep.huadong.1")]
    [InlineData("manager.huabei")]
    public async Task The_audit_of_an_employee_outside_the_caller_s_scope_is_a_404(string caller)
    {
        var client = await app.ClientAsync(caller);
        var created = await app.CreateAsync("HD-01");

        using var outOfScope = await client.Get($"/api/v1/audit?entity=Employee&id={created.Id()}");
        using var missing = await client.Get($"/api/v1/audit?entity=Employee&id={Guid.NewGuid()}");

        await outOfScope.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        await missing.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
    }

    [Fact]
    public async Task Only_someone_who_sees_everything_may_read_the_whole_trail()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var manager = await app.ClientAsync("manager.huadong");

        var all = await director.GetJsonAsync("/api/v1/audit?entity=Employee&pageSize=5");
        using var refused = await manager.Get("/api/v1/audit?entity=Employee");

        Assert.All(all.Items(), e => Assert.Equal("Employee", e.Str("entityType")));
        Assert.Contains("id", (await refused.ProblemAsync(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
