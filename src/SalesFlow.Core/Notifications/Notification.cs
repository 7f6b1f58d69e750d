using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Notifications;

/// <summary>
/// An in-app message to one user. The text is not stored: <see cref="Kind"/> names a localized template
/// (<c>Notification.{Kind}</c> in the web resources) and <see cref="Args"/> fills it, so each reader sees it in their
/// language. <see cref="DedupKey"/> is unique per user: a reminder job that runs twice (or on two instances) never
/// sends the same message twice.
/// </summary>
public sealed class Notification : IHasId
{
    public const int KindMaxLength = 60;
    public const int DedupKeyMaxLength = 200;

    private Notification()
    {
    }

    public Notification(Guid userId, string kind, IReadOnlyList<string> args, string? link, string dedupKey, DateTime createdAtUtc)
    {
        Id = Guid.CreateVersion7();
        UserId = userId;
        Kind = kind;
        ArgsJson = JsonSerializer.Serialize(args);
        Link = link;
        DedupKey = dedupKey;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }

    public Guid UserId { get; private set; }

    public string Kind { get; private set; } = "";

    /// <summary>The template's arguments as a JSON array of strings (numbers and dates already formatted invariantly).</summary>
    public string ArgsJson { get; private set; } = "[]";

    /// <summary>The page the message is about, relative to the app (e.g. <c>/invoices/…</c>).</summary>
    public string? Link { get; private set; }

    public string DedupKey { get; private set; } = "";

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? ReadAtUtc { get; private set; }

    /// <summary>When the e-mail copy went out (<see cref="NotificationMailer"/>); null when none was sent (yet).</summary>
    public DateTime? EmailedAtUtc { get; private set; }

    public IReadOnlyList<string> Args => JsonSerializer.Deserialize<string[]>(ArgsJson) ?? [];

    public void MarkRead(DateTime nowUtc) => ReadAtUtc ??= nowUtc;

    public void MarkEmailed(DateTime nowUtc) => EmailedAtUtc ??= nowUtc;
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.Property(n => n.Kind).HasMaxLength(Notification.KindMaxLength);
        builder.Property(n => n.ArgsJson).HasMaxLength(4000);
        builder.Property(n => n.Link).HasMaxLength(300);
        builder.Property(n => n.DedupKey).HasMaxLength(Notification.DedupKeyMaxLength);
        builder.HasIndex(n => new { n.UserId, n.DedupKey }).IsUnique();
        builder.HasIndex(n => new { n.UserId, n.CreatedAtUtc, n.Id });
        builder.HasIndex(n => new { n.UserId, n.ReadAtUtc });
        builder.HasIndex(n => new { n.EmailedAtUtc, n.CreatedAtUtc });
        builder.Ignore(n => n.Args);
    }
}
