using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Notifications;
using SalesFlow.Core.Planning.Reminders;

namespace SalesFlow.Core.Tests.Planning.Plans;

/// <summary>The deadline reminders for given company dates, and the e-mail outbox against a real (tiny) SMTP listener.</summary>
public class PlanReminderTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<Dictionary<string, int>> KindsAsync(TestDatabase database)
    {
        await using var db = await database.Factory.CreateDbContextAsync(Ct);
        return await db.Notifications.GroupBy(n => n.Kind).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, Ct);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Owners_without_a_submitted_plan_hear_before_and_after_the_25th_managers_hear_once_and_a_second_run_sends_nothing(DatabaseProvider provider)
    {
        var data = await PlanTestData.CreateAsync(provider);
        await using var database = data.Database;
        // 12 owners (4 supervisors, 8 reps); rep.east1.a has submitted April's plan, which waits for supervisor.east1.
        await data.PlanAsync("rep.east1.a", "2026-04", [(data.CustomerA, 1m)], submit: true);
        await data.PlanAsync("rep.east1.b", "2026-04", [(data.CustomerC, 1m)]); // a draft is not submitted
        var reminders = database.Get<PlanReminders>();

        // 21 March: too early for April's plan; February's review (due 3 March) is overdue for everybody, once to them and once to their manager.
        Assert.Equal(25, await reminders.RunAsync(new DateOnly(2026, 3, 21), Ct));
        var kinds = await KindsAsync(database);
        Assert.False(kinds.ContainsKey("plan.due"));
        Assert.Equal((12, 12, 1), (kinds["review.overdue"], kinds["review.overdueTeam"], kinds["plan.waiting"]));

        // 23 March: from three days before the 25th, everyone without a submitted plan hears, once a day.
        Assert.Equal(12, await reminders.RunAsync(new DateOnly(2026, 3, 23), Ct));
        kinds = await KindsAsync(database);
        Assert.Equal((11, 2, 12), (kinds["plan.due"], kinds["plan.waiting"], kinds["review.overdue"]));
        Assert.Equal(0, await reminders.RunAsync(new DateOnly(2026, 3, 23), Ct));

        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var supervisor = data.Org.Users["supervisor.east1"];
            var waiting = await db.Notifications.Where(n => n.UserId == supervisor && n.Kind == "plan.waiting").ToListAsync(Ct);
            Assert.Equal(2, waiting.Count); // 21 and 23 March
            Assert.All(waiting, w => Assert.Equal(["1", "0"], w.Args));
            var repA = data.Org.Users["rep.east1.a"];
            Assert.False(await db.Notifications.AnyAsync(n => n.UserId == repA && n.Kind == "plan.due", Ct));
        }

        // 26 March: overdue, to the owner and to their manager, once.
        var sent = await reminders.RunAsync(new DateOnly(2026, 3, 26), Ct);
        kinds = await KindsAsync(database);
        Assert.Equal(11, kinds["plan.overdue"]);
        Assert.Equal(11, kinds["plan.overdueTeam"]);
        Assert.Equal(3, kinds["plan.waiting"]); // one a day
        Assert.Equal(23, sent);
        Assert.Equal(0, await reminders.RunAsync(new DateOnly(2026, 3, 26), Ct));
        Assert.Equal(1, await reminders.RunAsync(new DateOnly(2026, 3, 27), Ct)); // only the day's waiting message

        // 1 April: March's review is due on the 3rd.
        await reminders.RunAsync(new DateOnly(2026, 4, 1), Ct);
        Assert.Equal(12, (await KindsAsync(database))["review.due"]);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_mailer_sends_each_notification_of_users_with_an_email_once_and_does_nothing_without_a_host(DatabaseProvider provider)
    {
        var data = await PlanTestData.CreateAsync(provider);
        await using var database = data.Database;
        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            foreach (var key in new[] { "rep.east1.a", "rep.east1.b" })
            {
                var user = await db.Users.SingleAsync(u => u.Id == data.Org.Users[key], Ct);
                user.Email = key + "@example.com";
            }

            await database.Get<Notifier>().AddAsync(db, [
                new NewNotification(data.Org.Users["rep.east1.a"], "plan.due", ["2026-04", "2026-03-25"], "/plans", "k1"),
                new NewNotification(data.Org.Users["rep.east1.b"], "plan.due", ["2026-04", "2026-03-25"], "/plans", "k1"),
                new NewNotification(data.Org.Users["supervisor.east1"], "plan.waiting", ["1", "0"], "/plans", "k2")], Ct);
            await db.SaveChangesAsync(Ct);
        }

        var off = new NotificationMailer(database.Factory, new SmtpOptions(), new PlainNotificationFormatter(), database.Time, NullLogger<NotificationMailer>.Instance);
        Assert.False(off.Enabled);
        Assert.Equal(0, await off.SendPendingAsync(Ct));

        await using var smtp = TinySmtpServer.Start();
        var mailer = new NotificationMailer(
            database.Factory, new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port, From = "salesflow@example.com", BaseUrl = "https://sales.example.com" },
            new PlainNotificationFormatter(), database.Time, NullLogger<NotificationMailer>.Instance);
        Assert.Equal(2, await mailer.SendPendingAsync(Ct));
        Assert.Equal(["<rep.east1.a@example.com>", "<rep.east1.b@example.com>"], smtp.Messages.Select(m => m.To).Order());
        Assert.All(smtp.Messages, m => Assert.Contains("salesflow@example.com", m.Data, StringComparison.Ordinal));

        Assert.Equal(0, await mailer.SendPendingAsync(Ct));
        Assert.Equal(2, smtp.Messages.Count);
        await using var check = await database.Factory.CreateDbContextAsync(Ct);
        Assert.Equal(2, await check.Notifications.CountAsync(n => n.EmailedAtUtc != null, Ct));
        Assert.Null((await check.Notifications.SingleAsync(n => n.Kind == "plan.waiting", Ct)).EmailedAtUtc);
    }
}

/// <summary>Just enough SMTP on 127.0.0.1 to accept mail from <see cref="System.Net.Mail.SmtpClient"/> and keep what arrived.</summary>
internal sealed class TinySmtpServer : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private TinySmtpServer(TcpListener listener)
    {
        _listener = listener;
        _loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public List<(string To, string Data)> Messages { get; } = [];

    public static TinySmtpServer Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return new TinySmtpServer(listener);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost tiny smtp");
            string? to = null;
            while (await reader.ReadLineAsync() is { } line)
            {
                var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                switch (verb)
                {
                    case "RCPT":
                        to = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync() is { } body && body != ".")
                        {
                            data.AppendLine(body);
                        }

                        lock (Messages)
                        {
                            Messages.Add((to ?? "", data.ToString()));
                        }

                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("250 OK");
                        break;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _loop;
        _stop.Dispose();
    }
}

/// <summary>The runner sends the e-mails under its lease: nothing while another instance holds it, each message once after.</summary>
public class PlanReminderRunnerTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task The_reminder_runner_mails_under_its_lease_and_never_twice(DatabaseProvider provider)
    {
        var data = await PlanTestData.CreateAsync(provider);
        await using var database = data.Database;
        var emailed = new[] { "rep.east1.a", "supervisor.east1" };
        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            foreach (var key in emailed)
            {
                (await db.Users.SingleAsync(u => u.Id == data.Org.Users[key], Ct)).Email = key + "@example.com";
            }

            await db.SaveChangesAsync(Ct);
        }

        await using var smtp = TinySmtpServer.Start();
        var options = new SmtpOptions { Host = "127.0.0.1", Port = smtp.Port };
        Jobs.ReminderRunner Runner() => new(
            database.Factory, [database.Get<PlanReminders>()], database.Get<CompanyClock>(), database.Time, NullLogger<Jobs.ReminderRunner>.Instance,
            new NotificationMailer(database.Factory, options, new PlainNotificationFormatter(), database.Time, NullLogger<NotificationMailer>.Instance));

        // Another instance holds the lease: this one neither reminds nor mails.
        await using (var db = await database.Factory.OpenAsync(Actor.System, Ct))
        {
            Assert.True(await Jobs.JobLeases.TryAcquireAsync(db, Jobs.ReminderRunner.LeaseName, "other-instance", TimeSpan.FromMinutes(10), database.Time.GetUtcNow().UtcDateTime, Ct));
        }

        Assert.False((await Runner().RunAsync(TimeSpan.FromMinutes(5), Ct)).Ran);
        Assert.Empty(smtp.Messages);

        database.Time.Advance(TimeSpan.FromMinutes(11));
        var first = await Runner().RunAsync(TimeSpan.FromMinutes(5), Ct);
        Assert.True(first.Ran);
        int expected;
        await using (var db = await database.Factory.CreateDbContextAsync(Ct))
        {
            var users = emailed.Select(k => data.Org.Users[k]).ToList();
            expected = await db.Notifications.CountAsync(n => users.Contains(n.UserId), Ct);
            Assert.Equal(expected, await db.Notifications.CountAsync(n => n.EmailedAtUtc != null, Ct));
        }

        Assert.True(expected > 0);
        Assert.Equal(expected, first.Sent[NotificationMailer.Name]);
        Assert.Equal(expected, smtp.Messages.Count);

        var second = await Runner().RunAsync(TimeSpan.FromMinutes(5), Ct);
        Assert.True(second.Ran);
        Assert.Equal(0, second.Sent[NotificationMailer.Name]);
        Assert.Equal(expected, smtp.Messages.Count);
    }
}
