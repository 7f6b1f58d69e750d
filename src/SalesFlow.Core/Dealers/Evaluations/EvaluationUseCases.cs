using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Summaries;

namespace SalesFlow.Core.Dealers.Evaluations;

public sealed record GenerateEvaluations([property: Required, Range(2000, 2100)] int? Year, [property: Required, Range(1, 4)] int? Quarter);

public sealed record GenerateResult(int Year, int Quarter, int Created, int Updated, int Confirmed);

public sealed record ConfirmEvaluation(
    Guid Id,
    [property: Required] EvaluationOutcome? Outcome,
    [property: StringLength(DealerEvaluation.CommentMaxLength)] string? Comment,
    [property: Required] int? Version);

/// <summary>
/// Generates a quarter's evaluations and confirms their outcomes (PRODUCT.md §8). Generating is idempotent: it creates the missing
/// evaluations of the dealers in the actor's scope, measures the Proposed ones again and never touches a Confirmed one. Confirming a
/// tier up or down requests the tier change through <see cref="DealerLifecycle.RequestTierChangeAsync"/> (the director approves
/// it there); a territory change or termination is recorded only — those lifecycle steps stay with the people who do them.
/// </summary>
public sealed class EvaluationUseCases(
    IDbContextFactory<SalesFlowDbContext> dbFactory, DealerEvaluationOptions options, DealerLifecycle lifecycle, EvaluationQueries queries, CompanyClock clock)
{
    public async Task<Result<GenerateResult>> GenerateAsync(GenerateEvaluations request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(EvaluationPermissions.Evaluate) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        var quarter = Period.OfQuarter(request.Year!.Value, request.Quarter!.Value);
        if (quarter.End >= clock.Today)
        {
            return EvaluationErrors.QuarterNotOver(quarter.Year, quarter.Number);
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        return await EvaluationGeneration.GenerateAsync(db, db.Dealers.VisibleTo(actor), quarter, clock, options, ct);
    }

    public async Task<Result<EvaluationDetails>> ConfirmAsync(ConfirmEvaluation request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(EvaluationPermissions.Evaluate) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        var outcome = request.Outcome!.Value;
        var comment = string.IsNullOrWhiteSpace(request.Comment) ? null : request.Comment.Trim();
        await using var db = await dbFactory.OpenAsync(actor, ct);
        var evaluation = await db.DealerEvaluations
            .Where(e => e.Id == request.Id && db.Dealers.VisibleTo(actor).Any(d => d.Id == e.DealerId))
            .SingleOrDefaultAsync(ct);
        if (evaluation is null)
        {
            return EvaluationErrors.NotFound(request.Id);
        }

        if (evaluation.Version != request.Version)
        {
            return Error.StaleVersion("DealerEvaluation", request.Version!.Value, evaluation.Version, (await queries.GetAsync(actor, evaluation.Id, ct)).Value);
        }

        if (evaluation.Status != EvaluationStatus.Proposed)
        {
            return EvaluationErrors.NotProposed(evaluation.Status);
        }

        if (outcome != evaluation.ProposedOutcome && comment is null)
        {
            return Error.Invalid("comment", "required");
        }

        Guid? tierChangeId = null;
        if (outcome is EvaluationOutcome.TierUp or EvaluationOutcome.TierDown)
        {
            var account = await db.Dealers.Where(d => d.Id == evaluation.DealerId).Select(d => d.CustomerId).FirstAsync(ct);
            var tier = (await DealerAccounts.TiersAsync(db, [account], clock.Today, ct))[account];
            if (DealerScorecard.TierAfter(tier, outcome) is not { } to)
            {
                return EvaluationErrors.NoTierBeyond(outcome, tier);
            }

            // The change takes effect at the start of next month; the director approves it like any other tier change.
            var effective = new DateOnly(clock.Today.Year, clock.Today.Month, 1).AddMonths(1);
            var reason = comment ?? string.Create(CultureInfo.InvariantCulture, $"{evaluation.Year}-Q{evaluation.Quarter} {evaluation.Total:0.00}");
            var requested = await lifecycle.RequestTierChangeAsync(new RequestTierChange(evaluation.DealerId, to, effective, reason), actor, ct);
            if (!requested.IsSuccess)
            {
                return requested.Error!;
            }

            tierChangeId = requested.Value!.Id;
        }

        var confirmed = evaluation.Confirm(outcome, comment, actor.UserName, clock.UtcNow, tierChangeId);
        if (!confirmed.IsSuccess)
        {
            return confirmed.Error!;
        }

        if (await db.SaveOrConflictAsync("DealerEvaluation", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, evaluation.Id, ct);
    }
}

/// <summary>The one way a quarter's evaluations are generated (on demand, by the job after the quarter, in the demo).</summary>
internal static class EvaluationGeneration
{
    /// <summary>The dealers a quarter evaluates: trading or suspended ones that were active by the quarter's end.</summary>
    internal static IQueryable<Dealer> Evaluated(IQueryable<Dealer> dealers, Period quarter) =>
        dealers.Where(d => (d.Status == DealerStatus.Active || d.Status == DealerStatus.Suspended) && (d.ActivatedOn == null || d.ActivatedOn <= quarter.End));

    /// <summary>
    /// Creates the missing evaluations of the dealers given (already scoped) and measures the Proposed ones again; Confirmed ones are
    /// left alone. The use case, the job and the demo all generate through here, on a context that tracks nothing yet.
    /// </summary>
    internal static async Task<Result<GenerateResult>> GenerateAsync(
        SalesFlowDbContext db, IQueryable<Dealer> dealers, Period quarter, CompanyClock clock, DealerEvaluationOptions options, CancellationToken ct)
    {
        await SalesSummaries.CatchUpAsync(db, ct);
        var accounts = await Evaluated(dealers, quarter).Select(d => new { d.Id, d.CustomerId }).ToListAsync(ct);
        var tiers = await DealerAccounts.TiersAsync(db, [.. accounts.Select(a => a.CustomerId)], quarter.End, ct);
        var evaluated = accounts.Select(a => new EvaluatedDealer(a.Id, a.CustomerId, tiers[a.CustomerId])).ToList();
        var ids = evaluated.Select(d => d.Id).ToList();
        var existing = await db.DealerEvaluations.Where(e => e.Year == quarter.Year && e.Quarter == quarter.Number && EF.Parameter(ids).Contains(e.DealerId))
            .ToDictionaryAsync(e => e.DealerId, ct);
        var open = evaluated.Where(d => !existing.TryGetValue(d.Id, out var e) || e.Status == EvaluationStatus.Proposed).ToList();
        var facts = await EvaluationFactQueries.MeasureAsync(db, open, quarter, clock.Today, clock, options, ct);
        var (created, updated) = (0, 0);
        foreach (var dealer in open)
        {
            if (!existing.TryGetValue(dealer.Id, out var evaluation))
            {
                evaluation = new DealerEvaluation(dealer.Id, quarter.Year, quarter.Number);
                db.DealerEvaluations.Add(evaluation);
                created++;
            }
            else
            {
                updated++;
            }

            evaluation.Measure(facts[dealer.Id], dealer.Tier, options);
        }

        if (await db.SaveOrConflictAsync("DealerEvaluation", ct) is { } conflict)
        {
            return conflict;
        }

        return new GenerateResult(quarter.Year, quarter.Number, created, updated, evaluated.Count - open.Count);
    }
}
