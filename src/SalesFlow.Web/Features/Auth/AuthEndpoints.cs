using SalesFlow.Core.Common;
using SalesFlow.Core.Identity;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Auth;

public sealed record TokenRequest(string? UserName, string? Password);

public sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt, string TokenType = "Bearer");

internal static class AuthEndpoints
{
    public static RouteGroupBuilder MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/auth").WithTags("Auth");
        group.MapPost("/token", IssueToken).AllowAnonymous().WithName("IssueToken");
        group.MapDelete("/token", RevokeToken).RequireAuthorization().WithName("RevokeToken");
        return group;
    }

    private static async Task<IResult> IssueToken(TokenRequest request, IssueTokenHandler handler, CompanyClock clock, HttpContext http, CancellationToken ct)
    {
        var result = await handler.HandleAsync(new CheckCredentials(request.UserName, request.Password), ct);
        if (!result.IsSuccess)
        {
            if (result.Error!.Args.TryGetValue("retryAfterUtc", out var until) && until is DateTime untilUtc)
            {
                http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling((untilUtc - clock.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            return result.Error.ToProblem();
        }

        return TypedResults.Ok(new TokenResponse(result.Value!.AccessToken, clock.ToCompanyOffset(result.Value.ExpiresAtUtc)));
    }

    private static async Task<IResult> RevokeToken(HttpRequest request, IssueTokenHandler handler, CancellationToken ct)
    {
        if (ApiTokenAuthenticationHandler.BearerToken(request) is { } token)
        {
            await handler.RevokeAsync(token, ct);
        }

        return TypedResults.NoContent();
    }
}
