using SalesFlow.Core.Common;
using SalesFlow.Core.Jobs;
using SalesFlow.Core.Notifications;
using SalesFlow.Web.Api;
using SalesFlow.Web.Jobs;

namespace SalesFlow.Web.Features.Notifications;

public sealed record NotificationListQuery(bool? Unread, string? Cursor, int? PageSize, bool? Count);

public sealed record UnreadCount(int Count);

internal static class NotificationEndpoints
{
    public static void MapNotificationEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/notifications").WithTags("Notifications").RequireAuthorization();
        group.MapGet("/", async ([AsParameters] NotificationListQuery query, Actor actor, NotificationQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, query.Unread ?? false, new PageRequest(null, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk())
            .WithName("ListNotifications");
        group.MapGet("/unread-count", async (Actor actor, NotificationQueries queries, CancellationToken ct) =>
            TypedResults.Ok(new UnreadCount(await queries.UnreadCountAsync(actor, ct)))).WithName("CountUnreadNotifications");
        group.MapPost("/{id:guid}/read", async (Guid id, Actor actor, NotificationQueries queries, CancellationToken ct) =>
            (await queries.MarkReadAsync(actor, id, ct)).ToNoContent()).WithName("ReadNotification");
        group.MapPost("/read-all", async (Actor actor, NotificationQueries queries, CancellationToken ct) =>
            (await queries.MarkReadAsync(actor, null, ct)).ToNoContent()).WithName("ReadAllNotifications");

        app.MapPost("/api/v1/jobs/reminders/run", async (ReminderRunner runner, ReminderJobOptions options, CancellationToken ct) =>
            {
                var result = await runner.RunAsync(TimeSpan.FromMinutes(Math.Max(1, options.IntervalMinutes)), ct);
                return result.Ran
                    ? Results.Ok(result)
                    : Error.Conflict("job.running", "The reminders are being run right now by another instance.").ToProblem();
            })
            .WithTags("Jobs").RequireAuthorization(JobPermissions.Run).WithName("RunReminders");
    }
}
