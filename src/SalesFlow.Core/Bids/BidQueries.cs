using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Bids;

public sealed record BidRow(
    Guid Id, string Number, string Title, Guid CustomerId, string CustomerName, decimal EstimatedAmount, string Currency,
    DateOnly SubmissionDeadline, BidStatus Status, BidStep? CurrentStep, DateOnly? CurrentStepDue, bool Overdue, bool Escalated,
    Guid OwnerId, string OwnerName, DateTime CreatedAtUtc, int Version);

public sealed record BidStepRow(
    BidStep Step, Guid OwnerId, string OwnerName, DateOnly DueDate, DateTime? CompletedAtUtc, string? CompletedByName, string? Comment, bool Overdue);

public sealed record BidDetails(
    Guid Id, string Number, string Title, Guid CustomerId, string CustomerName, Guid? OpportunityId, string? OpportunityName,
    decimal EstimatedAmount, string Currency, DateOnly SubmissionDeadline, bool Escalated, BidStatus Status, BidStep? CurrentStep,
    string? TechnicalSpecs, decimal? PurchaseCost, int? LeadTimeDays, decimal? ProposedPrice, decimal? ApprovedPrice,
    decimal? MarginPercent, string? DocumentNumber, DateOnly? IssuedOn, string? ResultReason, string? Competitor, DateTime? ClosedAtUtc,
    Guid OwnerId, string OwnerName, IReadOnlyList<BidStepRow> Steps, int Version, DateTime CreatedAtUtc, string CreatedBy,
    DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record BidFilter(
    string? Q = null, BidStatus? Status = null, BidStep? Step = null, Guid? OwnerId = null, Guid? CustomerId = null, bool? Overdue = null);

public sealed record BidOutcomeCount(string Key, int Count, decimal Amount);

/// <summary>Won/lost/declined bids closed in a period, win rate, and the loss reasons and competitors behind them.</summary>
public sealed record BidResultReport(
    DateOnly From, DateOnly To, int Won, int Lost, int Declined, decimal WonAmount, decimal? WinRatePercent,
    IReadOnlyList<BidOutcomeCount> LossReasons, IReadOnlyList<BidOutcomeCount> Competitors);

public sealed class BidQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static readonly SortWhitelist<Bid> Sorts = new(
        "-createdAt",
        SortOption<Bid>.By("createdAt", b => b.CreatedAtUtc),
        SortOption<Bid>.By("deadline", b => b.SubmissionDeadline),
        SortOption<Bid>.By("amount", b => b.EstimatedAmount));

    public async Task<Result<Page<BidRow>>> ListAsync(Actor actor, BidFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(BidPermissions.View) is { } denied)
        {
            return denied;
        }

        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var steps = db.Set<BidStepRecord>();
        var query = db.Set<Bid>().AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(b => b.Number.Contains(q) || b.Title.Contains(q));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(b => b.Status == status);
        }

        if (filter.Step is { } step)
        {
            query = query.Where(b => b.CurrentStep == step);
        }

        if (filter.OwnerId is { } ownerId)
        {
            query = query.Where(b => b.OwnerId == ownerId);
        }

        if (filter.CustomerId is { } customerId)
        {
            query = query.Where(b => b.CustomerId == customerId);
        }

        if (filter.Overdue is { } overdue)
        {
            query = query.Where(b => steps.Any(s => s.BidId == b.Id && s.Step == b.CurrentStep && s.CompletedAtUtc == null && s.DueDate < today) == overdue);
        }

        return await Sorts.PageAsync(query, page, b => new BidRow(
            b.Id, b.Number, b.Title, b.CustomerId,
            db.Customers.Where(c => c.Id == b.CustomerId).Select(c => c.Name).First(),
            b.EstimatedAmount, b.Currency, b.SubmissionDeadline, b.Status, b.CurrentStep,
            steps.Where(s => s.BidId == b.Id && s.Step == b.CurrentStep).Select(s => (DateOnly?)s.DueDate).FirstOrDefault(),
            steps.Any(s => s.BidId == b.Id && s.Step == b.CurrentStep && s.CompletedAtUtc == null && s.DueDate < today),
            b.Escalated, b.OwnerId,
            db.Employees.Where(e => e.Id == b.OwnerId).Select(e => e.Name).First(),
            b.CreatedAtUtc, b.Version), ct);
    }

    public async Task<Result<BidDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(BidPermissions.View) is { } denied)
        {
            return denied;
        }

        var today = clock.Today;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Set<Bid>().AsNoTracking().VisibleTo(actor).Where(b => b.Id == id)
            .Select(b => new
            {
                Bid = b,
                CustomerName = db.Customers.Where(c => c.Id == b.CustomerId).Select(c => c.Name).First(),
                OpportunityName = db.Opportunities.Where(o => o.Id == b.OpportunityId).Select(o => o.Name).FirstOrDefault(),
                OwnerName = db.Employees.Where(e => e.Id == b.OwnerId).Select(e => e.Name).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return BidErrors.NotFound(id);
        }

        var steps = await db.Set<BidStepRecord>().AsNoTracking().Where(s => s.BidId == id)
            .Select(s => new
            {
                s.Step,
                s.OwnerId,
                s.DueDate,
                s.CompletedAtUtc,
                s.Comment,
                OwnerName = db.Employees.Where(e => e.Id == s.OwnerId).Select(e => e.Name).First(),
                CompletedByName = db.Employees.Where(e => e.Id == s.CompletedById).Select(e => e.Name).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var b = found.Bid;
        var stepRows = steps.OrderBy(s => s.Step)
            .Select(s => new BidStepRow(
                s.Step, s.OwnerId, s.OwnerName, s.DueDate, s.CompletedAtUtc, s.CompletedByName, s.Comment,
                b.Status == BidStatus.Open && s.Step == b.CurrentStep && s.CompletedAtUtc is null && s.DueDate < today))
            .ToList();
        var price = b.ApprovedPrice ?? b.ProposedPrice;
        decimal? margin = price is > 0 && b.PurchaseCost is { } cost
            ? decimal.Round((price.Value - cost) / price.Value * 100m, 1, MidpointRounding.AwayFromZero)
            : null;
        return new BidDetails(
            b.Id, b.Number, b.Title, b.CustomerId, found.CustomerName, b.OpportunityId, found.OpportunityName, b.EstimatedAmount, b.Currency,
            b.SubmissionDeadline, b.Escalated, b.Status, b.CurrentStep, b.TechnicalSpecs, b.PurchaseCost, b.LeadTimeDays, b.ProposedPrice,
            b.ApprovedPrice, margin, b.DocumentNumber, b.IssuedOn, b.ResultReason, b.Competitor, b.ClosedAtUtc, b.OwnerId, found.OwnerName,
            stepRows, b.Version, b.CreatedAtUtc, b.CreatedBy, b.UpdatedAtUtc, b.UpdatedBy);
    }

    /// <summary>Bids closed between the two company dates, grouped in SQL.</summary>
    public async Task<Result<BidResultReport>> ResultsAsync(Actor actor, DateOnly? from, DateOnly? to, CancellationToken ct)
    {
        if (actor.Require(BidPermissions.View) is { } denied)
        {
            return denied;
        }

        var end = to ?? clock.Today;
        var start = from ?? end.AddYears(-1);
        var startUtc = TimeZoneInfo.ConvertTimeToUtc(start.ToDateTime(TimeOnly.MinValue), clock.Zone);
        var endUtc = TimeZoneInfo.ConvertTimeToUtc(end.AddDays(1).ToDateTime(TimeOnly.MinValue), clock.Zone);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var closed = db.Set<Bid>().AsNoTracking().VisibleTo(actor)
            .Where(b => b.Status != BidStatus.Open && b.ClosedAtUtc >= startUtc && b.ClosedAtUtc < endUtc);
        var byStatus = await closed.GroupBy(b => b.Status)
            .Select(g => new { Status = g.Key, Count = g.Count(), Amount = g.Sum(b => b.ApprovedPrice ?? b.EstimatedAmount) })
            .ToListAsync(ct);
        var lost = closed.Where(b => b.Status == BidStatus.Lost);
        var reasons = await TopAsync(lost.GroupBy(b => b.ResultReason ?? ""), ct);
        var competitors = await TopAsync(lost.Where(b => b.Competitor != null && b.Competitor != "").GroupBy(b => b.Competitor!), ct);
        int CountOf(BidStatus s) => byStatus.FirstOrDefault(x => x.Status == s)?.Count ?? 0;
        var won = CountOf(BidStatus.Won);
        var lostCount = CountOf(BidStatus.Lost);
        decimal? winRate = won + lostCount == 0 ? null : decimal.Round(won * 100m / (won + lostCount), 1, MidpointRounding.AwayFromZero);
        return new BidResultReport(
            start, end, won, lostCount, CountOf(BidStatus.Declined), byStatus.FirstOrDefault(x => x.Status == BidStatus.Won)?.Amount ?? 0m,
            winRate, reasons, competitors);
    }

    private static async Task<IReadOnlyList<BidOutcomeCount>> TopAsync(IQueryable<IGrouping<string, Bid>> groups, CancellationToken ct) =>
        (await groups
            .Select(g => new { g.Key, Count = g.Count(), Amount = g.Sum(b => b.ApprovedPrice ?? b.EstimatedAmount) })
            .OrderByDescending(r => r.Count).ThenBy(r => r.Key).Take(20).ToListAsync(ct))
        .Select(r => new BidOutcomeCount(r.Key, r.Count, r.Amount)).ToList();
}
