using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Stores;

public sealed record StoreCheckRow(
    Guid Id, Guid VisitId, Guid StoreId, string StoreCode, string StoreName, StoreClass StoreClass, Guid? DealerId, string? DealerName,
    Guid OwnerId, string OwnerName, DateOnly Date, bool ShelfDisplayOk, bool StockOk, bool PriceOk, int StaffAsked, int StaffRecommending,
    decimal? RecommendRate, IReadOnlyList<string> MissingLines, string? Notes);

/// <summary>A month's store checks added up (for a store, a dealer, a visitor or the caller's whole scope): counts and the 店员主推率.</summary>
public sealed record StoreCheckSummary(
    DateOnly Month, int Checks, int ShelfOk, int StockOk, int PriceOk, int StaffAsked, int StaffRecommending, decimal? RecommendRate);

/// <summary><see cref="Month"/> is the first day of a month; checks dated in it are counted.</summary>
public sealed record StoreCheckFilter(Guid? StoreId = null, Guid? DealerId = null, Guid? OwnerId = null, DateOnly? Month = null);

/// <summary>
/// Store checks as the caller may see them: those of the stores in its <see cref="StoreScope"/> (an area manager's
/// dealers' stores, dealer staff's dealer's stores, a dealer user's own). Sums are taken in SQL.
/// </summary>
public sealed class StoreCheckQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<StoreCheck> Sorts = new("-date", SortOption<StoreCheck>.By("date", c => c.Date));

    public async Task<Result<Page<StoreCheckRow>>> ListAsync(Actor actor, StoreCheckFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(StorePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (filter.StoreId is { } storeId && !await db.Stores.VisibleTo(actor).AnyAsync(s => s.Id == storeId, ct))
        {
            return StoreErrors.NotFound(storeId);
        }

        return await Sorts.PageAsync(Filtered(db, actor, filter), page, c => new StoreCheckRow(
            c.Id, c.VisitId, c.StoreId,
            db.Stores.Where(s => s.Id == c.StoreId).Select(s => s.Code).First(),
            db.Stores.Where(s => s.Id == c.StoreId).Select(s => s.Name).First(),
            db.Stores.Where(s => s.Id == c.StoreId).Select(s => s.Class).First(),
            c.DealerId, db.Dealers.Where(d => d.Id == c.DealerId).Select(d => d.Name).FirstOrDefault(),
            c.OwnerId, db.Employees.Where(e => e.Id == c.OwnerId).Select(e => e.Name).First(),
            c.Date, c.ShelfDisplayOk, c.StockOk, c.PriceOk, c.StaffAsked, c.StaffRecommending,
            StoreCheck.RecommendRate(c.StaffAsked, c.StaffRecommending),
            c.MissingLines, c.Notes), ct);
    }

    public async Task<Result<StoreCheckSummary>> SummaryAsync(Actor actor, StoreCheckFilter filter, DateOnly month, CancellationToken ct)
    {
        if (actor.Require(StorePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (filter.StoreId is { } storeId && !await db.Stores.VisibleTo(actor).AnyAsync(s => s.Id == storeId, ct))
        {
            return StoreErrors.NotFound(storeId);
        }

        var sums = await Filtered(db, actor, filter with { Month = month })
            .GroupBy(_ => 1)
            .Select(g => new
            {
                Checks = g.Count(),
                Shelf = g.Count(c => c.ShelfDisplayOk),
                Stock = g.Count(c => c.StockOk),
                Price = g.Count(c => c.PriceOk),
                Asked = g.Sum(c => c.StaffAsked),
                Recommending = g.Sum(c => c.StaffRecommending),
            })
            .SingleOrDefaultAsync(ct);
        return sums is null
            ? new StoreCheckSummary(month, 0, 0, 0, 0, 0, 0, null)
            : new StoreCheckSummary(month, sums.Checks, sums.Shelf, sums.Stock, sums.Price, sums.Asked, sums.Recommending, StoreCheck.RecommendRate(sums.Asked, sums.Recommending));
    }

    /// <summary>The checks of the filter within the caller's stores; a month keeps the checks dated in it.</summary>
    internal static IQueryable<StoreCheck> Filtered(SalesFlowDbContext db, Actor actor, StoreCheckFilter filter)
    {
        var visibleStores = db.Stores.VisibleTo(actor);
        var query = db.StoreChecks.AsNoTracking().Where(c => visibleStores.Any(s => s.Id == c.StoreId));
        if (filter.StoreId is { } storeId)
        {
            query = query.Where(c => c.StoreId == storeId);
        }

        if (filter.DealerId is { } dealerId)
        {
            query = query.Where(c => c.DealerId == dealerId);
        }

        if (filter.OwnerId is { } ownerId)
        {
            query = query.Where(c => c.OwnerId == ownerId);
        }

        if (filter.Month is { } month)
        {
            var first = new DateOnly(month.Year, month.Month, 1);
            var next = first.AddMonths(1);
            query = query.Where(c => c.Date >= first && c.Date < next);
        }

        return query;
    }
}
