using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesFlow.Core.Data;

/// <summary>
/// The first answer to a POST that carried an <c>Idempotency-Key</c>. The row is claimed before the
/// work runs (a unique key per user), so concurrent repeats cannot both do the work.
/// </summary>
public sealed class IdempotencyRecord
{
    private IdempotencyRecord()
    {
    }

    public IdempotencyRecord(Guid userId, string key, string requestHash, DateTime createdAtUtc)
    {
        UserId = userId;
        Key = key;
        RequestHash = requestHash;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid UserId { get; private set; }

    public string Key { get; private set; } = "";

    public string RequestHash { get; private set; } = "";

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? Body { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public bool IsComplete => StatusCode is not null;

    public void Complete(int statusCode, string? contentType, string? location, string body, DateTime nowUtc)
    {
        StatusCode = statusCode;
        ContentType = contentType;
        Location = location;
        Body = body;
        CompletedAtUtc = nowUtc;
    }
}

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> builder)
    {
        builder.ToTable("idempotency_keys");
        builder.HasKey(r => new { r.UserId, r.Key });
        builder.Property(r => r.Key).HasMaxLength(200);
        builder.Property(r => r.RequestHash).HasMaxLength(64);
        builder.Property(r => r.ContentType).HasMaxLength(100);
        builder.Property(r => r.Location).HasMaxLength(500);
        builder.HasIndex(r => r.CreatedAtUtc);
    }
}
