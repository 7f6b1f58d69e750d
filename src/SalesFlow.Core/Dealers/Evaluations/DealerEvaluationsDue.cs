using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Jobs;
using SalesFlow.Core.Planning;

namespace SalesFlow.Core.Dealers.Evaluations;

/// <summary>
/// After a quarter ends, proposes its evaluations for every dealer once, on the first run after the quarter's last stock report is
/// due (<see cref="DealerEvaluationOptions.StockReportDueDay"/> of the month after), so the facts are in. It does nothing while any
/// evaluation of that quarter exists: a manager re-measures on demand (generate), the job never rewrites rows on every tick.
/// </summary>
internal sealed class DealerEvaluationsDue(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DealerEvaluationOptions options) : IReminder
{
    public string Name => "dealerEvaluations";

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var lastQuarter = Period.OfQuarter(today.AddMonths(-3).Year, ((today.AddMonths(-3).Month - 1) / 3) + 1);
        var reportsDue = new DateOnly(lastQuarter.End.Year, lastQuarter.End.Month, 1).AddMonths(1).AddDays(options.StockReportDueDay - 1);
        if (today <= reportsDue)
        {
            return 0;
        }

        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        if (await db.DealerEvaluations.AnyAsync(e => e.Year == lastQuarter.Year && e.Quarter == lastQuarter.Number, ct))
        {
            return 0;
        }

        var generated = await EvaluationGeneration.GenerateAsync(db, db.Dealers, lastQuarter, clock, options, ct);
        return generated.IsSuccess ? generated.Value!.Created : 0;
    }
}
