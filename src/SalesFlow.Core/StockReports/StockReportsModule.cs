using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace SalesFlow.Core.StockReports;

public static class StockReportsModule
{
    public static IServiceCollection AddStockReports(this IServiceCollection services)
    {
        services.TryAddSingleton(new StockReportOptions());
        return services
            .AddSingleton<StockChecks>()
            .AddScoped<StockReportQueries>()
            .AddScoped<CreateStockReportHandler>()
            .AddScoped<UpdateStockReportHandler>()
            .AddScoped<SubmitStockReportHandler>();
    }
}
