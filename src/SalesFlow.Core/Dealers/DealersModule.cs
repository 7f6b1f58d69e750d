using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Dealers.Applications;

namespace SalesFlow.Core.Dealers;

public static class DealersModule
{
    public static IServiceCollection AddDealers(this IServiceCollection services)
    {
        services.TryAddSingleton(new DealerApplicationOptions());
        return services
            .AddScoped<DealerQueries>()
            .AddScoped<DealerLifecycle>()
            .AddScoped<ApplicationQueries>()
            .AddScoped<ApplicationUseCases>();
    }
}
