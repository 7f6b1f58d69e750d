using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Plans;

namespace SalesFlow.Core.Planning.Reviews;

public sealed record ReviewRow(
    Guid Id, string Month, Guid OwnerId, string OwnerName, Guid OrgUnitId, string OrgUnitName, ReviewStatus Status, DateOnly DueDate,
    DateOnly? SubmittedOn, bool SubmittedLate, bool Late, decimal PlannedAmount, decimal ActualAmount, string? DecidedBy, int Version);

public sealed record ReviewLineRow(
    Guid Id, Guid? CustomerId, string? CustomerName, Guid ProductId, string Sku, string ProductName,
    decimal PlannedQuantity, decimal PlannedAmount, decimal ActualQuantity, decimal ActualAmount, decimal Variance, string? Comment);

public sealed record ReviewDetails(
    Guid Id, string Month, PlanOwnerType OwnerType, Guid OwnerId, string OwnerName, Guid OrgUnitId, string OrgUnitName, Guid? PlanId, ReviewStatus Status,
    DateOnly DueDate, DateOnly? SubmittedOn, bool SubmittedLate, bool Late, decimal PlannedAmount, decimal ActualAmount, bool VarianceNeedsReasons,
    string? VarianceReasons, string? CompetitorMoves, string? NextSteps, string? ManagerComment, string? DecidedBy, DateTime? DecidedAtUtc,
    IReadOnlyList<ReviewLineRow> Lines, bool CanEdit, bool CanDecide, int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record ReviewFilter(string? Month = null, ReviewStatus? Status = null, Guid? OwnerId = null, bool Waiting = false, bool Mine = false);

public sealed class ReviewQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, PlanningOptions options)
{
    public static readonly SortWhitelist<MonthlyReview> Sorts = new(
        "-month",
        SortOption<MonthlyReview>.By("month", r => r.MonthStart),
        SortOption<MonthlyReview>.By("actual", r => r.ActualAmount),
        SortOption<MonthlyReview>.By("dueDate", r => r.DueDate));

    public async Task<Result<Page<ReviewRow>>> ListAsync(Actor actor, ReviewFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewPlans) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.MonthlyReviews.AsNoTracking().VisibleTo(actor);
        if (filter.Month is { Length: > 0 } text)
        {
            if (!PlanMonths.TryParse(text, out var month))
            {
                return PlanErrors.BadMonth(text);
            }

            var start = month.Start;
            query = query.Where(r => r.MonthStart == start);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(r => r.OwnerId == owner);
        }

        var (myType, me) = PlanOwners.Self(actor);
        if (filter.Mine)
        {
            query = query.Where(r => r.OwnerType == myType && r.OwnerId == me);
        }

        if (filter.Waiting)
        {
            query = actor.Can(PlanningPermissions.ApprovePlans)
                ? query.Where(r => r.Status == ReviewStatus.Submitted && !(r.OwnerType == myType && r.OwnerId == me))
                : query.Where(r => false);
        }

        var today = clock.Today;
        return await Sorts.PageAsync(query, page, r => new ReviewRow(
            r.Id, r.Month, r.OwnerId, (r.OwnerType == PlanOwnerType.Employee
                ? db.Employees.Where(e => e.Id == r.OwnerId).Select(e => e.Name).FirstOrDefault()
                : db.Dealers.Where(d => d.Id == r.OwnerId).Select(d => d.Name).FirstOrDefault()) ?? "", r.OrgUnitId,
            db.OrgUnits.Where(u => u.Id == r.OrgUnitId).Select(u => u.Name).First(), r.Status, r.DueDate, r.SubmittedOn, r.SubmittedLate,
            r.SubmittedLate || (r.SubmittedOn == null && r.DueDate < today), r.PlannedAmount, r.ActualAmount, r.DecidedBy, r.Version), ct);
    }

    public async Task<Result<ReviewDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.ViewPlans) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.MonthlyReviews.AsNoTracking().VisibleTo(actor).Where(r => r.Id == id)
            .Select(r => new
            {
                Review = r,
                OwnerName = (r.OwnerType == PlanOwnerType.Employee
                ? db.Employees.Where(e => e.Id == r.OwnerId).Select(e => e.Name).FirstOrDefault()
                : db.Dealers.Where(d => d.Id == r.OwnerId).Select(d => d.Name).FirstOrDefault()) ?? "",
                UnitName = db.OrgUnits.Where(u => u.Id == r.OrgUnitId).Select(u => u.Name).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return ReviewErrors.NotFound(id);
        }

        var lines = (await db.MonthlyReviewLines.AsNoTracking().Where(l => l.ReviewId == id)
                .Select(l => new
                {
                    Line = l,
                    CustomerName = db.Customers.Where(c => c.Id == l.CustomerId).Select(c => c.Name).FirstOrDefault(),
                    Sku = db.Products.Where(x => x.Id == l.ProductId).Select(x => x.Sku).First(),
                    ProductName = db.Products.Where(x => x.Id == l.ProductId).Select(x => x.NameZh).First(),
                })
                .ToListAsync(ct))
            .OrderByDescending(x => Math.Max(x.Line.PlannedAmount, x.Line.ActualAmount)).ThenBy(x => x.CustomerName, StringComparer.Ordinal).ThenBy(x => x.Sku, StringComparer.Ordinal)
            .Select(x => new ReviewLineRow(
                x.Line.Id, x.Line.CustomerId, x.CustomerName, x.Line.ProductId, x.Sku, x.ProductName, x.Line.PlannedQuantity, x.Line.PlannedAmount,
                x.Line.ActualQuantity, x.Line.ActualAmount, x.Line.ActualAmount - x.Line.PlannedAmount, x.Line.Comment))
            .ToList();
        var r = found.Review;
        var mine = PlanOwners.IsSelf(actor, r.OwnerType, r.OwnerId);
        return new ReviewDetails(
            r.Id, r.Month, r.OwnerType, r.OwnerId, found.OwnerName, r.OrgUnitId, found.UnitName, r.PlanId, r.Status, r.DueDate, r.SubmittedOn, r.SubmittedLate,
            r.SubmittedLate || (r.SubmittedOn is null && r.DueDate < clock.Today), r.PlannedAmount, r.ActualAmount,
            r.VarianceAbove(options.VarianceNoteThresholdPercent), r.VarianceReasons, r.CompetitorMoves, r.NextSteps, r.ManagerComment, r.DecidedBy, r.DecidedAtUtc, lines,
            CanEdit: mine && r.IsEditable && actor.Can(PlanningPermissions.SubmitPlans),
            CanDecide: !mine && r.Status == ReviewStatus.Submitted && actor.Can(PlanningPermissions.ApprovePlans),
            r.Version, r.CreatedAtUtc, r.CreatedBy, r.UpdatedAtUtc, r.UpdatedBy);
    }
}
