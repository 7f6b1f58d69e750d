namespace SalesFlow.Web.Tests.Auth;

public sealed class MeApiTests(SalesFlowApp app) : IClassFixture<SalesFlowApp>
{
    [Theory]
    [InlineData("director", "Director", "All", "HQ", "远航工业集团销售公司")]
    [InlineData("manager.huadong", "RegionalManager", "Region", "HD", "华东大区")]
    [InlineData("manager.huabei", "RegionalManager", "Region", "HB", "华北大区")]
    [InlineData("supervisor.huadong.1", "Supervisor", "Team", "HD-01", "上海团队")]
    [InlineData("rep.huadong.1", "SalesRep", "Own", "HD-01", "上海团队")]
    public async Task Me_tells_the_user_their_roles_data_scope_and_org_unit(string userName, string role, string scope, string unitCode, string unitName)
    {
        var unit = await app.UnitAsync(unitCode);

        var me = await app.MeAsync(userName);

        Assert.Equal(userName, me.Str("userName"));
        Assert.Equal([role], me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(scope, me.Str("dataScope"));
        Assert.Equal(unit.Id(), me.GetProperty("orgUnit").Id());
        Assert.Equal(unitName, me.GetProperty("orgUnit").Str("name"));
        Assert.NotEqual(Guid.Empty, me.Id("employeeId"));
    }

    [Fact]
    public async Task A_regional_manager_s_scope_is_rooted_at_their_region_and_only_the_director_may_manage_the_org()
    {
        var region = await app.UnitAsync("HD");

        var manager = await app.MeAsync("manager.huadong");
        var rep = await app.MeAsync("rep.huadong.1");
        var director = await app.MeAsync("director");

        Assert.Equal(region.Id(), manager.GetProperty("scopeRoot").Id());
        Assert.Equal(3, manager.Number("visibleUnitCount"));
        Assert.DoesNotContain("org.manage", manager.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.DoesNotContain("org.manage", rep.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
        Assert.Contains("org.manage", director.GetProperty("permissions").EnumerateArray().Select(p => p.GetString()));
    }
}
