using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers.Evaluations;
using SalesFlow.Core.Planning;

namespace SalesFlow.Core.Demo;

/// <summary>
/// The quarterly evaluations of the last completed quarter for every trading (and the suspended) dealer, generated through
/// <see cref="EvaluationGeneration"/> from the saved sell-in, targets, stock reports, invoices and stores, so the scores are the
/// ones the rule gives. In each region the regional manager has already confirmed the two best dealers that the scorecard proposes
/// to keep; the rest wait for a decision.
/// </summary>
internal static class DemoDealerEvaluations
{
    public const int ConfirmedPerRegion = 2;

    public static async Task<int> AddAsync(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DealerEvaluationOptions options, CancellationToken ct)
    {
        var today = clock.Today;
        var previous = today.AddMonths(-3);
        var quarter = Period.OfQuarter(previous.Year, ((previous.Month - 1) / 3) + 1);
        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        var generated = await EvaluationGeneration.GenerateAsync(db, db.Dealers, quarter, clock, options, ct);
        if (!generated.IsSuccess)
        {
            throw new InvalidOperationException(generated.Error!.Message);
        }

        var regions = DemoCompanySeeder.Regions.ToDictionary(r => r.Code, r => $"manager.{r.Key}");
        var keep = await (from e in db.DealerEvaluations
                          where e.Year == quarter.Year && e.Quarter == quarter.Number && e.ProposedOutcome == EvaluationOutcome.Keep
                          join d in db.Dealers on e.DealerId equals d.Id
                          join r in db.OrgUnits on d.RegionId equals r.Id
                          select new { Evaluation = e, Region = r.Code, d.Code }).ToListAsync(ct);
        var confirmedAt = clock.StartOfDayUtc(today.AddDays(-1)).AddHours(2);
        foreach (var region in keep.GroupBy(k => k.Region))
        {
            foreach (var best in region.OrderByDescending(k => k.Evaluation.Total).ThenBy(k => k.Code).Take(ConfirmedPerRegion))
            {
                best.Evaluation.Confirm(EvaluationOutcome.Keep, null, regions.GetValueOrDefault(region.Key, "director"), confirmedAt, null);
            }
        }

        await db.SaveChangesAsync(ct);
        return generated.Value!.Created;
    }
}
