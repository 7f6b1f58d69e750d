using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesFlow.Core.Contracts;

public static class ContractsModule
{
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.TryAddSingleton(new ContractOptions());
        return services
            .AddScoped<ContractQueries>()
            .AddScoped<ContractHandler>();
    }
}
