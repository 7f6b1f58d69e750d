using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Identity;

public sealed record UserRow(Guid Id, string UserName, string DisplayName, Guid? EmployeeId, Guid? DealerId, IReadOnlyList<string> Roles, bool IsDisabled, string Culture);

public sealed record UserFilter(string? Q = null, bool? Disabled = null);

public sealed record SetUserDisabled(Guid UserId, bool Disabled);

public sealed record SetCulture([property: Required, StringLength(10)] string Culture);

/// <summary>Administration of sign-in accounts: list, disable (ends every session and token), enable.</summary>
public sealed class UserAdministration(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<AppUser> Sorts = new(
        "userName",
        SortOption<AppUser>.By("userName", u => u.UserName!),
        SortOption<AppUser>.By("displayName", u => u.DisplayName));

    public async Task<Result<Page<UserRow>>> ListAsync(Actor actor, UserFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(UserPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(u => u.UserName!.Contains(q) || u.DisplayName.Contains(q));
        }

        if (filter.Disabled is { } disabled)
        {
            query = query.Where(u => u.IsDisabled == disabled);
        }

        return await Sorts.PageAsync(query, page, u => new UserRow(
            u.Id, u.UserName!, u.DisplayName, u.EmployeeId, u.DealerId,
            db.UserRoles.Where(r => r.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToList(),
            u.IsDisabled, u.Culture), ct);
    }

    public async Task<Result> SetDisabledAsync(SetUserDisabled request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(UserPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == request.UserId, ct);
        if (user is null)
        {
            return Error.NotFound("User", request.UserId);
        }

        var changed = request.Disabled ? user.Disable(actor.UserId) : user.Enable();
        if (!changed.IsSuccess)
        {
            return changed;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (request.Disabled)
        {
            await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return Result.Ok();
    }

    /// <summary>The caller's own language (zh-CN or en), used by the UI and by error messages.</summary>
    public async Task<Result> SetCultureAsync(SetCulture request, Actor actor, CancellationToken ct)
    {
        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        var culture = AppUser.SupportedCultures.FirstOrDefault(c => string.Equals(c, request.Culture, StringComparison.OrdinalIgnoreCase));
        if (culture is null)
        {
            return Error.Invalid("culture", "oneOf", ("allowed", string.Join(", ", AppUser.SupportedCultures)));
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == actor.UserId, ct);
        if (user is null)
        {
            return Error.NotFound("User", actor.UserId);
        }

        user.Culture = culture;
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }
}
