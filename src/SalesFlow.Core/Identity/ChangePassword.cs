using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Identity;

public sealed record ChangePassword(
    [property: Required, StringLength(256)] string CurrentPassword,
    [property: Required, StringLength(256, MinimumLength = 8)] string NewPassword);

/// <summary>Changes the caller's own password. Other sessions and tokens of the user end with it.</summary>
public sealed class ChangePasswordHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, UserManager<AppUser> users)
{
    public async Task<Result> HandleAsync(ChangePassword request, Actor actor, CancellationToken ct)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var user = await users.FindByIdAsync(actor.UserId.ToString());
        if (user is null || user.IsDisabled)
        {
            return Error.NotFound("User", actor.UserId);
        }

        if (!await users.CheckPasswordAsync(user, request.CurrentPassword))
        {
            return new Error(ErrorKind.Validation, "common.validation", "The current password is wrong.")
            {
                Fields = [new FieldError("currentPassword", "wrongPassword")],
            };
        }

        var changed = await users.ChangePasswordAsync(user, request.CurrentPassword, request.NewPassword);
        if (!changed.Succeeded)
        {
            var first = changed.Errors.First();
            return IdentityErrors.PasswordRule(first.Code, first.Description);
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        return Result.Ok();
    }
}
