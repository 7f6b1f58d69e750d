using SalesFlow.Core.Imports;

namespace SalesFlow.Web.Features.Imports;

/// <summary>
/// Runs import jobs one at a time, in the background: those uploaded here as they come, and — at start and then every
/// <c>Imports:PollSeconds</c> — those nobody runs: queued by an instance that died, or cut off by a crash or a stop and
/// whose lease ran out. A cut-off job never committed anything (one transaction), so it is simply run again.
/// </summary>
public sealed class ImportWorker(IServiceScopeFactory scopes, ImportQueue queue, ImportOptions options, ILogger<ImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var polling = PollAsync(stoppingToken);
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

        await polling;
    }

    private async Task PollAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.PollSeconds)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                foreach (var waiting in await scope.ServiceProvider.GetRequiredService<ImportRunner>().ClaimableAsync(stoppingToken))
                {
                    queue.Enqueue(waiting);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database may be out of reach for a while; the next tick tries again.
                logger.LogWarning(e, "Looking for import jobs to take over failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
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
