using SalesFlow.Core.Common;
using SalesFlow.Core.Identity;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Users;

public sealed record UserListQuery(string? Q, bool? Disabled, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class UserEndpoints
{
    public static RouteGroupBuilder MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/users").WithTags("Users").RequireAuthorization(UserPermissions.Manage);
        group.MapGet("/", async ([AsParameters] UserListQuery query, Actor actor, UserAdministration users, CancellationToken ct) =>
            (await users.ListAsync(actor, new UserFilter(query.Q, query.Disabled), new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk())
            .WithName("ListUsers");
        group.MapPost("/{id:guid}/disable", async (Guid id, Actor actor, UserAdministration users, CancellationToken ct) =>
            (await users.SetDisabledAsync(new SetUserDisabled(id, true), actor, ct)).ToNoContent()).WithName("DisableUser");
        group.MapPost("/{id:guid}/enable", async (Guid id, Actor actor, UserAdministration users, CancellationToken ct) =>
            (await users.SetDisabledAsync(new SetUserDisabled(id, false), actor, ct)).ToNoContent()).WithName("EnableUser");
        return group;
    }
}
