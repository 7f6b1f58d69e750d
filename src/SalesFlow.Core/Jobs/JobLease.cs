using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Jobs;

/// <summary>Who runs a background job until when. One row per job name.</summary>
public sealed class JobLease
{
    private JobLease()
    {
    }

    public JobLease(string name, string holder, DateTime leasedUntilUtc)
    {
        Name = name;
        Holder = holder;
        LeasedUntilUtc = leasedUntilUtc;
    }

    public string Name { get; private set; } = "";

    public string Holder { get; private set; } = "";

    public DateTime LeasedUntilUtc { get; private set; }

    public DateTime? LastRunAtUtc { get; private set; }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(l => l.Name);
        builder.Property(l => l.Name).HasMaxLength(60);
        builder.Property(l => l.Holder).HasMaxLength(200);
    }
}

/// <summary>
/// The database lease that lets only one app instance run a job at a time (ARCHITECTURE.md, background work). Taking it
/// is one conditional UPDATE — free, expired, or already ours — so two instances racing for it cannot both win.
/// </summary>
public static class JobLeases
{
    public static async Task<bool> TryAcquireAsync(SalesFlowDbContext db, string name, string holder, TimeSpan duration, DateTime nowUtc, CancellationToken ct)
    {
        if (!await db.JobLeases.AnyAsync(l => l.Name == name, ct))
        {
            db.JobLeases.Add(new JobLease(name, "", DateTime.MinValue.ToUniversalTime()));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another instance created the row first; the update below decides who holds it.
            }

            db.ChangeTracker.Clear();
        }

        var until = nowUtc + duration;
        var taken = await db.JobLeases
            .Where(l => l.Name == name && (l.LeasedUntilUtc < nowUtc || l.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, holder).SetProperty(l => l.LeasedUntilUtc, until), ct);
        return taken == 1;
    }

    /// <summary>Records a finished run and lets the lease go, so the next run (here or elsewhere) needs not wait for expiry.</summary>
    public static Task ReleaseAsync(SalesFlowDbContext db, string name, string holder, DateTime nowUtc, CancellationToken ct) =>
        db.JobLeases.Where(l => l.Name == name && l.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LeasedUntilUtc, nowUtc).SetProperty(l => l.LastRunAtUtc, nowUtc), ct);
}
