using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using SalesFlow.Core.Common;
using SalesFlow.Core.Identity;
using SalesFlow.Web.Api;

namespace SalesFlow.Web;

/// <summary>
/// The <see cref="Actor"/> of the signed-in user inside a Blazor circuit. Pages ask it before every call into
/// the core; it re-reads the database at most every few seconds, so role and unit changes arrive quickly.
/// </summary>
public sealed class UiActor(AuthenticationStateProvider auth, ActorResolver resolver, TimeProvider time)
{
    private static readonly TimeSpan Freshness = TimeSpan.FromSeconds(10);
    private Actor? _actor;
    private DateTimeOffset _loadedAt;

    public async Task<Actor?> GetAsync(CancellationToken ct = default)
    {
        if (_actor is not null && time.GetUtcNow() - _loadedAt < Freshness)
        {
            return _actor;
        }

        var user = (await auth.GetAuthenticationStateAsync()).User;
        if (user.UserId() is not { } userId)
        {
            return null;
        }

        _actor = await resolver.ResolveAsync(userId, user.FindFirst(SalesFlowClaims.SecurityStamp)?.Value, ct);
        _loadedAt = time.GetUtcNow();
        return _actor;
    }

    /// <summary>For pages behind [Authorize]: the actor, or an exception when the session ended meanwhile.</summary>
    public async Task<Actor> RequireAsync(CancellationToken ct = default) =>
        await GetAsync(ct) ?? throw new InvalidOperationException("The session has ended.");
}

/// <summary>Ends a live circuit within a minute once its user is disabled or their password changes.</summary>
internal sealed class RevalidatingActorStateProvider(ILoggerFactory loggerFactory, IServiceScopeFactory scopes)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var user = authenticationState.User;
        if (user.UserId() is not { } userId)
        {
            return false;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var resolver = scope.ServiceProvider.GetRequiredService<ActorResolver>();
            return await resolver.ResolveAsync(userId, user.FindFirst(SalesFlowClaims.SecurityStamp)?.Value, cancellationToken) is not null;
        }
        catch (ObjectDisposedException)
        {
            return false; // the app is shutting down with the circuit still open: nothing left to revalidate against
        }
    }
}
