using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Identity;

public sealed record IssuedToken(string AccessToken, DateTime ExpiresAtUtc);

public sealed class IssueTokenHandler(
    IDbContextFactory<SalesFlowDbContext> dbFactory, CheckCredentialsHandler credentials, TimeProvider time, LoginThrottleOptions options)
{
    public async Task<Result<IssuedToken>> HandleAsync(CheckCredentials request, CancellationToken ct)
    {
        var checkedUser = await credentials.HandleAsync(request, ct);
        if (!checkedUser.IsSuccess)
        {
            return checkedUser.Error!;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var (token, secret) = ApiToken.Issue(checkedUser.Value, now, options.TokenLifetime);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        db.ApiTokens.Add(token);
        await db.ApiTokens.Where(t => t.UserId == checkedUser.Value && t.ExpiresAtUtc < now).ExecuteDeleteAsync(ct);
        await db.SaveChangesAsync(ct);
        return new IssuedToken(secret, token.ExpiresAtUtc);
    }

    /// <summary>The user a live token belongs to, or null for an unknown, expired or disabled user's token.</summary>
    public async Task<Guid?> ValidateAsync(string secret, CancellationToken ct)
    {
        var hash = ApiToken.Hash(secret);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.ApiTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.ExpiresAtUtc > now)
            .Join(db.Users.Where(u => !u.IsDisabled), t => t.UserId, u => u.Id, (t, _) => (Guid?)t.UserId)
            .SingleOrDefaultAsync(ct);
    }

    public async Task RevokeAsync(string secret, CancellationToken ct)
    {
        var hash = ApiToken.Hash(secret);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.ApiTokens.Where(t => t.TokenHash == hash).ExecuteDeleteAsync(ct);
    }
}
