using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.FieldWork.Activities;
using SalesFlow.Core.FieldWork.Travel;
using SalesFlow.Core.FieldWork.Visits;

namespace SalesFlow.Core.FieldWork;

public static class FieldWorkModule
{
    /// <summary>
    /// Activities, work logs, visits, route plans and travel requests (PRODUCT.md §4). The options get their
    /// defaults here; the host registers the configured ones (<c>Visits</c>, <c>Travel</c>) after this call.
    /// </summary>
    public static IServiceCollection AddFieldWork(this IServiceCollection services)
    {
        services.TryAddSingleton(new VisitOptions());
        services.TryAddSingleton(new TravelOptions());
        return services
            .AddScoped<ActivityQueries>()
            .AddScoped<SaveActivityHandler>()
            .AddScoped<DeleteActivityHandler>()
            .AddScoped<WorkLogQueries>()
            .AddScoped<SaveWorkLogHandler>()
            .AddScoped<VisitQueries>()
            .AddScoped<PlanVisitHandler>()
            .AddScoped<VisitStepsHandler>()
            .AddScoped<RoutePlanQueries>()
            .AddScoped<SaveRoutePlanHandler>()
            .AddScoped<GenerateRouteVisitsHandler>()
            .AddScoped<VisitComplianceQueries>()
            .AddScoped<TravelQueries>()
            .AddScoped<SubmitTravelRequestHandler>()
            .AddScoped<DecideTravelRequestHandler>();
    }
}
