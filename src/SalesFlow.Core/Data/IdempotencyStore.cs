using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;

namespace SalesFlow.Core.Data;

public enum IdempotencyOutcome
{
    /// <summary>The key is new and now claimed: do the work under <see cref="IdempotentCreate"/>, then complete it.</summary>
    Claimed,

    /// <summary>The same request was answered before: replay <see cref="IdempotencyClaim.Record"/>.</summary>
    Replay,

    /// <summary>
    /// The same request's create committed, but its answer was never stored (the request died after the commit):
    /// answer with the record at <see cref="IdempotencyRecord.Location"/>.
    /// </summary>
    Committed,

    /// <summary>The key was used with another body: refuse (422).</summary>
    Mismatch,

    /// <summary>The first request with this key is still running: refuse (409), the client retries.</summary>
    InProgress,
}

public sealed record IdempotencyClaim(IdempotencyOutcome Outcome, IdempotencyRecord? Record);

/// <summary>Claims, completes and replays idempotency keys (API.md, "Writes").</summary>
public sealed class IdempotencyStore(IDbContextFactory<SalesFlowDbContext> dbFactory, TimeProvider time)
{
    /// <summary>
    /// How long an uncommitted claim holds its key when its request may still be running elsewhere. Taking it over
    /// early is safe (the first request's commit is fenced by its claim id and fails), only wasteful.
    /// </summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(2);

    // Claims whose request failed but could not free them (the database was away): this process knows they are dead,
    // so a retry takes them over at once instead of waiting for them to go stale.
    private static readonly ConcurrentDictionary<Guid, byte> Abandoned = new();

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

                if (existing.IsCommitted)
                {
                    return new(IdempotencyOutcome.Committed, existing);
                }

                // A claim whose request died without committing or releasing would block the key forever.
                if (!Abandoned.ContainsKey(existing.ClaimId) && time.GetUtcNow().UtcDateTime - existing.CreatedAtUtc < StaleAfter)
                {
                    return new(IdempotencyOutcome.InProgress, existing);
                }

                await db.IdempotencyRecords
                    .Where(r => r.UserId == userId && r.Key == key && r.ClaimId == existing.ClaimId && r.CommittedAtUtc == null)
                    .ExecuteDeleteAsync(ct);
                Abandoned.TryRemove(existing.ClaimId, out _);
                continue;
            }

            var claim = new IdempotencyRecord(userId, key, requestHash, time.GetUtcNow().UtcDateTime);
            db.IdempotencyRecords.Add(claim);
            try
            {
                await db.SaveChangesAsync(ct);
                return new(IdempotencyOutcome.Claimed, claim);
            }
            catch (Exception failed)
            {
                // The connection may have died with the insert's outcome unknown: if the claim did land, it is ours and
                // dead, so a retry may take it over at once.
                Abandoned.TryAdd(claim.ClaimId, 0);
                if (failed is not DbUpdateException)
                {
                    throw;
                }

                // Otherwise another request most likely claimed the key between our read and our insert: read its state.
            }
        }

        return new(IdempotencyOutcome.InProgress, null);
    }

    /// <summary>Stores the first answer, unless another request of the same claim stored one already.</summary>
    public async Task CompleteAsync(Guid userId, string key, Guid claimId, int statusCode, string? contentType, string? location, string body, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        await db.IdempotencyRecords
            .Where(r => r.UserId == userId && r.Key == key && r.ClaimId == claimId && r.StatusCode == null)
            .ExecuteUpdateAsync(
                set => set
                    .SetProperty(r => r.StatusCode, statusCode)
                    .SetProperty(r => r.ContentType, contentType)
                    .SetProperty(r => r.Location, location)
                    .SetProperty(r => r.Body, body)
                    .SetProperty(r => r.CompletedAtUtc, now),
                ct);
    }

    /// <summary>Frees the key when the work failed before its create committed, so the client can retry it.</summary>
    public async Task ReleaseAsync(Guid userId, string key, Guid claimId, CancellationToken ct)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await db.IdempotencyRecords
                .Where(r => r.UserId == userId && r.Key == key && r.ClaimId == claimId && r.CommittedAtUtc == null)
                .ExecuteDeleteAsync(ct);
        }
        catch (Exception) when (!ct.IsCancellationRequested)
        {
            Abandoned.TryAdd(claimId, 0);
            throw;
        }
    }
}
