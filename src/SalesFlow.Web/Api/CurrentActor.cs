using System.Security.Claims;
using SalesFlow.Core.Common;
using SalesFlow.Core.Identity;

namespace SalesFlow.Web.Api;

/// <summary>The request's <see cref="Actor"/>, resolved once per request by <see cref="ActorMiddleware"/>.</summary>
public sealed class CurrentActor
{
    public Actor? Value { get; set; }
}

/// <summary>
/// After authentication: loads the actor from the database (fresh roles, unit and scope), rejects users
/// who were disabled or whose security stamp changed since the cookie was issued, and puts the fresh
/// roles on the principal so the permission policies see them.
/// </summary>
internal sealed class ActorMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, ActorResolver resolver, CurrentActor current)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated == true && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
        {
            var actor = await resolver.ResolveAsync(userId, user.FindFirstValue(SalesFlowClaims.SecurityStamp), context.RequestAborted);
            if (actor is null)
            {
                await AuthenticationSetup.RejectAsync(context);
                return;
            }

            current.Value = actor;
            context.User = SalesFlowClaims.Principal(actor, user.Identity.AuthenticationType, user.FindFirstValue(SalesFlowClaims.SecurityStamp), user.FindFirstValue(SalesFlowClaims.Culture));
        }

        await next(context);
    }
}

/// <summary>The claims SalesFlow puts in its cookie and principals.</summary>
public static class SalesFlowClaims
{
    public const string SecurityStamp = "salesflow:stamp";
    public const string Culture = "salesflow:culture";

    public static ClaimsPrincipal Principal(Actor actor, string? authenticationType, string? stamp, string? culture)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, actor.UserId.ToString()),
            new(ClaimTypes.Name, actor.UserName),
        };
        claims.AddRange(actor.Roles.Select(r => new Claim(ClaimTypes.Role, r)));
        if (stamp is not null)
        {
            claims.Add(new Claim(SecurityStamp, stamp));
        }

        if (culture is not null)
        {
            claims.Add(new Claim(Culture, culture));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType ?? "SalesFlow"));
    }

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
