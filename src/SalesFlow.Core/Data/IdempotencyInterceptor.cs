using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SalesFlow.Core.Data;

/// <summary>
/// Marks an idempotency key committed inside the transaction of the create it guards (see <see cref="IdempotentCreate"/>),
/// so "the record exists" and "the key has its answer" can never disagree: if the process or the database connection dies
/// between the commit and the stored response, a retry finds the record instead of creating a second one. The update is
/// fenced by the claim's id; a create whose claim another request has taken over fails instead of committing twice.
/// </summary>
public sealed class IdempotencyInterceptor(TimeProvider time) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Mark(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Mark(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Mark(DbContext? context)
    {
        var create = IdempotentCreate.Current;
        if (create is null || create.MarkedLocation is not null || context is not SalesFlowDbContext db
            || db.ChangeTracker.Entries<IdempotencyRecord>().Any())
        {
            return;
        }

        var root = CreatedRecord(db);
        if (root is null)
        {
            return;
        }

        var id = root.Properties.First(p => p.Metadata.IsPrimaryKey()).CurrentValue;
        var marker = IdempotencyRecord.Claimed(create.UserId, create.Key, create.ClaimId);
        db.IdempotencyRecords.Attach(marker);
        var entry = db.Entry(marker);
        entry.Property(r => r.CommittedAtUtc).CurrentValue = time.GetUtcNow().UtcDateTime;
        entry.Property(r => r.CommittedAtUtc).IsModified = true;
        entry.Property(r => r.Location).CurrentValue = $"{create.LocationPrefix.TrimEnd('/')}/{id}";
        entry.Property(r => r.Location).IsModified = true;
    }

    private static void Saved(DbContext? context)
    {
        if (IdempotentCreate.Current is { MarkedLocation: null } create && context is SalesFlowDbContext db
            && db.ChangeTracker.Entries<IdempotencyRecord>().FirstOrDefault(e => e.Entity.Key == create.Key && e.Entity.UserId == create.UserId) is { } marker)
        {
            create.MarkedLocation = marker.Entity.Location;
        }
    }

    // The aggregate the create added: its versioned business record (lines and trails are neither), else the first
    // business record it added.
    private static EntityEntry? CreatedRecord(SalesFlowDbContext db)
    {
        var added = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && e.Entity is IAudited).ToList();
        return added.FirstOrDefault(e => e.Entity is IVersioned) ?? added.FirstOrDefault();
    }
}
