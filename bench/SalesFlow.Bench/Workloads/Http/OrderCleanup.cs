using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Bench.Workloads.Http;

/// <summary>
/// Puts the dataset back as a workload that places orders found it: the orders and their lines, the audit entries the
/// bench user wrote meanwhile, its idempotency keys of this run and the sales-summary changes queued since (the
/// summary job is off in the hosted app, so the summaries themselves never moved). The SO number counter stays
/// advanced: no workload's answer reads it.
/// </summary>
internal sealed class OrderCleanup
{
    private readonly DateTime _startedUtc = DateTime.UtcNow;
    private long _lastChange;

    public string KeyPrefix { get; } = "bench-" + Guid.NewGuid().ToString("N")[..8] + "-";

    public static async Task<OrderCleanup> MarkAsync(IServiceProvider services, CancellationToken ct)
    {
        var cleanup = new OrderCleanup();
        await using var db = await services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(ct);
        cleanup._lastChange = await db.SalesSummaryChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        return cleanup;
    }

    public async Task RunAsync(IServiceProvider services, string userName, IEnumerable<Guid> productOrders, string? baselinePrefix, CancellationToken ct)
    {
        await using var db = await services.GetRequiredService<IDbContextFactory<SalesFlowDbContext>>().CreateDbContextAsync(ct);
        var user = await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(ct);
        foreach (var chunk in productOrders.Chunk(500))
        {
            await db.Set<OrderLine>().Where(l => chunk.Contains(l.OrderId)).ExecuteDeleteAsync(ct);
            await db.Orders.Where(o => chunk.Contains(o.Id)).ExecuteDeleteAsync(ct);
        }

        if (baselinePrefix is not null)
        {
            var baseline = db.Orders.Where(o => o.Number.StartsWith(baselinePrefix));
            await db.Set<OrderLine>().Where(l => baseline.Any(o => o.Id == l.OrderId)).ExecuteDeleteAsync(ct);
            await baseline.ExecuteDeleteAsync(ct);
        }

        await db.AuditEntries.Where(a => a.UserName == userName && a.AtUtc >= _startedUtc).ExecuteDeleteAsync(ct);
        await db.IdempotencyRecords.Where(r => r.UserId == user && r.Key.StartsWith(KeyPrefix)).ExecuteDeleteAsync(ct);
        await db.SalesSummaryChanges.Where(c => c.Id > _lastChange).ExecuteDeleteAsync(ct);
    }
}
