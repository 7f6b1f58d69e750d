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
/// The body is compared as the endpoint bound it, so whitespace or key order do not matter. The create's transaction
/// marks the key committed (<see cref="IdempotentCreate"/>), so a retry after an answer lost in a crash or a dropped
/// connection replays the record it made instead of making a second one.
/// </summary>
internal static class IdempotencyFilter
{
    public const string Header = "Idempotency-Key";

    /// <param name="builder">The create endpoint.</param>
    /// <param name="locationPrefix">
    /// Where the created record lives, when that is not under the path the POST went to (a staff member added at
    /// <c>/dealers/{id}/staff</c> lives at <c>/dealer-staff/{id}</c>).
    /// </param>
    public static RouteHandlerBuilder WithIdempotency(this RouteHandlerBuilder builder, string? locationPrefix = null) =>
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
                    return Replayed(http, claim.Record!.StatusCode!.Value, claim.Record.Location, claim.Record.ContentType, claim.Record.Body);
                case IdempotencyOutcome.Committed:
                    return await ReplayCommittedAsync(http, store, claim.Record!);
            }

            var create = IdempotentCreate.Begin(actor.UserId, key, claim.Record!.ClaimId, locationPrefix ?? http.Request.Path.Value!);
            object? result;
            try
            {
                result = await next(context);
            }
            catch
            {
                create.Close();
                await store.ReleaseAsync(actor.UserId, key, create.ClaimId, CancellationToken.None);
                throw;
            }

            create.Close();
            if (result is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 } success)
            {
                var value = result is IValueHttpResult valued ? valued.Value : null;
                var body = value is null ? "" : JsonSerializer.Serialize(value, value.GetType(), json);
                var location = (result as IResult) is { } typed ? LocationOf(typed) : null;
                if (create.MarkedLocation is { } marked && location is not null && marked != location)
                {
                    // A wrong mark would replay a lost answer from the wrong place: loud where code is tested, logged in production.
                    var message = $"The create at {http.Request.Path} marked its idempotency key with {marked} but answered {location}; give WithIdempotency its location.";
                    if (http.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment())
                    {
                        throw new InvalidOperationException(message);
                    }

                    http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(IdempotencyFilter)).LogError("{Message}", message);
                }

                await store.CompleteAsync(actor.UserId, key, create.ClaimId, success.StatusCode!.Value, "application/json; charset=utf-8", location, body, CancellationToken.None);
            }
            else
            {
                await store.ReleaseAsync(actor.UserId, key, create.ClaimId, CancellationToken.None);
            }

            return result;
        });

    // The create committed but its answer was lost with the request that made it: answer with the record as it is now,
    // and keep that as the key's answer.
    private static async Task<IResult> ReplayCommittedAsync(HttpContext http, IdempotencyStore store, IdempotencyRecord record)
    {
        var current = await InProcessGet.SendAsync(http, record.Location!);
        if (current.StatusCode == StatusCodes.Status200OK)
        {
            await store.CompleteAsync(record.UserId, record.Key, record.ClaimId, StatusCodes.Status201Created, current.ContentType, record.Location, current.Body, CancellationToken.None);
            return Replayed(http, StatusCodes.Status201Created, record.Location, current.ContentType, current.Body);
        }

        // Created, but no longer readable (deleted since, or outside the caller's view): the location still says what was made.
        return Replayed(http, StatusCodes.Status201Created, record.Location, null, "");
    }

    private static IResult Replayed(HttpContext http, int statusCode, string? location, string? contentType, string? body)
    {
        http.Response.Headers["Idempotent-Replayed"] = "true";
        if (location is not null)
        {
            http.Response.Headers.Location = location;
        }

        return Results.Text(body ?? "", contentType ?? "application/json", statusCode: statusCode);
    }

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
