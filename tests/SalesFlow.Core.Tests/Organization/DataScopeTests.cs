using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Tests.Organization;

public class DataScopeTests
{
    private static readonly string[] EastRegion =
        ["manager.east", "supervisor.east1", "rep.east1.a", "rep.east1.b", "supervisor.east2", "rep.east2.a", "rep.east2.b"];

    private static async Task<HashSet<string>> VisibleNamesAsync(TestDatabase database, Actor actor)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return (await db.Employees.VisibleTo(actor).Select(e => e.Name).ToListAsync()).ToHashSet();
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Each_role_sees_exactly_its_part_of_the_tree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);

        var director = await org.ActorAsync(database, "director");
        var eastManager = await org.ActorAsync(database, "manager.east");
        var supervisor = await org.ActorAsync(database, "supervisor.east1");
        var rep = await org.ActorAsync(database, "rep.east1.a");

        Assert.Equal(DataScope.All, director.Scope);
        Assert.Equal(org.People.Keys.ToHashSet(), await VisibleNamesAsync(database, director));

        Assert.Equal(DataScope.Region, eastManager.Scope);
        Assert.Equal(org.East.Id, eastManager.ScopeRootUnitId);
        Assert.Equal(
            EastRegion.Order(StringComparer.Ordinal),
            (await VisibleNamesAsync(database, eastManager)).Order(StringComparer.Ordinal));

        Assert.Equal(DataScope.Team, supervisor.Scope);
        Assert.Equal(["rep.east1.a", "rep.east1.b", "supervisor.east1"], (await VisibleNamesAsync(database, supervisor)).Order(StringComparer.Ordinal));

        Assert.Equal(DataScope.Own, rep.Scope);
        Assert.Equal(["rep.east1.a"], await VisibleNamesAsync(database, rep));
    }

    [Fact]
    public async Task A_regional_scope_reaches_from_a_team_up_to_its_region()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        await using (var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "supervisor.north1");
            var managerRole = await db.Roles.SingleAsync(r => r.Name == Roles.RegionalManager);
            db.UserRoles.Add(new() { UserId = user.Id, RoleId = managerRole.Id });
            await db.SaveChangesAsync();
        }

        var actor = await org.ActorAsync(database, "supervisor.north1");

        Assert.Equal(DataScope.Region, actor.Scope);
        Assert.Equal(org.North.Id, actor.ScopeRootUnitId);
        Assert.Contains("rep.north2.a", await VisibleNamesAsync(database, actor));
        Assert.DoesNotContain("rep.east1.a", await VisibleNamesAsync(database, actor));
    }

    [Fact]
    public async Task A_disabled_user_or_a_changed_security_stamp_resolves_to_nobody()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var resolver = database.Get<SalesFlow.Core.Identity.ActorResolver>();
        await using (var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None))
        {
            var user = await db.Users.SingleAsync(u => u.UserName == "rep.east1.a");
            user.Disable(Guid.Empty);
            await db.SaveChangesAsync();
        }

        Assert.Null(await resolver.ResolveAsync(org.Users["rep.east1.a"], null, CancellationToken.None));
        Assert.Null(await resolver.ResolveAsync(org.Users["rep.east1.b"], "not-the-stamp", CancellationToken.None));
        Assert.NotNull(await resolver.ResolveAsync(org.Users["rep.east1.b"], null, CancellationToken.None));
    }
}
