using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Notifications;

/// <summary>A message to send: to a user, of a kind, with its arguments, link and de-duplication key.</summary>
public sealed record NewNotification(Guid UserId, string Kind, IReadOnlyList<string> Args, string? Link, string DedupKey);

/// <summary>
/// The one way notifications are created. Messages whose (user, dedup key) already exists are dropped, so callers may
/// offer the same reminder on every run; the unique index is the final guard when two writers race.
/// </summary>
public sealed class Notifier(TimeProvider time)
{
    /// <summary>Adds the new ones to the context (the caller saves); returns how many were new.</summary>
    public async Task<int> AddAsync(SalesFlowDbContext db, IReadOnlyCollection<NewNotification> messages, CancellationToken ct)
    {
        if (messages.Count == 0)
        {
            return 0;
        }

        var users = messages.Select(m => m.UserId).Distinct().ToList();
        var keys = messages.Select(m => m.DedupKey).Distinct().ToList();
        var existing = (await db.Notifications.AsNoTracking()
                .Where(n => users.Contains(n.UserId) && keys.Contains(n.DedupKey))
                .Select(n => new { n.UserId, n.DedupKey })
                .ToListAsync(ct))
            .Select(n => (n.UserId, n.DedupKey))
            .ToHashSet();
        var now = time.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var message in messages)
        {
            if (existing.Add((message.UserId, message.DedupKey)))
            {
                db.Notifications.Add(new Notification(message.UserId, message.Kind, message.Args, message.Link, message.DedupKey, now));
                added++;
            }
        }

        return added;
    }
}
