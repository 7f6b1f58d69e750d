using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Notifications;

public sealed record NotificationRow(Guid Id, string Kind, IReadOnlyList<string> Args, string? Link, DateTime CreatedAtUtc, DateTime? ReadAtUtc);

/// <summary>A user's own notifications: nobody reads another user's, whatever their role.</summary>
public sealed class NotificationQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, TimeProvider time)
{
    public static readonly SortWhitelist<Notification> Sorts = new(
        "-createdAt",
        SortOption<Notification>.By("createdAt", n => n.CreatedAtUtc));

    public async Task<Result<Page<NotificationRow>>> ListAsync(Actor actor, bool unreadOnly, PageRequest page, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Notifications.AsNoTracking().Where(n => n.UserId == actor.UserId);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAtUtc == null);
        }

        var raw = await Sorts.PageAsync(query, page, n => new { n.Id, n.Kind, n.ArgsJson, n.Link, n.CreatedAtUtc, n.ReadAtUtc }, ct);
        if (!raw.IsSuccess)
        {
            return raw.Error!;
        }

        var items = raw.Value!.Items
            .Select(n => new NotificationRow(n.Id, n.Kind, System.Text.Json.JsonSerializer.Deserialize<string[]>(n.ArgsJson) ?? [], n.Link, n.CreatedAtUtc, n.ReadAtUtc))
            .ToList();
        return new Page<NotificationRow>(items, raw.Value.NextCursor, raw.Value.TotalCount);
    }

    public async Task<int> UnreadCountAsync(Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Notifications.CountAsync(n => n.UserId == actor.UserId && n.ReadAtUtc == null, ct);
    }

    /// <summary>Marks one (or, with no id, all) of the actor's notifications read. Another user's id is a 404.</summary>
    public async Task<Result> MarkReadAsync(Actor actor, Guid? id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var mine = db.Notifications.Where(n => n.UserId == actor.UserId && n.ReadAtUtc == null);
        if (id is { } one)
        {
            if (!await db.Notifications.AnyAsync(n => n.Id == one && n.UserId == actor.UserId, ct))
            {
                return Error.NotFound("Notification", one);
            }

            mine = mine.Where(n => n.Id == one);
        }

        await mine.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAtUtc, now), ct);
        return Result.Ok();
    }
}
