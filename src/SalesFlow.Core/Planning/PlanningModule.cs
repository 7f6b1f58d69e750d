using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning;

/// <summary>Targets, monthly plans and reviews, plan vs. actual (PRODUCT.md §2).</summary>
public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddScoped<TargetQueries>().AddScoped<TargetWeights>().AddScoped<CreateTargetHandler>().AddScoped<UpdateTargetAmountHandler>()
            .AddScoped<SplitTargetHandler>().AddScoped<PhaseTargetHandler>().AddScoped<ChangeTargetLockHandler>();
        return services;
    }
}
