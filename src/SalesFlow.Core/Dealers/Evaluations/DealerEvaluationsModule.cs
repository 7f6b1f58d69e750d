using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Jobs;

namespace SalesFlow.Core.Dealers.Evaluations;

public static class DealerEvaluationsModule
{
    public static IServiceCollection AddDealerEvaluations(this IServiceCollection services)
    {
        services.TryAddSingleton(new DealerEvaluationOptions());
        return services
            .AddScoped<EvaluationQueries>()
            .AddScoped<EvaluationUseCases>()
            .AddScoped<IReminder, DealerEvaluationsDue>();
    }
}
