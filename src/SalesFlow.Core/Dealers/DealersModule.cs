using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Dealers.Applications;
using SalesFlow.Core.Jobs;

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
            .AddScoped<ApplicationUseCases>()
            .AddScoped<IReminder, DealerTiersDue>();
    }
}
