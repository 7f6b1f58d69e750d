using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.FieldWork.Visits;

namespace SalesFlow.Core.Stores;

public sealed record StoreRow(
    Guid Id, string Code, string Name, StoreClass Class, Guid? DealerId, string? DealerName, string Province, string City, string? OwnerName,
    bool IsActive, int VisitsPerMonth, int VisitsThisMonth = 0, decimal? VisitCompliance = null);

/// <summary>A store as its page shows it, with its class's visit frequency and distribution standard (product lines and how many active products they hold).</summary>
public sealed record StoreDetails(
    Guid Id, string Code, string Name, StoreClass Class, Guid? DealerId, string? DealerName, string Province, string City, string? Address,
    string? ContactName, string? Phone, string? OwnerName, bool IsActive, int VisitsPerMonth, IReadOnlyList<StoreStandardLine> Standard, int Version,
    int VisitsThisMonth = 0, decimal? VisitCompliance = null, StoreCheckSummary? ChecksThisMonth = null);

public sealed record StoreStandardLine(string ProductLine, int ActiveProducts);

public sealed record StoreFilter(string? Q = null, StoreClass? Class = null, Guid? DealerId = null, string? City = null, bool? Active = null);

/// <summary>
/// Stores with their class's rhythm. Visit compliance per store = store visits done this month ÷ the visits its class
/// requires per month (<see cref="StoreOptions.VisitsPerMonth"/>), the ratio rule of <see cref="VisitComplianceQueries"/>.
/// </summary>
public sealed class StoreQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, StoreOptions options, CompanyClock clock, StoreCheckQueries checks)
{
    public static readonly SortWhitelist<Store> Sorts = new("code", SortOption<Store>.By("code", s => s.Code), SortOption<Store>.By("name", s => s.Name));

    public async Task<Result<Page<StoreRow>>> ListAsync(Actor actor, StoreFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(StorePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Stores.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(s => s.Name.Contains(q) || s.Code.Contains(q) || (s.Address != null && s.Address.Contains(q)));
        }

        if (filter.Class is { } storeClass)
        {
            query = query.Where(s => s.Class == storeClass);
        }

        if (filter.DealerId is { } dealerId)
        {
            query = query.Where(s => s.DealerId == dealerId);
        }

        if (!string.IsNullOrWhiteSpace(filter.City))
        {
            var city = filter.City.Trim();
            query = query.Where(s => s.City == city);
        }

        if (filter.Active is { } active)
        {
            query = query.Where(s => s.IsActive == active);
        }

        var (first, last) = ThisMonth();
        var paged = await Sorts.PageAsync(query, page, s => new StoreRow(
            s.Id, s.Code, s.Name, s.Class, s.DealerId, db.Dealers.Where(d => d.Id == s.DealerId).Select(d => d.Name).FirstOrDefault(), s.Province, s.City,
            db.Employees.Where(e => e.Id == s.OwnerId).Select(e => e.Name).FirstOrDefault(), s.IsActive, 0,
            db.Visits.Count(v => v.StoreId == s.Id && v.Status == VisitStatus.Done && v.Date >= first && v.Date <= last), null), ct);
        if (!paged.IsSuccess)
        {
            return paged.Error!;
        }

        return new Page<StoreRow>(
            paged.Value!.Items.Select(r => r with
            {
                VisitsPerMonth = options.VisitsOf(r.Class),
                VisitCompliance = VisitComplianceQueries.Ratio(options.VisitsOf(r.Class), r.VisitsThisMonth),
            }).ToList(),
            paged.Value.NextCursor,
            paged.Value.TotalCount);
    }

    public async Task<Result<StoreDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(StorePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (first, last) = ThisMonth();
        var found = await db.Stores.AsNoTracking().VisibleTo(actor).Where(s => s.Id == id)
            .Select(s => new
            {
                Store = s,
                VisitsThisMonth = db.Visits.Count(v => v.StoreId == s.Id && v.Status == VisitStatus.Done && v.Date >= first && v.Date <= last),
                DealerName = db.Dealers.Where(d => d.Id == s.DealerId).Select(d => d.Name).FirstOrDefault(),
                OwnerName = db.Employees.Where(e => e.Id == s.OwnerId).Select(e => e.Name).FirstOrDefault(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return StoreErrors.NotFound(id);
        }

        var s = found.Store;
        var lines = options.LinesOf(s.Class);
        var counts = await db.Products.AsNoTracking().Where(p => p.IsActive && lines.Contains(p.ProductLine))
            .GroupBy(p => p.ProductLine).Select(g => new { Line = g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Line, x => x.Count, ct);
        return new StoreDetails(
            s.Id, s.Code, s.Name, s.Class, s.DealerId, found.DealerName, s.Province, s.City, s.Address, s.ContactName, s.Phone, found.OwnerName,
            s.IsActive, options.VisitsOf(s.Class), lines.Select(l => new StoreStandardLine(l, counts.GetValueOrDefault(l))).ToList(), s.Version,
            found.VisitsThisMonth, VisitComplianceQueries.Ratio(options.VisitsOf(s.Class), found.VisitsThisMonth),
            (await checks.SummaryAsync(actor, new StoreCheckFilter(StoreId: id), first, ct)).Value);
    }

    private (DateOnly First, DateOnly Last) ThisMonth()
    {
        var today = clock.Today;
        var first = new DateOnly(today.Year, today.Month, 1);
        return (first, first.AddMonths(1).AddDays(-1));
    }
}
