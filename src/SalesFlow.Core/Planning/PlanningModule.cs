using Microsoft.Extensions.DependencyInjection;

namespace SalesFlow.Core.Planning;

/// <summary>Targets, monthly plans and reviews, plan vs. actual (PRODUCT.md §2).</summary>
public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.AddScoped<Progress.TargetProgressQueries>();
        return services;
    }
}
