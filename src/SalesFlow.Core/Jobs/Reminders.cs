using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Jobs;

/// <summary>
/// One kind of reminder (overdue invoices, contract renewals, plan deadlines …). It offers notifications for
/// the given day (company time zone) through <see cref="Notifications.Notifier"/>, which drops what was
/// already sent — so running it again, or late, is harmless.
/// </summary>
public interface IReminder
{
    string Name { get; }

    Task<int> RunAsync(DateOnly today, CancellationToken ct);
}

public sealed record ReminderRunResult(bool Ran, IReadOnlyDictionary<string, int> Sent);

/// <summary>
/// Runs every registered reminder once under the <c>reminders</c> lease. The web host's job calls it on a timer; an
/// admin may call it now (<c>POST /api/v1/jobs/reminders/run</c>). A reminder that fails is logged and the others still run.
/// </summary>
public sealed class ReminderRunner(
    IDbContextFactory<SalesFlowDbContext> dbFactory, IEnumerable<IReminder> reminders, CompanyClock clock, TimeProvider time, ILogger<ReminderRunner> log,
    Notifications.NotificationMailer mailer)
{
    public const string LeaseName = "reminders";
    public static readonly string Holder = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public async Task<ReminderRunResult> RunAsync(TimeSpan leaseFor, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        if (!await JobLeases.TryAcquireAsync(db, LeaseName, Holder, leaseFor, time.GetUtcNow().UtcDateTime, ct))
        {
            return new ReminderRunResult(false, new Dictionary<string, int>());
        }

        var sent = new Dictionary<string, int>();
        try
        {
            foreach (var reminder in reminders)
            {
                try
                {
                    sent[reminder.Name] = await reminder.RunAsync(clock.Today, ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Reminder {Reminder} failed", reminder.Name);
                    sent[reminder.Name] = -1;
                }
            }

            // The e-mail copies go out under the same lease, so two instances never send one twice.
            if (mailer.Enabled)
            {
                try
                {
                    sent[Notifications.NotificationMailer.Name] = await mailer.SendPendingAsync(ct);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogError(e, "Sending notification e-mails failed");
                    sent[Notifications.NotificationMailer.Name] = -1;
                }
            }
        }
        finally
        {
            await JobLeases.ReleaseAsync(db, LeaseName, Holder, time.GetUtcNow().UtcDateTime, CancellationToken.None);
        }

        return new ReminderRunResult(true, sent);
    }
}
