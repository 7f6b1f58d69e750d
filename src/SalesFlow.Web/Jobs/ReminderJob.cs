using SalesFlow.Core.Jobs;

namespace SalesFlow.Web.Jobs;

/// <summary>Settings of the reminder job (section <c>Jobs:Reminders</c>).</summary>
public sealed class ReminderJobOptions
{
    public bool Enabled { get; set; } = true;

    public int IntervalMinutes { get; set; } = 15;

    public int FirstRunDelaySeconds { get; set; } = 30;
}

/// <summary>
/// Runs the reminders (<see cref="ReminderRunner"/>) every few minutes. Every instance of the app runs this timer; the
/// database lease makes only one of them do the work each time.
/// </summary>
public sealed class ReminderJob(IServiceScopeFactory scopes, ReminderJobOptions options, ILogger<ReminderJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromMinutes(Math.Max(1, options.IntervalMinutes));
        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, options.FirstRunDelaySeconds)), stoppingToken);
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<ReminderRunner>().RunAsync(interval, stoppingToken);
                if (result.Ran && logger.IsEnabled(LogLevel.Information))
                {
                    logger.LogInformation("Reminders sent: {Sent}", string.Join(", ", result.Sent.Select(s => $"{s.Key}={s.Value}")));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The reminder run failed");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}

public static class ReminderJobSetup
{
    public static IServiceCollection AddReminderJob(this IServiceCollection services, IConfiguration config)
    {
        var options = config.GetSection("Jobs:Reminders").Get<ReminderJobOptions>() ?? new ReminderJobOptions();
        services.AddSingleton(options);
        if (options.Enabled)
        {
            services.AddHostedService<ReminderJob>();
        }

        return services;
    }
}
