using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesFlow.Web.Tests.Organization;

namespace SalesFlow.Web.Tests.Api;

/// <summary>Every error status of API.md, each as RFC 9457 ProblemDetails with a stable code.</summary>
public sealed class ProblemDetailsApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Fact]
    public async Task Malformed_json_gets_400_and_saves_nothing()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var unit = await app.UnitAsync("HD-01");
        var before = await app.EmployeeCountAsync();
        var name = Employees.UniqueName();

        using var response = await director.Send(HttpMethod.Post, "/api/v1/employees", $$"""{ "name": "{{name}}", "position": "SalesRep", "orgUnitId": "{{unit.Id()}}" """);

        await response.ProblemAsync(HttpStatusCode.BadRequest, "common.malformedBody");
        Assert.Equal(before, await app.EmployeeCountAsync());
        Assert.Equal(0, await app.CountNamedAsync(name));
    }

    [Fact]
    public async Task An_unknown_field_gets_400_naming_the_field_and_saves_nothing()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var unit = await app.UnitAsync("HD-01");
        var before = await app.EmployeeCountAsync();
        var name = Employees.UniqueName();

        using var response = await director.Post("/api/v1/employees", new { name, position = "SalesRep", orgUnitId = unit.Id(), salary = 30000 });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["salary"], problem.ErrorFields());
        Assert.Equal(before, await app.EmployeeCountAsync());
        Assert.Equal(0, await app.CountNamedAsync(name));
    }

    [Theory]
    [InlineData("orgUnitId", "\"not-a-guid\"")]
    [InlineData("position", "\"Astronaut\"")]
    [InlineData("hireDate", "20240301")]
    [InlineData("name", "{ \"first\": \"张\" }")]
    public async Task A_value_of_the_wrong_type_gets_400_naming_the_field_and_saves_nothing(string field, string value)
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var unit = await app.UnitAsync("HD-01");
        var before = await app.EmployeeCountAsync();
        var body = new JsonObject { ["name"] = Employees.UniqueName(), ["position"] = "SalesRep", ["orgUnitId"] = unit.Id(), ["hireDate"] = "2024-03-01" };
        body[field] = JsonNode.Parse(value);

        using var response = await director.Send(HttpMethod.Post, "/api/v1/employees", body.ToJsonString());

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([field], problem.ErrorFields());
        Assert.Equal(before, await app.EmployeeCountAsync());
    }

    [Fact]
    public async Task A_missing_required_field_gets_400_naming_the_field_and_saves_nothing()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var unit = await app.UnitAsync("HD-01");
        var before = await app.EmployeeCountAsync();

        using var response = await director.Post("/api/v1/employees", new { position = "SalesRep", orgUnitId = unit.Id() });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "common.validation");
        Assert.Equal(["name"], problem.ErrorFields());
        Assert.Equal(before, await app.EmployeeCountAsync());
    }

    [Fact]
    public async Task An_over_long_string_gets_400_naming_the_field_and_saves_nothing()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var unit = await app.UnitAsync("HD-01");
        var before = await app.EmployeeCountAsync();
        var name = new string('长', 51);

        using var response = await director.Post("/api/v1/employees", new { name, position = "SalesRep", orgUnitId = unit.Id() });

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest, "common.validation");
        Assert.Equal(["name"], problem.ErrorFields());
        Assert.Equal(before, await app.EmployeeCountAsync());
        Assert.Equal(0, await app.CountNamedAsync(name));
    }

    [Fact]
    public async Task A_query_value_that_does_not_parse_gets_400_naming_the_parameter()
    {
        var director = await app.ClientAsync(DemoCompany.Director);

        using var response = await director.Get("/api/v1/employees?active=maybe");

        var problem = await response.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["active"], problem.ErrorFields());
    }

    [Theory]
    [InlineData("GET", "/api/v1/employees")]
    [InlineData("GET", "/api/v1/me")]
    [InlineData("POST", "/api/v1/org-units")]
    [InlineData("GET", "/api/v1/users")]
    [InlineData("GET", "/api/v1/audit?entity=Employee&id=00000000-0000-0000-0000-000000000001")]
    public async Task An_anonymous_api_call_gets_401_problem_details_never_a_redirect_to_the_login_page(string method, string url)
    {
        using var anonymous = app.Anonymous();

        using var response = await anonymous.Send(new HttpMethod(method), url, method == "POST" ? "{}" : null, r => r.Headers.Accept.ParseAdd("text/html"));

        await response.ProblemAsync(HttpStatusCode.Unauthorized, "common.unauthorized");
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task A_made_up_bearer_token_gets_401()
    {
        using var client = app.WithToken("sf_this-token-was-never-issued");

        using var response = await client.Get("/api/v1/me");

        await response.ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_rep_gets_403_on_director_only_endpoints_and_nothing_is_created()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var company = await app.UnitAsync("HQ");
        var team = await app.UnitAsync("HD-01");
        var name = Employees.UniqueName();

        using var createUnit = await rep.Post("/api/v1/org-units", new { parentId = company.Id(), code = "REP-X", name = "代表自建单元", kind = "Team" });
        using var createEmployee = await rep.Post("/api/v1/employees", Employees.Body(team.Id(), name));
        using var listUsers = await rep.Get("/api/v1/users");

        await createUnit.ProblemAsync(HttpStatusCode.Forbidden, "common.forbidden");
        await createEmployee.ProblemAsync(HttpStatusCode.Forbidden, "common.forbidden");
        await listUsers.ProblemAsync(HttpStatusCode.Forbidden, "common.forbidden");
        var director = await app.ClientAsync(DemoCompany.Director);
        var units = await director.GetJsonAsync("/api/v1/org-units");
        Assert.DoesNotContain(units.EnumerateArray(), u => u.Str("code") == "REP-X");
        Assert.Equal(0, await app.CountNamedAsync(name));
    }

    [Fact]
    public async Task A_regional_manager_gets_403_when_disabling_a_user()
    {
        var manager = await app.ClientAsync("manager.huadong");
        var repUserId = await app.UserIdAsync("rep.huadong.2");

        using var response = await manager.Post($"/api/v1/users/{repUserId}/disable", null);

        await response.ProblemAsync(HttpStatusCode.Forbidden);
        await app.NewTokenAsync("rep.huadong.2");
    }

    [Theory]
    [InlineData("manager.huabei", "rep.huadong.3")]
    [InlineData("manager.huabei", "manager.huadong")]
    [InlineData("rep.huadong.1", "rep.huadong.2")]
    [InlineData("rep.huabei.1", "rep.huadong.1")]
    [InlineData("supervisor.huadong.1", "rep.huadong.6")]
    public async Task A_record_outside_the_caller_s_scope_is_a_404_indistinguishable_from_a_missing_one(string caller, string owner)
    {
        var client = await app.ClientAsync(caller);
        var hidden = await app.EmployeeIdAsync(owner);
        var missing = Guid.NewGuid();

        using var outOfScope = await client.Get($"/api/v1/employees/{hidden}");
        using var random = await client.Get($"/api/v1/employees/{missing}");
        using var outOfScopeHistory = await client.Get($"/api/v1/employees/{hidden}/assignments");

        var a = await outOfScope.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        var b = await random.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        await outOfScopeHistory.ProblemAsync(HttpStatusCode.NotFound, "common.notFound");
        Assert.Equal(Normalized(b, missing), Normalized(a, hidden));
        Assert.Equal(random.Headers.Select(h => h.Key).Order(), outOfScope.Headers.Select(h => h.Key).Order());
    }

    [Fact]
    public async Task A_manager_and_a_rep_can_read_records_inside_their_scope()
    {
        var rep = await app.ClientAsync("rep.huadong.1");
        var manager = await app.ClientAsync("manager.huadong");
        var self = await app.EmployeeIdAsync("rep.huadong.1");
        var teamMate = await app.EmployeeIdAsync("rep.huadong.7");

        Assert.Equal(self, (await rep.GetJsonAsync($"/api/v1/employees/{self}")).Id());
        Assert.Equal(teamMate, (await manager.GetJsonAsync($"/api/v1/employees/{teamMate}")).Id());
    }

    [Fact]
    public async Task A_put_with_a_stale_version_gets_409_carrying_the_current_record()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var created = await app.CreateAsync("HD-01");
        var id = created.Id();
        var version = created.Number("version");
        var updated = await director.PutJsonAsync($"/api/v1/employees/{id}", Edited(created, "第一次修改", version));

        using var stale = await director.Put($"/api/v1/employees/{id}", Edited(created, "第二次修改", version));

        var problem = await stale.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        var current = problem.GetProperty("current");
        Assert.Equal(id, current.Id());
        Assert.Equal("第一次修改", current.Str("name"));
        Assert.Equal(updated.Number("version"), current.Number("version"));
        Assert.True(updated.Number("version") > version);
        Assert.Equal("第一次修改", (await director.GetJsonAsync($"/api/v1/employees/{id}")).Str("name"));
    }

    [Fact]
    public async Task If_Match_carries_the_version_and_a_stale_one_gets_409()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var created = await app.CreateAsync("HD-02");
        var id = created.Id();
        var version = created.Number("version");
        var body = JsonSerializer.Serialize(new { name = "按版本修改", hireDate = "2024-03-01" });

        using var first = await director.Send(HttpMethod.Put, $"/api/v1/employees/{id}", body, r => r.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\""));
        using var second = await director.Send(HttpMethod.Put, $"/api/v1/employees/{id}", body, r => r.Headers.TryAddWithoutValidation("If-Match", $"\"{version}\""));

        Assert.Equal("按版本修改", (await first.JsonAsync()).Str("name"));
        var problem = await second.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.Equal(version + 1, problem.GetProperty("current").Number("version"));
    }

    [Fact]
    public async Task Deleting_a_unit_that_still_has_employees_gets_422_org_unitNotEmpty_and_keeps_the_unit()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var team = await app.UnitAsync("HN-01");

        using var response = await director.Delete($"/api/v1/org-units/{team.Id()}");

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "org.unitNotEmpty");
        var after = await director.GetJsonAsync($"/api/v1/org-units/{team.Id()}");
        Assert.False(after.GetProperty("isDeleted").GetBoolean());
    }

    [Fact]
    public async Task Moving_a_unit_under_its_own_child_gets_422_org_moveIntoOwnSubtree_and_changes_nothing()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var region = await app.UnitAsync("XN");
        var child = await app.UnitAsync("XN-01");

        using var response = await director.Post($"/api/v1/org-units/{region.Id()}/move", new { newParentId = child.Id(), version = region.Number("version") });

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "org.moveIntoOwnSubtree");
        var after = await director.GetJsonAsync($"/api/v1/org-units/{region.Id()}");
        Assert.Equal(region.Id("parentId"), after.Id("parentId"));
        Assert.Equal(region.Number("version"), after.Number("version"));
        Assert.Empty((await director.GetJsonAsync($"/api/v1/org-units/{region.Id()}/moves")).EnumerateArray());
    }

    [Theory]
    [InlineData("GET", "/api/v1/no-such-thing")]
    [InlineData("POST", "/api/v1/employees/not-a-guid/move")]
    [InlineData("DELETE", "/api/v2/employees")]
    public async Task An_unknown_api_route_gets_404_problem_details(string method, string url)
    {
        var director = await app.ClientAsync(DemoCompany.Director);

        using var response = await director.Send(new HttpMethod(method), url, method == "GET" ? null : "{}");

        await response.ProblemAsync(HttpStatusCode.NotFound, "common.routeNotFound");
    }

    [Theory]
    [InlineData(null, "该单元下仍有下级单元或在职员工，请先移走后再删除。")]
    [InlineData("zh-CN", "该单元下仍有下级单元或在职员工，请先移走后再删除。")]
    [InlineData("en", "A unit with active sub-units or employees cannot be deleted; move them first.")]
    [InlineData("en-US,en;q=0.9", "A unit with active sub-units or employees cannot be deleted; move them first.")]
    public async Task Error_titles_are_in_the_caller_s_language(string? acceptLanguage, string title)
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var team = await app.UnitAsync("HN-02");

        using var response = await director.Send(HttpMethod.Delete, $"/api/v1/org-units/{team.Id()}", configure: r =>
        {
            if (acceptLanguage is not null)
            {
                r.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
            }
        });

        var problem = await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "org.unitNotEmpty");
        Assert.Equal(title, problem.Str("title"));
    }

    [Theory]
    [InlineData("zh-CN", "请先登录。", "“name”为必填项。")]
    [InlineData("en", "Sign in first.", "name is required.")]
    public async Task Unauthorized_and_field_errors_are_in_the_caller_s_language_too(string acceptLanguage, string unauthorizedTitle, string nameRequired)
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var unit = await app.UnitAsync("HD-01");
        using var anonymous = app.Anonymous();

        using var unauthorized = await anonymous.Send(HttpMethod.Get, "/api/v1/me", configure: r => r.Headers.AcceptLanguage.ParseAdd(acceptLanguage));
        using var invalid = await director.Send(
            HttpMethod.Post, "/api/v1/employees", JsonSerializer.Serialize(new { position = "SalesRep", orgUnitId = unit.Id() }), r => r.Headers.AcceptLanguage.ParseAdd(acceptLanguage));

        Assert.Equal(unauthorizedTitle, (await unauthorized.ProblemAsync(HttpStatusCode.Unauthorized)).Str("title"));
        var problem = await invalid.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal([nameRequired], problem.GetProperty("errors").GetProperty("name").EnumerateArray().Select(m => m.GetString()));
    }

    private static object Edited(JsonElement employee, string name, int version) => new
    {
        name,
        nameEn = (string?)null,
        mobile = employee.Str("mobile"),
        email = (string?)null,
        hireDate = employee.Str("hireDate"),
        secondaryOrgUnitId = (Guid?)null,
        version,
    };

    private static string Normalized(JsonElement problem, Guid id)
    {
        var node = JsonNode.Parse(problem.GetRawText())!.AsObject();
        node.Remove("traceId");
        return node.ToJsonString().Replace(id.ToString(), "{id}", StringComparison.OrdinalIgnoreCase);
    }
}
