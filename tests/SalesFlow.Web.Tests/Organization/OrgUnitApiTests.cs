using System.Net;
using System.Text.Json;

namespace SalesFlow.Web.Tests.Organization;

// Some tests re-hang parts of the demo tree; each works on units no other test here touches.
public sealed class OrgUnitApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Fact]
    public async Task Moving_an_employee_to_another_team_closes_the_old_assignment_and_opens_a_new_one()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var oldTeam = await app.UnitAsync("HN-01");
        var newTeam = await app.UnitAsync("HN-02");
        var newSupervisor = await app.EmployeeIdAsync("supervisor.huanan.2");
        var employee = await app.EmployeeAsync(await app.EmployeeIdAsync("rep.huanan.1"));

        var moved = await director.PostJsonAsync($"/api/v1/employees/{employee.Id()}/move", new
        {
            orgUnitId = newTeam.Id(),
            managerId = newSupervisor,
            position = "SalesRep",
            version = employee.Number("version"),
        });

        Assert.Equal(newTeam.Id(), moved.Id("orgUnitId"));
        Assert.Equal(newSupervisor, moved.Id("managerId"));
        var history = (await director.GetJsonAsync($"/api/v1/employees/{employee.Id()}/assignments")).EnumerateArray().ToList();
        Assert.Equal(2, history.Count);
        var current = Assert.Single(history, a => a.GetProperty("until").ValueKind == JsonValueKind.Null);
        var closed = Assert.Single(history, a => a.GetProperty("until").ValueKind != JsonValueKind.Null);
        Assert.Equal(newTeam.Id(), current.Id("orgUnitId"));
        Assert.Equal(oldTeam.Id(), closed.Id("orgUnitId"));
        Assert.Equal(employee.Id("managerId"), closed.Id("managerId"));
        Assert.Equal(current.Str("from"), closed.Str("until"));
        Assert.Equal(employee.Str("hireDate"), closed.Str("from"));
    }

    [Fact]
    public async Task A_move_with_a_stale_version_gets_409_and_moves_nothing()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var newTeam = await app.UnitAsync("HN-01");
        var employee = await app.EmployeeAsync(await app.EmployeeIdAsync("rep.huanan.6"));

        using var response = await director.Post($"/api/v1/employees/{employee.Id()}/move", new
        {
            orgUnitId = newTeam.Id(),
            position = "SalesRep",
            version = employee.Number("version") - 1,
        });

        await response.ProblemAsync(HttpStatusCode.Conflict, "common.staleVersion");
        Assert.Single((await director.GetJsonAsync($"/api/v1/employees/{employee.Id()}/assignments")).EnumerateArray());
    }

    [Fact]
    public async Task Moving_a_team_to_another_region_moves_its_people_into_the_new_manager_s_scope_and_is_kept_as_history()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var team = await app.UnitAsync("XB-02");
        var oldRegion = await app.UnitAsync("XB");
        var newRegion = await app.UnitAsync("DB");
        var oldManager = await app.ClientAsync("manager.xibei");
        var newManager = await app.ClientAsync("manager.dongbei");
        var member = await app.EmployeeIdAsync("rep.xibei.6");
        var supervisorToken = await app.NewTokenAsync("supervisor.xibei.2");
        using var supervisor = app.WithToken(supervisorToken);
        Assert.Equal(member, (await oldManager.GetJsonAsync($"/api/v1/employees/{member}")).Id());
        using var before = await newManager.Get($"/api/v1/employees/{member}");
        await before.ProblemAsync(HttpStatusCode.NotFound);

        var moved = await director.PostJsonAsync($"/api/v1/org-units/{team.Id()}/move", new { newParentId = newRegion.Id(), version = team.Number("version") });

        Assert.Equal(newRegion.Id(), moved.Id("parentId"));
        Assert.Equal(member, (await newManager.GetJsonAsync($"/api/v1/employees/{member}")).Id());
        using var after = await oldManager.Get($"/api/v1/employees/{member}");
        await after.ProblemAsync(HttpStatusCode.NotFound);
        var newRegionList = await newManager.GetJsonAsync("/api/v1/employees?pageSize=500");
        Assert.Contains(newRegionList.Items(), e => e.Id() == member);
        var oldRegionList = await oldManager.GetJsonAsync("/api/v1/employees?pageSize=500");
        Assert.DoesNotContain(oldRegionList.Items(), e => e.Id("orgUnitId") == team.Id());
        Assert.Equal(member, (await supervisor.GetJsonAsync($"/api/v1/employees/{member}")).Id());
        var moves = (await director.GetJsonAsync($"/api/v1/org-units/{team.Id()}/moves")).EnumerateArray().ToList();
        var move = Assert.Single(moves);
        Assert.Equal(oldRegion.Id(), move.Id("fromParentId"));
        Assert.Equal(newRegion.Id(), move.Id("toParentId"));
        Assert.Equal("director", move.Str("movedBy"));
        Assert.Equal(newRegion.Id(), (await app.MeAsync("manager.dongbei")).GetProperty("scopeRoot").Id());
    }

    [Fact]
    public async Task Moving_a_region_carries_its_whole_subtree_along()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var region = await app.UnitAsync("XN");
        var otherRegion = await app.UnitAsync("HB");
        var deepMember = await app.EmployeeIdAsync("rep.xinan.1");
        var huabei = await app.ClientAsync("manager.huabei");

        var moved = await director.PostJsonAsync($"/api/v1/org-units/{region.Id()}/move", new { newParentId = otherRegion.Id(), version = region.Number("version") });

        Assert.Equal(region.Number("depth") + 1, moved.Number("depth"));
        var team = await app.UnitAsync("XN-01");
        Assert.Equal(region.Number("depth") + 2, team.Number("depth"));
        Assert.Equal(deepMember, (await huabei.GetJsonAsync($"/api/v1/employees/{deepMember}")).Id());
        var underOtherRegion = await director.GetJsonAsync($"/api/v1/employees?orgUnitId={otherRegion.Id()}&pageSize=500");
        Assert.Contains(underOtherRegion.Items(), e => e.Id() == deepMember);
    }

    [Fact]
    public async Task A_unit_can_be_created_once_per_Idempotency_Key_renamed_deleted_when_empty_and_restored()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var region = await app.UnitAsync("HD");
        var key = Guid.NewGuid().ToString();
        var body = JsonSerializer.Serialize(new { parentId = region.Id(), code = "HD-09", name = "苏州团队", nameEn = "Suzhou Team", kind = "Team" });

        using var create = await director.Send(HttpMethod.Post, "/api/v1/org-units", body, r => r.Headers.Add("Idempotency-Key", key));
        using var replay = await director.Send(HttpMethod.Post, "/api/v1/org-units", body, r => r.Headers.Add("Idempotency-Key", key));
        var created = await create.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(created.Id(), (await replay.JsonAsync(HttpStatusCode.Created)).Id());
        Assert.Equal($"/api/v1/org-units/{created.Id()}", create.Headers.Location?.OriginalString);
        Assert.Equal(region.Id(), created.Id("parentId"));
        Assert.Equal(region.Number("depth") + 1, created.Number("depth"));
        Assert.Single((await director.GetJsonAsync("/api/v1/org-units")).EnumerateArray(), u => u.Str("code") == "HD-09");

        var renamed = await director.PutJsonAsync($"/api/v1/org-units/{created.Id()}", new { code = "HD-09", name = "苏州一队", version = created.Number("version") });
        using var delete = await director.Delete($"/api/v1/org-units/{created.Id()}");
        var listed = await director.GetJsonAsync("/api/v1/org-units");
        var withDeleted = await director.GetJsonAsync("/api/v1/org-units?includeDeleted=true");
        using var restore = await director.Post($"/api/v1/org-units/{created.Id()}/restore", null);

        Assert.Equal("苏州一队", renamed.Str("name"));
        Assert.Equal(created.Number("version") + 1, renamed.Number("version"));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.DoesNotContain(listed.EnumerateArray(), u => u.Id() == created.Id());
        Assert.Contains(withDeleted.EnumerateArray(), u => u.Id() == created.Id() && u.GetProperty("isDeleted").GetBoolean());
        Assert.Equal(HttpStatusCode.NoContent, restore.StatusCode);
        Assert.False((await director.GetJsonAsync($"/api/v1/org-units/{created.Id()}")).GetProperty("isDeleted").GetBoolean());
    }

    [Fact]
    public async Task A_second_unit_with_a_code_in_use_gets_422_org_codeTaken()
    {
        var director = await app.ClientAsync(DemoCompany.Director);
        var region = await app.UnitAsync("HB");

        using var response = await director.Post("/api/v1/org-units", new { parentId = region.Id(), code = "HB-01", name = "重复编码团队", kind = "Team" });

        await response.ProblemAsync(HttpStatusCode.UnprocessableEntity, "org.codeTaken");
        Assert.Single((await director.GetJsonAsync("/api/v1/org-units")).EnumerateArray(), u => u.Str("code") == "HB-01");
    }
}
