using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Jobs;

namespace SalesFlow.Core.Contracts;

public static class ContractsModule
{
    public static IServiceCollection AddContracts(this IServiceCollection services)
    {
        services.TryAddSingleton(new ContractOptions());
        return services
            .AddScoped<ContractQueries>()
            .AddScoped<ContractHandler>()
            .AddScoped<ContractRenewalReminders>()
            .AddScoped<IReminder>(sp => sp.GetRequiredService<ContractRenewalReminders>());
    }
}
