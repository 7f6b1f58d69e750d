using System.Security.Cryptography;
using System.Text;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Identity;

/// <summary>
/// A bearer token for API clients. Only its SHA-256 hash is stored, so a database copy cannot be replayed;
/// every request looks the hash up, which is what lets "disable user" end the token at once on every instance.
/// </summary>
public sealed class ApiToken : IHasId
{
    private ApiToken()
    {
    }

    private ApiToken(Guid userId, string hash, DateTime createdAtUtc, DateTime expiresAtUtc)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        TokenHash = hash;
        CreatedAtUtc = createdAtUtc;
        ExpiresAtUtc = expiresAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime ExpiresAtUtc { get; private set; }

    public static (ApiToken Token, string Secret) Issue(Guid userId, DateTime nowUtc, TimeSpan lifetime)
    {
        var secret = "sf_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (new ApiToken(userId, Hash(secret), nowUtc, nowUtc + lifetime), secret);
    }

    public static string Hash(string secret) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}

/// <summary>Failed sign-ins per user name (existing or not, so throttling reveals nothing about who exists).</summary>
public sealed class LoginAttempt
{
    private LoginAttempt()
    {
    }

    public LoginAttempt(string key, DateTime nowUtc)
    {
        Key = key;
        WindowStartUtc = nowUtc;
    }

    public string Key { get; private set; } = "";

    public int Failures { get; private set; }

    public DateTime WindowStartUtc { get; private set; }

    public DateTime? BlockedUntilUtc { get; private set; }

    public bool IsBlocked(DateTime nowUtc) => BlockedUntilUtc > nowUtc;

    public void RecordFailure(DateTime nowUtc, LoginThrottleOptions options)
    {
        if (nowUtc - WindowStartUtc > options.Window)
        {
            WindowStartUtc = nowUtc;
            Failures = 0;
        }

        Failures++;
        if (Failures >= options.MaxFailures)
        {
            BlockedUntilUtc = nowUtc + options.BlockFor;
            Failures = 0;
            WindowStartUtc = nowUtc;
        }
    }
}

/// <summary>Configuration section <c>Security:LoginThrottle</c>.</summary>
public sealed class LoginThrottleOptions
{
    public int MaxFailures { get; set; } = 5;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan BlockFor { get; set; } = TimeSpan.FromMinutes(15);

    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(12);
}
