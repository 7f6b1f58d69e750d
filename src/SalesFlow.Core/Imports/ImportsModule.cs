using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Exports;

namespace SalesFlow.Core.Imports;

public static class ImportsModule
{
    public static IServiceCollection AddImports(this IServiceCollection services)
    {
        services.TryAddSingleton(new ImportOptions());
        return services
            .AddSingleton<ImportQueue>()
            .AddSingleton<ImportProgress>()
            .AddScoped<ImportRunner>()
            .AddScoped<StartImportHandler>()
            .AddScoped<ImportQueries>()
            .AddScoped<ExportQueries>();
    }
}
