using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Identity;

public sealed record CheckCredentials(string? UserName, string? Password);

/// <summary>
/// The one password check behind the login page and the token endpoint. Failures are counted per user
/// name in the database (so every instance sees them); after too many, further tries get 429 for a while.
/// The answer never tells whether the user exists.
/// </summary>
public sealed class CheckCredentialsHandler(
    IDbContextFactory<SalesFlowDbContext> dbFactory, IPasswordHasher<AppUser> hasher, TimeProvider time, LoginThrottleOptions options)
{
    public async Task<Result<Guid>> HandleAsync(CheckCredentials request, CancellationToken ct)
    {
        var userName = request.UserName?.Trim() ?? "";
        if (userName.Length == 0 || userName.Length > 256 || string.IsNullOrEmpty(request.Password) || request.Password.Length > 256)
        {
            return IdentityErrors.InvalidCredentials;
        }

        var key = userName.ToUpperInvariant();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var attempt = await db.LoginAttempts.SingleOrDefaultAsync(a => a.Key == key, ct);
        if (attempt is not null && attempt.IsBlocked(now))
        {
            return IdentityErrors.Throttled(attempt.BlockedUntilUtc!.Value);
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedUserName == key, ct);
        var verified = user is { IsDisabled: false, PasswordHash: not null }
            && hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password) != PasswordVerificationResult.Failed;
        if (verified)
        {
            if (attempt is not null)
            {
                db.LoginAttempts.Remove(attempt);
                await db.SaveChangesAsync(ct);
            }

            return user!.Id;
        }

        if (attempt is null)
        {
            attempt = new LoginAttempt(key, now);
            db.LoginAttempts.Add(attempt);
        }

        attempt.RecordFailure(now, options);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A concurrent failure for the same name created the row first; one lost count is harmless.
        }

        return IdentityErrors.InvalidCredentials;
    }
}
