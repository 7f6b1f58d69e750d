using SalesFlow.Core.Common;
using SalesFlow.Core.Identity;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Auth;

internal static class MeEndpoints
{
    public static RouteGroupBuilder MapMeEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/me").WithTags("Me").RequireAuthorization();
        group.MapGet("/", async (Actor actor, MeQueries queries, CancellationToken ct) => (await queries.GetAsync(actor, ct)).ToOk())
            .WithName("GetMe");
        group.MapPut("/culture", async (SetCulture request, Actor actor, UserAdministration users, CancellationToken ct) =>
            (await users.SetCultureAsync(request, actor, ct)).ToNoContent()).WithName("SetMyCulture");
        group.MapPost("/password", async (ChangePassword request, Actor actor, ChangePasswordHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, actor, ct)).ToNoContent()).WithName("ChangeMyPassword");
        return group;
    }
}
