using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Summaries;

namespace SalesFlow.Web.Jobs;

/// <summary>Settings of the sales-summary job (section <c>Jobs:SalesSummaries</c>).</summary>
public sealed class SalesSummaryJobOptions
{
    public bool Enabled { get; set; } = true;

    public int IntervalSeconds { get; set; } = 5;
}

/// <summary>
/// Recomputes the sales summaries that order changes marked (<see cref="SalesSummaries.RefreshAsync"/>) every few
/// seconds, so plan-vs-actual reads find them fresh. No lease: a refresh is idempotent and two instances racing on one
/// bucket end with one winner (the unique key), so a lease would only save a little repeated work.
/// </summary>
public sealed class SalesSummaryJob(IDbContextFactory<SalesFlowDbContext> dbFactory, SalesSummaryJobOptions options, ILogger<SalesSummaryJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.IntervalSeconds)));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                int settled;
                do
                {
                    await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
                    settled = await SalesSummaries.RefreshAsync(db, SalesSummaries.DefaultBatch, stoppingToken);
                }
                while (settled == SalesSummaries.DefaultBatch);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The sales-summary refresh failed; it is retried on the next tick");
            }
        }
    }
}

public static class SalesSummaryJobSetup
{
    public static IServiceCollection AddSalesSummaryJob(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Jobs:SalesSummaries").Get<SalesSummaryJobOptions>() ?? new SalesSummaryJobOptions();
        services.AddSingleton(options);
        if (options.Enabled)
        {
            services.AddHostedService<SalesSummaryJob>();
        }

        return services;
    }
}
