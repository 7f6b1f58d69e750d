using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Tests.Organization;

public class LeaveEmployeeTests
{
    [Fact]
    public async Task A_leaver_keeps_their_history_but_their_account_and_tokens_end()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var director = await org.ActorAsync(database, "director");
        var rep = org["rep.east1.a"];
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            db.ApiTokens.Add(ApiToken.Issue(org.Users["rep.east1.a"], database.Time.GetUtcNow().UtcDateTime, TimeSpan.FromHours(1)).Token);
            await db.SaveChangesAsync();
        }

        var result = await database.Get<LeaveEmployeeHandler>().HandleAsync(new LeaveEmployee(rep.Id, new DateOnly(2026, 3, 31), 0), director, CancellationToken.None);

        Assert.True(result.IsSuccess, result.Error?.Code);
        await using var check = await database.Factory.CreateDbContextAsync();
        var saved = await check.Employees.SingleAsync(e => e.Id == rep.Id);
        Assert.Equal((false, (DateOnly?)new DateOnly(2026, 3, 31)), (saved.IsActive, saved.LeftOn));
        Assert.True((await check.Users.SingleAsync(u => u.EmployeeId == rep.Id)).IsDisabled);
        Assert.False(await check.ApiTokens.AnyAsync(t => t.UserId == org.Users["rep.east1.a"]));
        Assert.Equal(new DateOnly(2026, 3, 31), (await check.EmployeeAssignments.SingleAsync(a => a.EmployeeId == rep.Id)).Until);
    }
}
