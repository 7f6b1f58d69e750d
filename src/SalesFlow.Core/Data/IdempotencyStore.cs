using Microsoft.EntityFrameworkCore;

namespace SalesFlow.Core.Data;

public enum IdempotencyOutcome
{
    /// <summary>The key is new and now claimed: do the work, then <see cref="IdempotencyStore.CompleteAsync"/>.</summary>
    Claimed,

    /// <summary>The same request was answered before: replay <see cref="IdempotencyClaim.Record"/>.</summary>
    Replay,

    /// <summary>The key was used with another body: refuse (422).</summary>
    Mismatch,

    /// <summary>The first request with this key is still running: refuse (409), the client retries.</summary>
    InProgress,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, IdempotencyRecord? Record);

/// <summary>Claims, completes and replays idempotency keys (API.md, "Writes").</summary>
public sealed class IdempotencyStore(IDbContextFactory<SalesFlowDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    public async Task<IdempotencyClaim> ClaimAsync(Guid userId, string key, string requestHash, CancellationToken ct)
    {
        for (var attempt = 0; attempt < 3; attempt++)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var existing = await db.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, ct);
            if (existing is not null)
            {
                if (existing.RequestHash != requestHash)
                {
                    return new(IdempotencyOutcome.Mismatch, existing);
                }

                if (existing.IsComplete)
                {
                    return new(IdempotencyOutcome.Replay, existing);
                }

                // A claim whose request died without completing or releasing would block the key forever.
                if (time.GetUtcNow().UtcDateTime - existing.CreatedAtUtc < StaleAfter)
                {
                    return new(IdempotencyOutcome.InProgress, existing);
                }

                await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(ct);
                continue;
            }

            db.IdempotencyRecords.Add(new IdempotencyRecord(userId, key, requestHash, time.GetUtcNow().UtcDateTime));
            try
            {
                await db.SaveChangesAsync(ct);
                return new(IdempotencyOutcome.Claimed, null);
            }
            catch (DbUpdateException)
            {
                // Another request claimed the key between our read and our insert: read its state.
            }
        }

        return new(IdempotencyOutcome.InProgress, null);
    }

    public async Task CompleteAsync(Guid userId, string key, int statusCode, string? contentType, string? location, string body, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var record = await db.IdempotencyRecords.SingleAsync(r => r.UserId == userId && r.Key == key, ct);
        record.Complete(statusCode, contentType, location, body, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Frees the key when the work failed unexpectedly, so the client can retry it.</summary>
    public async Task ReleaseAsync(Guid userId, string key, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.IdempotencyRecords.Where(r => r.UserId == userId && r.Key == key && r.StatusCode == null).ExecuteDeleteAsync(ct);
    }
}
