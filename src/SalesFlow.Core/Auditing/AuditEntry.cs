using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Auditing;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One line of the audit trail: a created record (with its first values as JSON), a changed field
/// (old → new), or a deleted record. Written by the AuditInterceptor in the same transaction as the change.
/// </summary>
public sealed class AuditEntry : IHasId
{
    private AuditEntry()
    {
    }

    public AuditEntry(string entityType, string entityId, AuditAction action, string? field, string? oldValue, string? newValue, Guid? userId, string userName, DateTime atUtc)
    {
        Id = Guid.CreateVersion7();
        EntityType = entityType;
        EntityId = entityId;
        Action = action;
        Field = field;
        OldValue = oldValue;
        NewValue = newValue;
        UserId = userId;
        UserName = userName;
        AtUtc = atUtc;
    }

    public Guid Id { get; private set; }

    public string EntityType { get; private set; } = "";

    public string EntityId { get; private set; } = "";

    public AuditAction Action { get; private set; }

    public string? Field { get; private set; }

    public string? OldValue { get; private set; }

    public string? NewValue { get; private set; }

    public Guid? UserId { get; private set; }

    public string UserName { get; private set; } = "";

    public DateTime AtUtc { get; private set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("audit_entries");
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.Action).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.Field).HasMaxLength(100);
        builder.Property(a => a.UserName).HasMaxLength(100);
        builder.HasIndex(a => new { a.EntityType, a.EntityId, a.AtUtc });
        builder.HasIndex(a => a.AtUtc);
    }
}

public static class AuditPermissions
{
    public const string View = "audit.view";
}
