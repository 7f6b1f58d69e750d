using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers.Evaluations;

public sealed record EvaluationRow(
    Guid Id, Guid DealerId, string DealerCode, string DealerName, Guid RegionId, string RegionName, DealerTier Tier, int Year, int Quarter,
    decimal? TargetScore, decimal? SellThroughScore, decimal? InventoryScore, decimal? PaymentScore, decimal? CoverageScore, decimal? ComplianceScore,
    decimal Total, EvaluationOutcome ProposedOutcome, EvaluationStatus Status, EvaluationOutcome? ConfirmedOutcome, int Version);

public sealed record EvaluationDetails(
    Guid Id, Guid DealerId, string DealerCode, string DealerName, Guid RegionId, string RegionName, DealerTier Tier, int Year, int Quarter,
    EvaluationFacts Facts, IReadOnlyList<CriterionScore> Criteria, decimal Total, EvaluationOutcome ProposedOutcome, EvaluationStatus Status,
    EvaluationOutcome? ConfirmedOutcome, string? Comment, string? ConfirmedBy, DateTime? ConfirmedAtUtc, Guid? TierChangeId,
    int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

/// <summary>Filters of the list; <see cref="Outcome"/> matches the confirmed outcome, or the proposed one while not confirmed.</summary>
public sealed record EvaluationFilter(
    int? Year = null, int? Quarter = null, Guid? RegionId = null, EvaluationOutcome? Outcome = null, EvaluationStatus? Status = null, Guid? DealerId = null);

/// <summary>The quarterly evaluations, internal only (dealer users hold no <see cref="DealerPermissions.ViewFile"/>), scoped by <see cref="DealerScope"/>.</summary>
public sealed class EvaluationQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, DealerEvaluationOptions options)
{
    public static readonly SortWhitelist<DealerEvaluation> Sorts = new(
        "total",
        SortOption<DealerEvaluation>.By("total", e => e.Total),
        SortOption<DealerEvaluation>.By("period", e => (e.Year * 10) + e.Quarter),
        SortOption<DealerEvaluation>.By("createdAt", e => e.CreatedAtUtc));

    public async Task<Result<Page<EvaluationRow>>> ListAsync(Actor actor, EvaluationFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.ViewFile) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Dealers.VisibleTo(actor);
        var query = db.DealerEvaluations.AsNoTracking().Where(e => visible.Any(d => d.Id == e.DealerId));
        if (filter.Year is { } year)
        {
            query = query.Where(e => e.Year == year);
        }

        if (filter.Quarter is { } quarter)
        {
            query = query.Where(e => e.Quarter == quarter);
        }

        if (filter.RegionId is { } region)
        {
            query = query.Where(e => db.Dealers.Any(d => d.Id == e.DealerId && d.RegionId == region));
        }

        if (filter.DealerId is { } dealer)
        {
            query = query.Where(e => e.DealerId == dealer);
        }

        if (filter.Outcome is { } outcome)
        {
            query = query.Where(e => e.ConfirmedOutcome == outcome || (e.ConfirmedOutcome == null && e.ProposedOutcome == outcome));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(e => e.Status == status);
        }

        return await Sorts.PageAsync(query, page, e => new EvaluationRow(
            e.Id, e.DealerId,
            db.Dealers.Where(d => d.Id == e.DealerId).Select(d => d.Code).First(),
            db.Dealers.Where(d => d.Id == e.DealerId).Select(d => d.Name).First(),
            db.Dealers.Where(d => d.Id == e.DealerId).Select(d => d.RegionId).First(),
            db.Dealers.Where(d => d.Id == e.DealerId).SelectMany(d => db.OrgUnits.Where(u => u.Id == d.RegionId).Select(u => u.Name)).First(),
            e.Tier, e.Year, e.Quarter, e.TargetScore, e.SellThroughScore, e.InventoryScore, e.PaymentScore, e.CoverageScore, e.ComplianceScore,
            e.Total, e.ProposedOutcome, e.Status, e.ConfirmedOutcome, e.Version), ct);
    }

    public async Task<Result<EvaluationDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.ViewFile) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await (from x in db.DealerEvaluations.AsNoTracking()
                           join d in db.Dealers.VisibleTo(actor) on x.DealerId equals d.Id
                           where x.Id == id
                           select new { Evaluation = x, d.Code, d.Name, d.RegionId, RegionName = db.OrgUnits.Where(u => u.Id == d.RegionId).Select(u => u.Name).First() })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return EvaluationErrors.NotFound(id);
        }

        var e = found.Evaluation;
        var card = DealerScorecard.Weigh(e.Scores, e.Weights, e.Tier, options);
        return new EvaluationDetails(
            e.Id, e.DealerId, found.Code, found.Name, found.RegionId, found.RegionName, e.Tier, e.Year, e.Quarter, e.Facts, card.Criteria, e.Total,
            e.ProposedOutcome, e.Status, e.ConfirmedOutcome, e.Comment, e.ConfirmedBy, e.ConfirmedAtUtc, e.TierChangeId,
            e.Version, e.CreatedAtUtc, e.CreatedBy, e.UpdatedAtUtc, e.UpdatedBy);
    }
}
