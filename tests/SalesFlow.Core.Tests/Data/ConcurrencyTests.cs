using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Data;

public class ConcurrencyTests
{
    [Fact]
    public async Task An_edit_based_on_an_old_version_is_refused_with_the_current_record()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        var rep = org["rep.east1.a"];
        var handler = database.Get<UpdateEmployeeHandler>();
        await handler.HandleAsync(new UpdateEmployee(rep.Id, "第一次", null, null, null, rep.HireDate, null, 0), director, CancellationToken.None);

        var stale = await handler.HandleAsync(new UpdateEmployee(rep.Id, "第二次", null, null, null, rep.HireDate, null, 0), director, CancellationToken.None);

        Assert.Equal((ErrorKind.Conflict, "common.staleVersion"), (stale.Error?.Kind, stale.Error?.Code));
        Assert.Equal("第一次", Assert.IsType<EmployeeDetails>(stale.Error!.Current).Name);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Of_two_writers_that_read_the_same_version_only_the_first_is_saved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var id = org["rep.east1.a"].Id;
        await using var first = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        await using var second = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        var a = await first.Employees.SingleAsync(e => e.Id == id);
        var b = await second.Employees.SingleAsync(e => e.Id == id);
        a.UpdateDetails("甲", null, null, null, a.HireDate, null);
        b.UpdateDetails("乙", null, null, null, b.HireDate, null);

        var firstResult = await first.SaveOrConflictAsync("Employee", CancellationToken.None);
        var secondResult = await second.SaveOrConflictAsync("Employee", CancellationToken.None);

        Assert.Null(firstResult);
        Assert.Equal("common.concurrentEdit", secondResult?.Code);
        await using var check = await database.Factory.CreateDbContextAsync();
        var saved = await check.Employees.SingleAsync(e => e.Id == id);
        Assert.Equal(("甲", 1), (saved.Name, saved.Version));
        Assert.Equal(1, await check.AuditEntries.CountAsync(e => e.EntityId == id.ToString() && e.Field == "Name"));
    }
}
