using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesFlow.Core.Data;

/// <summary>
/// The first answer to a POST that carried an <c>Idempotency-Key</c>. The row is claimed before the
/// work runs (a unique key per user), so concurrent repeats cannot both do the work. The create's own
/// transaction marks it committed with the new record's location (<see cref="IdempotencyInterceptor"/>), so a
/// key whose answer was lost after the commit is replayed from the record, never worked again; and that update
/// is fenced by <see cref="ClaimId"/>, so a create whose claim was taken over cannot commit at all.
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
        ClaimId = Guid.NewGuid();
    }

    /// <summary>Who holds the key now: a claim taken over from a dead request gets a new one.</summary>
    public Guid ClaimId { get; private set; }

    public Guid UserId { get; private set; }

    public string Key { get; private set; } = "";

    public string RequestHash { get; private set; } = "";

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public string? Body { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    /// <summary>When the create's transaction committed; <see cref="Location"/> names what it created.</summary>
    public DateTime? CommittedAtUtc { get; private set; }

    public bool IsComplete => StatusCode is not null;

    public bool IsCommitted => CommittedAtUtc is not null;

    /// <summary>A stand-in for the claimed row, attached to a create's context to mark it committed.</summary>
    internal static IdempotencyRecord Claimed(Guid userId, string key, Guid claimId) =>
        new() { UserId = userId, Key = key, ClaimId = claimId };

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
        builder.Property(r => r.ClaimId).IsConcurrencyToken();
        builder.HasIndex(r => r.CreatedAtUtc);
    }
}
