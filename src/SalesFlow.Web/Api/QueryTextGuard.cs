using SalesFlow.Core.Common;

namespace SalesFlow.Web.Api;

/// <summary>
/// Refuses an API request whose query string carries a control character (a NUL above all, which PostgreSQL cannot
/// compare with text) with a 400 that names the parameter, before any filter or search reaches the database.
/// Bodies are checked by each use case (<see cref="RequestValidation"/>).
/// </summary>
internal static class QueryTextGuard
{
    public static IApplicationBuilder UseQueryTextGuard(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (AuthenticationSetup.IsApi(context.Request))
            {
                foreach (var (name, values) in context.Request.Query)
                {
                    if (values.Any(v => v is not null && RequestValidation.HasControlCharacter(v)))
                    {
                        await Error.Invalid(System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name), "invalidCharacter").ToProblem().ExecuteAsync(context);
                        return;
                    }
                }
            }

            await next(context);
        });
}
