using Microsoft.Extensions.DependencyInjection;

namespace SalesFlow.Core.Leads;

public static class LeadsModule
{
    public static IServiceCollection AddLeads(this IServiceCollection services) => services
        .AddScoped<LeadQueries>()
        .AddScoped<CaptureLeadHandler>()
        .AddScoped<ChangeLeadStatusHandler>()
        .AddScoped<ConvertLeadHandler>()
        .AddScoped<PipelineHealthQueries>();
}
