using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SalesFlow.Web.Tests.Organization;

public sealed class EmployeeApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Fact]
    public async Task Creating_an_employee_returns_201_with_Location_a_number_and_a_first_assignment()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var team = await app.UnitAsync("HB-02");
        var name = Employees.UniqueName();

        using var response = await director.Post("/api/v1/employees", Employees.Body(team.Id(), name));

        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal($"/api/v1/employees/{created.Id()}", response.Headers.Location?.OriginalString);
        Assert.Equal(name, created.Str("name"));
        Assert.Matches(@"^EMP-\d{6}$", created.Str("employeeNo"));
        Assert.Equal(team.Id(), created.Id("orgUnitId"));
        Assert.Equal("director", created.Str("createdBy"));
        var fetched = await director.GetJsonAsync(response.Headers.Location!.OriginalString);
        Assert.Equal(created.Str("employeeNo"), fetched.Str("employeeNo"));
        var assignments = await director.GetJsonAsync($"/api/v1/employees/{created.Id()}/assignments");
        var only = Assert.Single(assignments.EnumerateArray());
        Assert.Equal(team.Id(), only.Id("orgUnitId"));
        Assert.Equal(JsonValueKind.Null, only.GetProperty("until").ValueKind);
    }

    [Fact]
    public async Task Two_created_employees_get_different_numbers()
    {
        var first = await app.CreateAsync("HB-01");
        var second = await app.CreateAsync("HB-01");

        Assert.NotEqual(first.Str("employeeNo"), second.Str("employeeNo"));
    }

    [Fact]
    public async Task Replaying_a_create_with_the_same_Idempotency_Key_returns_the_first_answer_and_creates_one_row()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var team = await app.UnitAsync("HD-02");
        var name = Employees.UniqueName();
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(Employees.Body(team.Id(), name));
        var before = await app.EmployeeCountAsync();

        using var first = await director.Send(HttpMethod.Post, "/api/v1/employees", body, r => r.Headers.Add("Idempotency-Key", key));
        using var replay = await director.Send(HttpMethod.Post, "/api/v1/employees", body, r => r.Headers.Add("Idempotency-Key", key));

        var firstBody = await first.JsonAsync(HttpStatusCode.Created);
        var replayBody = await replay.JsonAsync(HttpStatusCode.Created);
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(firstBody.GetRawText()), JsonNode.Parse(replayBody.GetRawText())), $"{firstBody}\n!=\n{replayBody}");
        Assert.NotNull(first.Headers.Location);
        Assert.Equal(first.Headers.Location, replay.Headers.Location);
        Assert.Equal(1, await app.CountNamedAsync(name));
        Assert.Equal(before + 1, await app.EmployeeCountAsync());
    }

    [Fact]
    public async Task The_same_Idempotency_Key_with_a_different_body_gets_422_and_creates_nothing_more()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var team = await app.UnitAsync("HD-02");
        var name = Employees.UniqueName();
        var otherName = Employees.UniqueName();
        var key = Guid.NewGuid().ToString();
        using var first = await director.Send(HttpMethod.Post, "/api/v1/employees", JsonSerializer.Serialize(Employees.Body(team.Id(), name)), r => r.Headers.Add("Idempotency-Key", key));
        await first.JsonAsync(HttpStatusCode.Created);

        using var reused = await director.Send(HttpMethod.Post, "/api/v1/employees", JsonSerializer.Serialize(Employees.Body(team.Id(), otherName)), r => r.Headers.Add("Idempotency-Key", key));

        await reused.ProblemAsync(HttpStatusCode.UnprocessableEntity, "idempotency.keyReused");
        Assert.Equal(1, await app.CountNamedAsync(name));
        Assert.Equal(0, await app.CountNamedAsync(otherName));
    }

    [Fact]
    public async Task An_Idempotency_Key_is_per_user_and_a_failed_create_does_not_burn_it()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var team = await app.UnitAsync("HD-02");
        var name = Employees.UniqueName();
        var key = Guid.NewGuid().ToString();
        var invalid = JsonSerializer.Serialize(new { position = "SalesRep", orgUnitId = team.Id() });
        var valid = JsonSerializer.Serialize(Employees.Body(team.Id(), name));

        using var refused = await director.Send(HttpMethod.Post, "/api/v1/employees", invalid, r => r.Headers.Add("Idempotency-Key", key));
        using var retried = await director.Send(HttpMethod.Post, "/api/v1/employees", valid, r => r.Headers.Add("Idempotency-Key", key));

        await refused.ProblemAsync(HttpStatusCode.BadRequest);
        await retried.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(1, await app.CountNamedAsync(name));
    }

    [Fact]
    public async Task Editing_an_employee_returns_the_new_version_and_refuses_changing_the_unit_by_put()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var created = await app.CreateAsync("HD-01");
        var otherTeam = await app.UnitAsync("HD-02");
        var edited = JsonNode.Parse(created.GetRawText())!.AsObject();
        edited["name"] = "改过的名字";

        var updated = await director.PutJsonAsync($"/api/v1/employees/{created.Id()}", edited);
        edited["version"] = updated.Number("version");
        edited["orgUnitId"] = otherTeam.Id();
        using var moveByPut = await director.Put($"/api/v1/employees/{created.Id()}", edited);

        Assert.Equal("改过的名字", updated.Str("name"));
        Assert.Equal(created.Number("version") + 1, updated.Number("version"));
        var problem = await moveByPut.ProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(["orgUnitId"], problem.ErrorFields());
        Assert.Equal(created.Id("orgUnitId"), (await director.GetJsonAsync($"/api/v1/employees/{created.Id()}")).Id("orgUnitId"));
    }

    [Fact]
    public async Task An_employee_who_leaves_loses_their_sign_in_keeps_their_history_and_can_be_rehired()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var id = await app.EmployeeIdAsync("rep.huabei.4");
        using var rep = app.WithToken(await app.NewTokenAsync("rep.huabei.4"));
        var employee = await app.EmployeeAsync(id);
        var lastDay = employee.Str("hireDate");

        var left = await director.PostJsonAsync($"/api/v1/employees/{id}/leave", new { lastDay, version = employee.Number("version") });
        using var afterLeaving = await rep.Get("/api/v1/me");
        using var staleRehire = await director.Post($"/api/v1/employees/{id}/rehire", new { version = employee.Number("version") });
        var rehired = await director.PostJsonAsync($"/api/v1/employees/{id}/rehire", new { version = left.Number("version") });

        Assert.False(left.GetProperty("isActive").GetBoolean());
        Assert.Equal(lastDay, left.Str("leftOn"));
        await afterLeaving.ProblemAsync(HttpStatusCode.Unauthorized);
        await staleRehire.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.True(rehired.GetProperty("isActive").GetBoolean());
        var history = (await director.GetJsonAsync($"/api/v1/employees/{id}/assignments")).EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        Assert.Single(history, a => a.GetProperty("until").ValueKind == JsonValueKind.Null);
        Assert.Contains(history, a => a.GetProperty("until").ValueKind != JsonValueKind.Null && a.Str("until") == lastDay);
    }
}
