using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Notifications;

/// <summary>Settings of section <c>Notifications:Smtp</c>. Without a <see cref="Host"/> no e-mail is sent.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "salesflow@localhost";

    /// <summary>The app's address, put in front of a notification's link (e.g. <c>https://sales.example.com</c>).</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Only notifications younger than this are mailed, so switching SMTP on does not send the whole history.</summary>
    public int MaxAgeHours { get; set; } = 48;

    public int BatchSize { get; set; } = 200;
}

/// <summary>Turns a notification's kind and arguments into text in the reader's culture (the web app supplies the localized one).</summary>
public interface INotificationFormatter
{
    string Format(string kind, IReadOnlyList<string> args, string culture);
}

/// <summary>Fallback without resources: the kind and its arguments.</summary>
public sealed class PlainNotificationFormatter : INotificationFormatter
{
    public string Format(string kind, IReadOnlyList<string> args, string culture) => $"{kind}: {string.Join(" · ", args)}";
}

/// <summary>
/// The e-mail outbox step: sends the not-yet-mailed notifications of users with an e-mail address and stamps
/// <see cref="Notification.EmailedAtUtc"/> one by one, so a failure half-way never mails the first ones again. The
/// <see cref="Jobs.ReminderRunner"/> runs it under its lease; with no SMTP host it does nothing.
/// </summary>
public sealed class NotificationMailer(
    IDbContextFactory<SalesFlowDbContext> dbFactory, SmtpOptions options, INotificationFormatter formatter, TimeProvider time, ILogger<NotificationMailer> log)
{
    public const string Name = "email";

    public bool Enabled => !string.IsNullOrWhiteSpace(options.Host);

    public async Task<int> SendPendingAsync(CancellationToken ct)
    {
        if (!Enabled)
        {
            return 0;
        }

        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        var since = time.GetUtcNow().UtcDateTime.AddHours(-Math.Max(1, options.MaxAgeHours));
        var pending = await (
                from n in db.Notifications
                join u in db.Users on n.UserId equals u.Id
                where n.EmailedAtUtc == null && n.CreatedAtUtc >= since && u.Email != null && u.Email != "" && !u.IsDisabled
                orderby n.CreatedAtUtc, n.Id
                select new { Notification = n, Email = u.Email!, u.Culture })
            .Take(Math.Clamp(options.BatchSize, 1, 5000))
            .ToListAsync(ct);
        if (pending.Count == 0)
        {
            return 0;
        }

        using var client = new SmtpClient(options.Host!, options.Port)
        {
            EnableSsl = options.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
        };
        if (!string.IsNullOrEmpty(options.UserName))
        {
            client.Credentials = new NetworkCredential(options.UserName, options.Password);
        }

        var sent = 0;
        foreach (var item in pending)
        {
            var text = formatter.Format(item.Notification.Kind, item.Notification.Args, item.Culture);
            var link = item.Notification.Link is { } path ? (options.BaseUrl?.TrimEnd('/') ?? "") + path : null;
            using var message = new MailMessage(options.From, item.Email)
            {
                Subject = "SalesFlow: " + (text.Length > 80 ? text[..80] + "…" : text),
                Body = link is null ? text : text + "\n\n" + link,
                SubjectEncoding = Encoding.UTF8,
                BodyEncoding = Encoding.UTF8,
            };
            try
            {
                await client.SendMailAsync(message, ct);
            }
            catch (SmtpException e)
            {
                log.LogWarning(e, "Sending notification {Id} to {Email} failed; the rest waits for the next run", item.Notification.Id, item.Email);
                break;
            }

            item.Notification.MarkEmailed(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            sent++;
        }

        return sent;
    }
}
