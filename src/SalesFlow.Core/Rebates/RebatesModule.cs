using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Jobs;

namespace SalesFlow.Core.Rebates;

/// <summary>Rebates (policies, accruals, settlements) and the credit notes settlements create.</summary>
public static class RebatesModule
{
    public static IServiceCollection AddRebates(this IServiceCollection services) => services
        .AddScoped<RebateQueries>()
        .AddScoped<RebateHandler>()
        .AddScoped<CreditNoteQueries>()
        .AddScoped<CreditNoteHandler>()
        .AddScoped<RebateAccrualJob>()
        .AddScoped<IReminder>(sp => sp.GetRequiredService<RebateAccrualJob>());
}

/// <summary>
/// The monthly accrual as a background job: it runs with the reminders under their database lease (one instance at a
/// time) and accrues the running month and the month before (so a month's last orders are in its final figure).
/// Accruing is idempotent, so running it on every tick only rewrites the same rows; unchanged rows are not saved.
/// </summary>
public sealed class RebateAccrualJob(IDbContextFactory<SalesFlowDbContext> dbFactory) : IReminder
{
    public string Name => "rebate-accrual";

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var previous = await RebateAccruals.AccrueAsync(db, thisMonth.AddMonths(-1), today, ct);
        db.ChangeTracker.Clear();
        var current = await RebateAccruals.AccrueAsync(db, thisMonth, today, ct);
        return previous.Accruals + current.Accruals;
    }
}
