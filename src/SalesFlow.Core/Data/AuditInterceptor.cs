using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesFlow.Core.Auditing;

namespace SalesFlow.Core.Data;

/// <summary>
/// Before every save: stamps who/when on <see cref="IAudited"/> records, bumps <see cref="IVersioned.Version"/>,
/// and writes the field-level audit trail into the same transaction, so a change and its audit line
/// are saved together or not at all.
/// </summary>
public sealed class AuditInterceptor(TimeProvider time) : SaveChangesInterceptor, IBeforeSave
{
    private static readonly HashSet<string> NotAudited =
    [
        nameof(IAudited.CreatedAtUtc), nameof(IAudited.CreatedBy), nameof(IAudited.UpdatedAtUtc), nameof(IAudited.UpdatedBy),
        nameof(IVersioned.Version), "PasswordHash", "SecurityStamp", "ConcurrencyStamp", "NormalizedUserName",
        "NormalizedEmail", "AccessFailedCount", "LockoutEnd", "Path", "Depth",
        // The order credit check's lock (written by ExecuteUpdate in the check's transaction), not business data.
        "CreditCheckedAtUtc",
    ];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IBeforeSave.BeforeSave(SalesFlowDbContext db) => Stamp(db);

    private void Stamp(DbContext? context)
    {
        if (context is not SalesFlowDbContext db)
        {
            return;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var entries = db.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .ToList();
        if (entries.Count == 0)
        {
            return;
        }

        var actor = db.ActingAs ?? throw new InvalidOperationException(
            "Audited records were changed through a context without an actor; open it with IDbContextFactory.OpenAsync(actor).");
        var who = actor.UserName;
        Guid? userId = actor.UserId == Guid.Empty ? null : actor.UserId;

        foreach (var entry in entries)
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                AsStored(entry);
            }

            var type = entry.Metadata.ClrType.Name;
            var id = Format(entry.Properties.First(p => p.Metadata.IsPrimaryKey()).CurrentValue) ?? "";
            switch (entry.State)
            {
                case EntityState.Added:
                    var created = CreatedAt(entry, now);
                    entry.Property(nameof(IAudited.CreatedAtUtc)).CurrentValue = created;
                    entry.Property(nameof(IAudited.CreatedBy)).CurrentValue = who;
                    entry.Property(nameof(IAudited.UpdatedAtUtc)).CurrentValue = created;
                    entry.Property(nameof(IAudited.UpdatedBy)).CurrentValue = who;
                    db.AuditEntries.Add(new AuditEntry(type, id, AuditAction.Created, null, null, Snapshot(entry), userId, who, created));
                    break;
                case EntityState.Modified:
                    if (entry.Entity is IVersioned)
                    {
                        var version = entry.Property(nameof(IVersioned.Version));
                        version.CurrentValue = (int)version.OriginalValue! + 1;
                    }

                    var changed = entry.Properties
                        .Where(p => p.IsModified && !NotAudited.Contains(p.Metadata.Name) && !Equals(p.OriginalValue, p.CurrentValue))
                        .ToList();
                    if (changed.Count == 0)
                    {
                        break;
                    }

                    foreach (var property in changed)
                    {
                        db.AuditEntries.Add(new AuditEntry(
                            type, id, AuditAction.Updated, property.Metadata.Name, Format(property.OriginalValue), Format(property.CurrentValue), userId, who, now));
                    }

                    entry.Property(nameof(IAudited.UpdatedAtUtc)).CurrentValue = now;
                    entry.Property(nameof(IAudited.UpdatedBy)).CurrentValue = who;
                    break;
                case EntityState.Deleted:
                    db.AuditEntries.Add(new AuditEntry(type, id, AuditAction.Deleted, null, Snapshot(entry), null, userId, who, now));
                    break;
            }
        }
    }

    /// <summary>
    /// Brings each value to what its column keeps, so the record in memory, the row and the trail say the same: a
    /// decimal at its column's scale (rounded half away from zero, as both engines round), a time to the microsecond
    /// (PostgreSQL's resolution; SQLite is given the same). Without it a weight of 1.2345 kg was audited as such and
    /// stored as 1.235.
    /// </summary>
    private static void AsStored(EntityEntry entry)
    {
        // Only what this save writes: an untouched value of an older row is left alone, so it makes no change of its own.
        foreach (var property in entry.Properties.Where(p => entry.State == EntityState.Added || p.IsModified))
        {
            switch (property.CurrentValue)
            {
                case decimal value when property.Metadata.GetScale() is { } scale && decimal.Round(value, scale, MidpointRounding.AwayFromZero) is var rounded && rounded != value:
                    property.CurrentValue = rounded;
                    break;
                case DateTime value when value.Ticks % 10 != 0:
                    property.CurrentValue = new DateTime(value.Ticks - (value.Ticks % 10), value.Kind);
                    break;
            }
        }
    }

    /// <summary>
    /// Now, unless the code that added the record set an earlier creation time on purpose (the demo company's
    /// history; no request can set it, the property has no public setter). The trail then carries the same date.
    /// </summary>
    private static DateTime CreatedAt(EntityEntry entry, DateTime now) =>
        entry.Property(nameof(IAudited.CreatedAtUtc)).CurrentValue is DateTime preset && preset != default && preset < now ? preset : now;

    private static string Snapshot(EntityEntry entry) => JsonSerializer.Serialize(
        entry.Properties
            .Where(p => !NotAudited.Contains(p.Metadata.Name) && !p.Metadata.IsPrimaryKey() && p.CurrentValue is not null)
            .ToDictionary(p => p.Metadata.Name, p => Format(p.CurrentValue)),
        SnapshotJson);

    private static readonly JsonSerializerOptions SnapshotJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string? Format(object? value) => value switch
    {
        null => null,
        string text => text,
        // A list column (e.g. a store check's missing lines) as its JSON, not as the list type's name.
        System.Collections.IEnumerable list => JsonSerializer.Serialize(list, SnapshotJson),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
