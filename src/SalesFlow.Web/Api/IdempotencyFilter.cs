using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Api;

/// <summary>
/// <c>Idempotency-Key</c> on a create: the first successful answer is stored and replayed for the same key
/// and body; the same key with another body is refused (422); a repeat while the first still runs gets 409.
/// The body is compared as the endpoint bound it, so whitespace or key order do not matter.
/// </summary>
internal static class IdempotencyFilter
{
    public const string Header = "Idempotency-Key";

    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var key = http.Request.Headers[Header].ToString();
            if (string.IsNullOrEmpty(key))
            {
                return await next(context);
            }

            if (key.Length > 200)
            {
                return Error.Invalid(Header, "stringLength", ("min", 1), ("max", 200)).ToProblem();
            }

            var actor = http.RequestServices.GetRequiredService<CurrentActor>().Value!;
            var store = http.RequestServices.GetRequiredService<IdempotencyStore>();
            var json = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            var hash = Hash(http.Request.Method + " " + http.Request.Path, context.Arguments, json);

            var claim = await store.ClaimAsync(actor.UserId, key, hash, http.RequestAborted);
            switch (claim.Outcome)
            {
                case IdempotencyOutcome.Mismatch:
                    return Error.Rule("idempotency.keyReused", "This Idempotency-Key was already used with a different request.").ToProblem();
                case IdempotencyOutcome.InProgress:
                    return Error.Conflict("idempotency.inProgress", "A request with this Idempotency-Key is still being processed.").ToProblem();
                case IdempotencyOutcome.Replay:
                    var record = claim.Record!;
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    if (record.Location is not null)
                    {
                        http.Response.Headers.Location = record.Location;
                    }

                    return Results.Text(record.Body ?? "", record.ContentType ?? "application/json", statusCode: record.StatusCode);
                case IdempotencyOutcome.Claimed:
                    break;
            }

            object? result;
            try
            {
                result = await next(context);
            }
            catch
            {
                await store.ReleaseAsync(actor.UserId, key, CancellationToken.None);
                throw;
            }

            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
            {
                var value = result is IValueHttpResult valued ? valued.Value : null;
                var body = value is null ? "" : JsonSerializer.Serialize(value, value.GetType(), json);
                var location = (result as IResult) is { } typed ? LocationOf(typed) : null;
                await store.CompleteAsync(actor.UserId, key, success.StatusCode!.Value, "application/json; charset=utf-8", location, body, CancellationToken.None);
            }
            else
            {
                await store.ReleaseAsync(actor.UserId, key, CancellationToken.None);
            }

            return result;
        });

    private static string? LocationOf(IResult result) =>
        result.GetType().GetProperty("Location")?.GetValue(result) as string;

    private static string Hash(string route, IList<object?> arguments, JsonSerializerOptions json)
    {
        var bodies = arguments
            .Where(a => a is not null && a is not HttpContext && a is not CancellationToken && a.GetType().Namespace?.StartsWith("SalesFlow", StringComparison.Ordinal) == true && a is not Actor)
            .Select(a => JsonSerializer.Serialize(a, a!.GetType(), json));
        var text = route + "\n" + string.Join("\n", bodies);
        return Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
