using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using SalesFlow.Core.Common;

namespace SalesFlow.Web.Api;

/// <summary>The only place an <see cref="Error"/> becomes an HTTP status and a ProblemDetails body.</summary>
public static class ResultHttpExtensions
{
    public static int StatusFor(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.BusinessRule => StatusCodes.Status422UnprocessableEntity,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Conflict => StatusCodes.Status409Conflict,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.Unauthorized => StatusCodes.Status401Unauthorized,
        ErrorKind.TooManyRequests => StatusCodes.Status429TooManyRequests,
        ErrorKind.Unavailable => StatusCodes.Status503ServiceUnavailable,
    };

    public static ProblemHttpResult ToProblem(this Error error)
    {
        var culture = CultureInfo.CurrentUICulture;
        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        foreach (var (name, value) in error.Args)
        {
            extensions[name] = value;
        }

        if (error.Fields is { Count: > 0 })
        {
            extensions["errors"] = ErrorText.Fields(error, culture);
        }

        if (error.Current is not null)
        {
            extensions["current"] = error.Current;
        }

        return TypedResults.Problem(
            title: ErrorText.Title(error, culture),
            statusCode: StatusFor(error.Kind),
            type: "https://salesflow.example/problems/" + error.Code,
            extensions: extensions);
    }

    /// <summary>200 with the value, or the error's ProblemDetails.</summary>
    public static IResult ToOk<T>(this Result<T> result) =>
        result.IsSuccess ? TypedResults.Ok(result.Value) : result.Error!.ToProblem();

    /// <summary>204, or the error's ProblemDetails.</summary>
    public static IResult ToNoContent(this Result result) =>
        result.IsSuccess ? TypedResults.NoContent() : result.Error!.ToProblem();
}
