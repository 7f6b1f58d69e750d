using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Web.Api;

/// <summary>
/// Unreadable request bodies and query values become 400 ProblemDetails naming the field; a database that is
/// briefly out of reach becomes 503 with Retry-After (<see cref="DatabaseFaults"/>); anything else is a bug and
/// becomes a 500 ProblemDetails without internals. Never a stack trace.
/// </summary>
internal sealed class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!httpContext.Request.Path.StartsWithSegments("/api"))
        {
            return false;
        }

        Error error;
        if (exception is BadHttpRequestException bad)
        {
            error = Describe(bad);
        }
        else if (DatabaseFaults.IsUnavailable(exception))
        {
            logger.LogWarning(exception, "Database unavailable for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            httpContext.Response.Headers.RetryAfter = DatabaseFaults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            await ProblemWithoutDetailsAsync(httpContext, StatusCodes.Status503ServiceUnavailable, "common.unavailable", "The database is briefly unavailable; retry shortly.");
            return true;
        }
        else
        {
            logger.LogError(exception, "Unhandled exception for {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
            await ProblemWithoutDetailsAsync(httpContext, StatusCodes.Status500InternalServerError, "common.internal", "Something went wrong on our side.");
            return true;
        }

        await error.ToProblem().ExecuteAsync(httpContext);
        return true;
    }

    // The title in the user's language and a trace id to quote; the exception itself stays in the log.
    private static Task ProblemWithoutDetailsAsync(HttpContext httpContext, int status, string code, string fallback) =>
        TypedResults.Problem(
            ErrorText.Title(new Error(ErrorKind.Validation, code, fallback), CultureInfo.CurrentUICulture),
            statusCode: status,
            type: "https://salesflow.example/problems/" + code,
            extensions: new Dictionary<string, object?> { ["code"] = code, ["traceId"] = httpContext.TraceIdentifier })
            .ExecuteAsync(httpContext);

    private static Error Describe(BadHttpRequestException bad)
    {
        var json = bad.InnerException as JsonException ?? FindJson(bad);
        if (json is not null)
        {
            var field = string.IsNullOrEmpty(json.Path) || json.Path == "$" ? "$" : json.Path.TrimStart('$', '.');
            var rule = json.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknownField"
                : json.Message.Contains("could not be converted", StringComparison.Ordinal) ? "wrongType"
                : "malformed";
            if (rule == "unknownField" && UnknownMember(json.Message) is { } member && !field.EndsWith(member, StringComparison.Ordinal))
            {
                field = field == "$" || field.Length == 0 ? member : field + "." + member;
            }

            return new Error(ErrorKind.Validation, "common.malformedBody", "The request body could not be read.")
            {
                Fields = [new FieldError(field, rule)],
            };
        }

        // Query and route values that do not parse, e.g. ?active=maybe or an unknown enum name.
        var parameter = ParameterName(bad.Message);
        return new Error(ErrorKind.Validation, "common.validation", bad.Message)
        {
            Fields = [new FieldError(parameter ?? "request", "wrongType")],
        };
    }

    private static JsonException? FindJson(Exception exception)
    {
        for (var e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
            {
                return json;
            }
        }

        return null;
    }

    private static string? UnknownMember(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('\'', start + 1);
        return end > start ? message[(start + 1)..end] : null;
    }

    private static string? ParameterName(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end <= start)
        {
            return null;
        }

        // "Failed to bind parameter "bool? Active" from "maybe"." → active ([AsParameters] names it by its property)
        var text = message[(start + 1)..end];
        return JsonNamingPolicy.CamelCase.ConvertName(text.Split(' ').Last());
    }
}
