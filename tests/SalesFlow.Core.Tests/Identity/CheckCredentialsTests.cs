using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Identity;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Identity;

public class CheckCredentialsTests
{
    private const string Password = "Correct#Horse1";

    private static async Task<(TestDatabase Database, TestOrg Org)> SetUpAsync()
    {
        var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var hasher = database.Get<IPasswordHasher<AppUser>>();
        await using var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None);
        var user = await db.Users.SingleAsync(u => u.UserName == "rep.east1.a");
        user.PasswordHash = hasher.HashPassword(user, Password);
        await db.SaveChangesAsync();
        return (database, org);
    }

    [Fact]
    public async Task The_right_password_signs_in_and_a_wrong_one_does_not_say_whether_the_user_exists()
    {
        var (database, org) = await SetUpAsync();
        await using var _ = database;
        var handler = database.Get<CheckCredentialsHandler>();

        var ok = await handler.HandleAsync(new CheckCredentials("REP.EAST1.A", Password), CancellationToken.None);
        var wrong = await handler.HandleAsync(new CheckCredentials("rep.east1.a", "nope"), CancellationToken.None);
        var nobody = await handler.HandleAsync(new CheckCredentials("nobody", "nope"), CancellationToken.None);

        Assert.Equal(org.Users["rep.east1.a"], ok.Value);
        Assert.Equal(wrong.Error, nobody.Error);
        Assert.Equal(ErrorKind.Unauthorized, wrong.Error!.Kind);
    }

    [Fact]
    public async Task After_five_failures_even_the_right_password_is_throttled_until_the_block_ends()
    {
        var (database, _) = await SetUpAsync();
        await using var _ = database;
        var handler = database.Get<CheckCredentialsHandler>();
        for (var i = 0; i < 5; i++)
        {
            await handler.HandleAsync(new CheckCredentials("rep.east1.a", "wrong" + i), CancellationToken.None);
        }

        var blocked = await handler.HandleAsync(new CheckCredentials("rep.east1.a", Password), CancellationToken.None);
        database.Time.Advance(TimeSpan.FromMinutes(16));
        var later = await handler.HandleAsync(new CheckCredentials("rep.east1.a", Password), CancellationToken.None);

        Assert.Equal(ErrorKind.TooManyRequests, blocked.Error?.Kind);
        Assert.True(later.IsSuccess);
    }

    [Fact]
    public async Task Unknown_names_are_throttled_like_real_ones()
    {
        var (database, _) = await SetUpAsync();
        await using var _ = database;
        var handler = database.Get<CheckCredentialsHandler>();
        for (var i = 0; i < 5; i++)
        {
            await handler.HandleAsync(new CheckCredentials("ghost", "x"), CancellationToken.None);
        }

        Assert.Equal(ErrorKind.TooManyRequests, (await handler.HandleAsync(new CheckCredentials("ghost", "x"), CancellationToken.None)).Error?.Kind);
    }

    [Fact]
    public async Task A_disabled_user_cannot_sign_in_with_the_right_password()
    {
        var (database, _) = await SetUpAsync();
        await using var _ = database;
        await using (var db = await database.Factory.OpenAsync(Actor.System, CancellationToken.None))
        {
            (await db.Users.SingleAsync(u => u.UserName == "rep.east1.a")).Disable(Guid.Empty);
            await db.SaveChangesAsync();
        }

        var result = await database.Get<CheckCredentialsHandler>().HandleAsync(new CheckCredentials("rep.east1.a", Password), CancellationToken.None);

        Assert.Equal(ErrorKind.Unauthorized, result.Error?.Kind);
    }
}
