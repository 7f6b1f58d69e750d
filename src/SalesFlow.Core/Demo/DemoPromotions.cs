using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Planning.Actuals;
using SalesFlow.Core.Promotions;

namespace SalesFlow.Core.Demo;

/// <summary>
/// The demo company's campaigns, read from the saved sell-in so their tracking shows real figures: this spring's
/// promotion (closed) of the three products dealers bought most, allocated to every trading dealer that bought them last
/// spring at 115 % of that (some reach it, some do not); this month's new-product launch (active) for 华东's dealers,
/// dealer.1's DLR-000001 among them, allocated at twice what each took so far; and a draft for next year's Spring Festival
/// stocking in 华北.
/// </summary>
internal static class DemoPromotions
{
    private static readonly Actor SalesOps = Actor.System with { UserName = "director" };

    public static async Task<int> AddAsync(IDbContextFactory<SalesFlowDbContext> dbFactory, DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(SalesOps, ct);
        var trading = await db.Dealers.Where(d => d.Status == DealerStatus.Active).Select(d => new { d.Id, d.RegionId }).ToListAsync(ct);
        if (trading.Count == 0)
        {
            return 0;
        }

        var ids = trading.Select(d => d.Id).ToList();
        var (spring, springEnd) = (new DateOnly(today.Year, 3, 1), new DateOnly(today.Year, 5, 31));
        var top = await SalesActuals.Sales(db, spring, springEnd).Where(f => f.DealerId != null)
            .GroupBy(f => f.ProductId).Select(g => new { ProductId = g.Key, Amount = g.Sum(f => f.Amount) })
            .OrderByDescending(x => x.Amount).Take(3).Select(x => x.ProductId).ToListAsync(ct);
        var lastSpring = await SalesActuals.Sales(db, spring.AddYears(-1), springEnd.AddYears(-1))
            .Where(f => f.DealerId != null && ids.Contains(f.DealerId.Value) && top.Contains(f.ProductId))
            .GroupBy(f => new { DealerId = f.DealerId!.Value, f.ProductId }).Select(g => new { g.Key.DealerId, g.Key.ProductId, Quantity = g.Sum(f => f.Quantity) })
            .ToListAsync(ct);

        var monthStart = new DateOnly(today.Year, today.Month, 1);
        var east = await db.OrgUnits.Where(u => u.Code == "HD").Select(u => u.Id).FirstOrDefaultAsync(ct);
        var eastDealers = trading.Where(d => d.RegionId == east).Select(d => d.Id).ToList();
        var recentFrom = monthStart.AddMonths(-1);
        // The launched products are two the region's first dealer (DLR-000001, dealer.1's) has started taking, so its portal shows the campaign.
        var first = await db.Dealers.Where(d => eastDealers.Contains(d.Id)).OrderBy(d => d.Code).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(ct);
        var launched = await SalesActuals.Sales(db, recentFrom, today).Where(f => f.DealerId == first)
            .GroupBy(f => f.ProductId).Select(g => new { ProductId = g.Key, Amount = g.Sum(f => f.Amount) })
            .OrderByDescending(x => x.Amount).Take(2).Select(x => x.ProductId).ToListAsync(ct);
        var launchTaken = await SalesActuals.Sales(db, recentFrom, today)
            .Where(f => f.DealerId != null && eastDealers.Contains(f.DealerId.Value) && launched.Contains(f.ProductId))
            .GroupBy(f => new { DealerId = f.DealerId!.Value, f.ProductId }).Select(g => new { g.Key.DealerId, g.Key.ProductId, Quantity = g.Sum(f => f.Quantity) })
            .ToListAsync(ct);
        var north = await db.OrgUnits.Where(u => u.Code == "HB").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);

        await using var transaction = await db.Database.BeginTransactionAsync(ct); // the numbers come from a counter
        var created = new List<Promotion>();
        async Task<Promotion> NewAsync(string name, PromotionKind kind, DateOnly from, DateOnly to, Guid? region, string terms, IEnumerable<Guid> products, decimal? discount, DateTime atUtc)
        {
            var number = await SequenceNumbers.NextAsync(db, Promotion.NumberPrefix, atUtc.Year, ct);
            var promotion = new Promotion(number, name, kind, from, to, region, terms);
            promotion.SetProducts(products.Select(p => (p, discount, (string?)null)), out _, out _);
            db.Promotions.Add(promotion);
            DemoHistory.Created(db, promotion, atUtc);
            created.Add(promotion);
            return promotion;
        }

        static DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(2, 0), DateTimeKind.Utc);

        // Spring: allocated from last spring's quantities, run and closed.
        var springPromotion = await NewAsync(
            $"{today.Year}年春季旺季促销", PromotionKind.Promotion, spring, springEnd, null, "活动期内进货满额返点，门店陈列费用由公司承担一半。", top, 3m, At(spring.AddDays(-20)));
        springPromotion.ReplaceAllocations(
            new HashSet<Guid>(ids), [.. lastSpring.Where(x => x.Quantity > 0).Select(x => (x.DealerId, x.ProductId, Math.Ceiling(x.Quantity * 1.15m / 10m) * 10m))], At(spring.AddDays(-10)), out _, out _);
        springPromotion.Activate(At(spring.AddDays(-5)));
        springPromotion.Close(At(springEnd.AddDays(3)));

        // This month's launch in 华东: allocated at twice what each dealer has taken since last month.
        if (launched.Count > 0)
        {
            var launch = await NewAsync(
                $"{today.Year}年冬季新品上市推广", PromotionKind.Launch, recentFrom, monthStart.AddMonths(1).AddDays(-1), east, "新品首批进货享受试销价，经销商需在重点门店完成陈列。", launched, null, At(recentFrom.AddDays(-7)));
            launch.ReplaceAllocations(
                new HashSet<Guid>(eastDealers), [.. launchTaken.Where(x => x.Quantity > 0).Select(x => (x.DealerId, x.ProductId, Math.Ceiling(x.Quantity * 2m / 10m) * 10m))], At(recentFrom.AddDays(-3)), out _, out _);
            launch.Activate(At(recentFrom.AddDays(-1)));
        }

        // Next year's Spring Festival stocking in 华北, still a draft.
        var festival = new DateOnly(today.Year + 1, 1, 10);
        await NewAsync($"{today.Year + 1}年春节备货促销", PromotionKind.Promotion, festival, festival.AddDays(45), north, "春节前备货，按进货量分档返利（方案待定）。", top.Take(2), 2m, At(today.AddDays(-2)));

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return created.Count;
    }
}
