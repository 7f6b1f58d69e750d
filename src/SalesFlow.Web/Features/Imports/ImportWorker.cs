using SalesFlow.Core.Imports;

namespace SalesFlow.Web.Features.Imports;

/// <summary>
/// Runs queued import jobs one at a time, in the background. At start, a job that was running when the app
/// stopped is marked failed (its transaction never committed) and jobs still queued are picked up again.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            foreach (var waiting in await scope.ServiceProvider.GetRequiredService<ImportRunner>().RecoverAsync(stoppingToken))
            {
                queue.Enqueue(waiting);
            }
        }

        await foreach (var jobId in queue.ReadAllAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ImportRunner>().RunAsync(jobId, stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Import job {JobId} failed unexpectedly", jobId);
            }
        }
    }
}

public static class ImportWorkerSetup
{
    /// <summary>The import settings (section <c>Imports</c>) and the background worker.</summary>
    public static IServiceCollection AddImportWorker(this IServiceCollection services, IConfiguration config) => services
        .AddSingleton(config.GetSection("Imports").Get<ImportOptions>() ?? new ImportOptions())
        .AddHostedService<ImportWorker>();
}
