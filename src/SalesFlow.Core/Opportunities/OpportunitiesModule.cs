using Microsoft.Extensions.DependencyInjection;

namespace SalesFlow.Core.Opportunities;

public static class OpportunitiesModule
{
    public static IServiceCollection AddOpportunities(this IServiceCollection services) => services
        .AddScoped<OpportunityQueries>()
        .AddScoped<OpportunityStageQueries>()
        .AddScoped<OpportunityStageReport>()
        .AddScoped<CreateOpportunityHandler>()
        .AddScoped<UpdateOpportunityHandler>()
        .AddScoped<ChangeOpportunityStageHandler>()
        .AddScoped<SaveOpportunityStagesHandler>();
}
