using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.Planning.Plans;

namespace SalesFlow.Core.Planning.Reviews;

// Month: 2027-01; last month when empty.
public sealed record CreateReview(string? Month = null, Guid? OwnerId = null);

public sealed record ReviewLineComment(Guid Id, [property: StringLength(MonthlyReviewLine.CommentMaxLength)] string? Comment);

public sealed record UpdateReview(
    Guid Id,
    [property: StringLength(MonthlyReview.TextMaxLength)] string? VarianceReasons,
    [property: StringLength(MonthlyReview.TextMaxLength)] string? CompetitorMoves,
    [property: StringLength(MonthlyReview.TextMaxLength)] string? NextSteps,
    IReadOnlyList<ReviewLineComment>? Lines,
    [property: Required] int? Version);

public enum ReviewStep
{
    Refresh,
    Submit,
    SignOff,
    Return,
}

public sealed record ChangeReviewStatus(Guid Id, ReviewStep Step, string? Comment = null, int? Version = null);

/// <summary>
/// 销售回顾: the owner's monthly review. Its lines are the union of the month's approved plan lines and the owner's actuals
/// per customer × product (<see cref="SalesActuals.Sales"/>, grouped in SQL) — never typed.
/// </summary>
public sealed class ReviewHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, PlanningOptions options, ReviewQueries queries)
{
    public async Task<Result<ReviewDetails>> CreateAsync(CreateReview request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.SubmitPlans) is { } denied)
        {
            return denied;
        }

        var month = PlanningDeadlines.ReviewMonthOn(clock.Today);
        if (request.Month is { Length: > 0 } text && !PlanMonths.TryParse(text, out month))
        {
            return PlanErrors.BadMonth(text);
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var caller = await PlanOwners.CallerAsync(db, actor, request.OwnerId, ct);
        if (!caller.IsSuccess)
        {
            return caller.Error!;
        }

        var (ownerType, me, ownerUnitId) = caller.Value;

        var start = month.Start;
        if (await db.MonthlyReviews.AnyAsync(r => r.OwnerType == ownerType && r.OwnerId == me && r.MonthStart == start, ct))
        {
            return ReviewErrors.Duplicate(month.ToString());
        }

        var review = new MonthlyReview(month, ownerType, me, ownerUnitId, null);
        var (planId, lines) = await ReviewLines.PrefillAsync(db, ownerType, me, month, ct);
        review.Fill(planId, lines);
        db.MonthlyReviews.Add(review);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, review.Id, ct);
    }

    public async Task<Result<ReviewDetails>> UpdateAsync(UpdateReview request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PlanningPermissions.SubmitPlans) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        foreach (var line in request.Lines ?? [])
        {
            if (RequestValidation.Check(line) is { } badLine)
            {
                return badLine;
            }
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var review = loaded.Value!;
        if (!PlanOwners.IsSelf(actor, review.OwnerType, review.OwnerId))
        {
            return PlanErrors.NotOwner;
        }

        var comments = (request.Lines ?? []).GroupBy(l => l.Id).ToDictionary(g => g.Key, g => g.Last().Comment);
        var written = review.Write(request.VarianceReasons, request.CompetitorMoves, request.NextSteps, comments);
        if (!written.IsSuccess)
        {
            return written.Error!;
        }

        db.Entry(review).State = EntityState.Modified;
        if (await db.SaveOrConflictAsync("MonthlyReview", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, review.Id, ct);
    }

    public async Task<Result<ReviewDetails>> ChangeStatusAsync(ChangeReviewStatus request, Actor actor, CancellationToken ct)
    {
        var ownerStep = request.Step is ReviewStep.Refresh or ReviewStep.Submit;
        if (actor.Require(ownerStep ? PlanningPermissions.SubmitPlans : PlanningPermissions.ApprovePlans) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var review = loaded.Value!;
        var mine = PlanOwners.IsSelf(actor, review.OwnerType, review.OwnerId);
        if (ownerStep && !mine)
        {
            return PlanErrors.NotOwner;
        }

        if (!ownerStep && mine)
        {
            return PlanErrors.OwnPlan;
        }

        Result done;
        switch (request.Step)
        {
            case ReviewStep.Refresh:
                if (!review.IsEditable)
                {
                    return ReviewErrors.NotEditable(review.Status);
                }

                var (planId, lines) = await ReviewLines.PrefillAsync(db, review.OwnerType, review.OwnerId, PlanMonths.Of(review.MonthStart), ct);
                done = review.Fill(planId, lines);
                db.Entry(review).State = EntityState.Modified;
                break;
            case ReviewStep.Submit:
                done = review.Submit(clock.Today, options.VarianceNoteThresholdPercent);
                break;
            case ReviewStep.SignOff:
                done = review.SignOff(actor.UserName, clock.UtcNow, request.Comment);
                break;
            default:
                done = review.Return(actor.UserName, clock.UtcNow, request.Comment);
                break;
        }

        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (await db.SaveOrConflictAsync("MonthlyReview", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, review.Id, ct);
    }

    private async Task<Result<MonthlyReview>> LoadAsync(SalesFlowDbContext db, Actor actor, Guid id, int? version, CancellationToken ct)
    {
        var review = await db.MonthlyReviews.VisibleTo(actor).Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (review is null)
        {
            return ReviewErrors.NotFound(id);
        }

        if (version is { } sent && sent != review.Version)
        {
            return Error.StaleVersion("MonthlyReview", sent, review.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return review;
    }
}

/// <summary>
/// Plan vs. actual per customer × product for one owner and month, both sides grouped in SQL: a person's actual is the
/// orders they own, a dealer's its sell-in (its own account's orders).
/// </summary>
public static class ReviewLines
{
    public static async Task<(Guid? PlanId, List<MonthlyReviewLine> Lines)> PrefillAsync(
        SalesFlowDbContext db, PlanOwnerType ownerType, Guid ownerId, Period month, CancellationToken ct)
    {
        var start = month.Start;
        var planId = await db.MonthlyPlans.AsNoTracking()
            .Where(p => p.OwnerType == ownerType && p.OwnerId == ownerId && p.MonthStart == start && p.Status == PlanStatus.Approved)
            .Select(p => (Guid?)p.Id).SingleOrDefaultAsync(ct);
        var planned = planId is { } id
            ? await db.MonthlyPlanLines.AsNoTracking().Where(l => l.PlanId == id)
                .GroupBy(l => new { l.CustomerId, l.ProductId })
                .Select(g => new { g.Key.CustomerId, g.Key.ProductId, Quantity = g.Sum(l => l.Quantity), Amount = g.Sum(l => l.Amount) })
                .ToListAsync(ct)
            : [];
        var sales = SalesActuals.Sales(db, month.Start, month.End);
        var actual = await (ownerType == PlanOwnerType.Dealer ? sales.Where(f => f.DealerId == ownerId) : sales.Where(f => f.OwnerId == ownerId))
            .GroupBy(f => new { f.CustomerId, f.ProductId })
            .Select(g => new { g.Key.CustomerId, g.Key.ProductId, Quantity = g.Sum(f => f.Quantity), Amount = g.Sum(f => f.Amount) })
            .ToListAsync(ct);

        var rows = new Dictionary<(Guid? Customer, Guid Product), (decimal PQ, decimal PA, decimal AQ, decimal AA)>();
        foreach (var p in planned)
        {
            rows[(p.CustomerId, p.ProductId)] = (p.Quantity, p.Amount, 0m, 0m);
        }

        foreach (var a in actual)
        {
            var key = ((Guid?)a.CustomerId, a.ProductId);
            var row = rows.GetValueOrDefault(key);
            rows[key] = (row.PQ, row.PA, a.Quantity, a.Amount);
        }

        var lines = rows.OrderByDescending(r => Math.Max(r.Value.PA, r.Value.AA)).ThenBy(r => r.Key.Customer).ThenBy(r => r.Key.Product)
            .Select(r => new MonthlyReviewLine(r.Key.Customer, r.Key.Product, r.Value.PQ, r.Value.PA, r.Value.AQ, r.Value.AA))
            .ToList();
        return (planId, lines);
    }
}
