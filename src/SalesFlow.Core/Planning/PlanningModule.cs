using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning;

/// <summary>Targets, monthly plans and reviews, plan vs. actual (PRODUCT.md §2).</summary>
public static class PlanningModule
{
    public static IServiceCollection AddPlanning(this IServiceCollection services)
    {
        services.TryAddSingleton(new Plans.PlanningOptions());
        services.AddScoped<Plans.PlanQueries>().AddScoped<Plans.PlanHandler>();
        services.AddScoped<Reviews.ReviewQueries>().AddScoped<Reviews.ReviewHandler>();
        services.AddScoped<Reminders.PlanReminders>().AddScoped<Jobs.IReminder>(sp => sp.GetRequiredService<Reminders.PlanReminders>());
        services.AddScoped<Progress.TargetProgressQueries>();
        services.AddScoped<TargetQueries>().AddScoped<TargetWeights>().AddScoped<CreateTargetHandler>().AddScoped<UpdateTargetAmountHandler>()
            .AddScoped<SplitTargetHandler>().AddScoped<PhaseTargetHandler>().AddScoped<ChangeTargetLockHandler>();
        return services;
    }
}
