using Microsoft.Extensions.DependencyInjection;

namespace SalesFlow.Core.Identity;

public static class IdentityModule
{
    public static IServiceCollection AddIdentityAccess(this IServiceCollection services) => services
        .AddScoped<ActorResolver>()
        .AddScoped<CheckCredentialsHandler>()
        .AddScoped<IssueTokenHandler>()
        .AddScoped<ChangePasswordHandler>()
        .AddScoped<UserAdministration>()
        .AddScoped<MeQueries>();
}
