using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Jobs;

namespace SalesFlow.Core.Notifications;

public static class JobPermissions
{
    /// <summary>Run a background job now instead of waiting for its timer.</summary>
    public const string Run = "jobs.run";
}

public static class NotificationsModule
{
    /// <summary>In-app notifications and the reminder runner; each module registers its own <see cref="IReminder"/>s.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services) => services
        .TryAddNotificationMail()
        .AddSingleton<Notifier>()
        .AddScoped<NotificationMailer>()
        .AddScoped<NotificationQueries>()
        .AddScoped<ReminderRunner>();

    private static IServiceCollection TryAddNotificationMail(this IServiceCollection services)
    {
        services.TryAddSingleton(new SmtpOptions());
        services.TryAddSingleton<INotificationFormatter, PlainNotificationFormatter>();
        return services;
    }
}
