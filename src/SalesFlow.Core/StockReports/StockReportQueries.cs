using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Actuals;

namespace SalesFlow.Core.StockReports;

/// <summary>A report in a list (no internal fields: a dealer user reads the same record).</summary>
public sealed record StockReportRow(
    Guid Id, Guid DealerId, string DealerCode, string DealerName, string Month, StockReportStatus Status, int LineCount, int FlaggedLines,
    DateTime? SubmittedAtUtc, int Version);

public sealed record StockReportLineRow(
    Guid Id, Guid ProductId, string Sku, string ProductNameZh, string ProductNameEn, string Unit, decimal Opening, decimal Purchases, decimal Sales,
    decimal Closing, IReadOnlyList<string> Flags, decimal Gap, decimal SellIn, decimal? DaysOfInventory, decimal? SellInRatio);

public sealed record StockReportDetails(
    Guid Id, Guid DealerId, string DealerCode, string DealerName, string Month, StockReportStatus Status, DateTime? SubmittedAtUtc,
    int LineCount, int FlaggedLines, IReadOnlyList<StockReportLineRow> Lines, int Version, DateTime CreatedAtUtc, string CreatedBy,
    DateTime UpdatedAtUtc, string UpdatedBy);

/// <summary>A flagged line of a submitted report, for the area manager (internal: names the dealer's area manager).</summary>
public sealed record StockAnomalyRow(
    Guid LineId, Guid ReportId, Guid DealerId, string DealerCode, string DealerName, string ManagerName, string Month, Guid ProductId, string Sku,
    string ProductNameZh, string ProductNameEn, string Unit, decimal Opening, decimal Purchases, decimal Sales, decimal Closing,
    IReadOnlyList<string> Flags, decimal Gap, decimal SellIn, decimal? DaysOfInventory, decimal? SellInRatio);

/// <summary>What a new report starts from: per product, last month's closing as the opening and our recorded sell-in as the purchases.</summary>
public sealed record StockReportDraftLine(Guid ProductId, string Sku, string ProductNameZh, string ProductNameEn, string Unit, decimal Opening, decimal SellIn);

public sealed record StockReportDraft(Guid DealerId, string DealerCode, string DealerName, string Month, Guid? ExistingReportId, IReadOnlyList<StockReportDraftLine> Lines);

public sealed record StockReportFilter(DateOnly? Month = null, Guid? DealerId = null, StockReportStatus? Status = null, bool? Flagged = null, string? Q = null);

public sealed record StockAnomalyFilter(DateOnly? Month = null, Guid? DealerId = null, StockFlags? Flag = null);

public sealed class StockReportQueries(IDbContextFactory<SalesFlowDbContext> dbFactory)
{
    public static readonly SortWhitelist<StockReport> Sorts = new(
        "-month",
        SortOption<StockReport>.By("month", r => r.Month),
        SortOption<StockReport>.By("flaggedLines", r => r.FlaggedLines));

    public static readonly SortWhitelist<StockReportLine> AnomalySorts = new(
        "report",
        SortOption<StockReportLine>.By("report", l => l.StockReportId),
        SortOption<StockReportLine>.By("gap", l => l.Gap));

    private sealed record RawRow(Guid Id, Guid DealerId, string DealerCode, string DealerName, DateOnly Month, StockReportStatus Status, int LineCount, int FlaggedLines, DateTime? SubmittedAtUtc, int Version);

    private sealed record RawAnomaly(
        Guid LineId, Guid ReportId, Guid DealerId, string DealerCode, string DealerName, string ManagerName, DateOnly Month, Guid ProductId, string Sku,
        string ProductNameZh, string ProductNameEn, string Unit, decimal Opening, decimal Purchases, decimal Sales, decimal Closing,
        StockFlags Flags, decimal Gap, decimal SellIn, decimal? DaysOfInventory, decimal? SellInRatio);

    public async Task<Result<Page<StockReportRow>>> ListAsync(Actor actor, StockReportFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(StockReportPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.StockReports.AsNoTracking().VisibleTo(db, actor);
        if (filter.Month is { } month)
        {
            query = query.Where(r => r.Month == month);
        }

        if (filter.DealerId is { } dealer)
        {
            query = query.Where(r => r.DealerId == dealer);
        }

        if (filter.Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        if (filter.Flagged is { } flagged)
        {
            query = flagged ? query.Where(r => r.FlaggedLines > 0) : query.Where(r => r.FlaggedLines == 0);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(r => db.Dealers.Any(d => d.Id == r.DealerId && (d.Code.Contains(q) || d.Name.Contains(q))));
        }

        var raw = await Sorts.PageAsync(query, page, r => new RawRow(
            r.Id, r.DealerId,
            db.Dealers.Where(d => d.Id == r.DealerId).Select(d => d.Code).First(),
            db.Dealers.Where(d => d.Id == r.DealerId).Select(d => d.Name).First(),
            r.Month, r.Status, r.LineCount, r.FlaggedLines, r.SubmittedAtUtc, r.Version), ct);
        return raw.IsSuccess
            ? new Page<StockReportRow>(
                [.. raw.Value!.Items.Select(r => new StockReportRow(r.Id, r.DealerId, r.DealerCode, r.DealerName, StockMonth.Format(r.Month), r.Status, r.LineCount, r.FlaggedLines, r.SubmittedAtUtc, r.Version))],
                raw.Value.NextCursor, raw.Value.TotalCount)
            : raw.Error!;
    }

    public async Task<Result<StockReportDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(StockReportPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.StockReports.AsNoTracking().VisibleTo(db, actor).Where(r => r.Id == id)
            .Select(r => new { Report = r, Dealer = db.Dealers.Where(d => d.Id == r.DealerId).Select(d => new { d.Code, d.Name }).First() })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return StockReportErrors.NotFound(id);
        }

        var lines = await (from l in db.StockReportLines.AsNoTracking()
                           where l.StockReportId == id
                           join p in db.Products on l.ProductId equals p.Id
                           orderby p.Sku
                           select new { Line = l, p.Sku, p.NameZh, p.NameEn, p.Unit }).ToListAsync(ct);
        var r = found.Report;
        return new StockReportDetails(
            r.Id, r.DealerId, found.Dealer.Code, found.Dealer.Name, StockMonth.Format(r.Month), r.Status, r.SubmittedAtUtc, r.LineCount, r.FlaggedLines,
            [.. lines.Select(x => new StockReportLineRow(
                x.Line.Id, x.Line.ProductId, x.Sku, x.NameZh, x.NameEn, x.Unit, x.Line.Opening, x.Line.Purchases, x.Line.Sales, x.Line.Closing,
                StockFlagNames.Of(x.Line.Flags), x.Line.Gap, x.Line.SellIn, x.Line.DaysOfInventory, x.Line.SellInRatio))],
            r.Version, r.CreatedAtUtc, r.CreatedBy, r.UpdatedAtUtc, r.UpdatedBy);
    }

    /// <summary>Flagged lines of submitted reports of the dealers in scope, by report (keyset paged).</summary>
    public async Task<Result<Page<StockAnomalyRow>>> AnomaliesAsync(Actor actor, StockAnomalyFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(StockReportPermissions.Review) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var reports = db.StockReports.AsNoTracking().VisibleTo(db, actor).Where(r => r.Status == StockReportStatus.Submitted);
        if (filter.Month is { } month)
        {
            reports = reports.Where(r => r.Month == month);
        }

        if (filter.DealerId is { } dealer)
        {
            reports = reports.Where(r => r.DealerId == dealer);
        }

        var reportIds = reports.Select(r => r.Id);
        var query = db.StockReportLines.AsNoTracking().Where(l => l.Flags != StockFlags.None && reportIds.Contains(l.StockReportId));
        if (filter.Flag is { } flag)
        {
            query = query.Where(l => (l.Flags & flag) == flag);
        }

        var raw = await AnomalySorts.PageAsync(query, page, l => new RawAnomaly(
            l.Id, l.StockReportId,
            db.StockReports.Where(r => r.Id == l.StockReportId).Select(r => r.DealerId).First(),
            db.StockReports.Where(r => r.Id == l.StockReportId).Join(db.Dealers, r => r.DealerId, d => d.Id, (r, d) => d.Code).First(),
            db.StockReports.Where(r => r.Id == l.StockReportId).Join(db.Dealers, r => r.DealerId, d => d.Id, (r, d) => d.Name).First(),
            db.StockReports.Where(r => r.Id == l.StockReportId).Join(db.Dealers, r => r.DealerId, d => d.Id, (r, d) => d.ManagerId)
                .Join(db.Employees, m => m, e => e.Id, (m, e) => e.Name).FirstOrDefault() ?? "",
            db.StockReports.Where(r => r.Id == l.StockReportId).Select(r => r.Month).First(),
            l.ProductId,
            db.Products.Where(p => p.Id == l.ProductId).Select(p => p.Sku).First(),
            db.Products.Where(p => p.Id == l.ProductId).Select(p => p.NameZh).First(),
            db.Products.Where(p => p.Id == l.ProductId).Select(p => p.NameEn).First(),
            db.Products.Where(p => p.Id == l.ProductId).Select(p => p.Unit).First(),
            l.Opening, l.Purchases, l.Sales, l.Closing, l.Flags, l.Gap, l.SellIn, l.DaysOfInventory, l.SellInRatio), ct);
        return raw.IsSuccess
            ? new Page<StockAnomalyRow>(
                [.. raw.Value!.Items.Select(a => new StockAnomalyRow(
                    a.LineId, a.ReportId, a.DealerId, a.DealerCode, a.DealerName, a.ManagerName, StockMonth.Format(a.Month), a.ProductId, a.Sku, a.ProductNameZh,
                    a.ProductNameEn, a.Unit, a.Opening, a.Purchases, a.Sales, a.Closing, StockFlagNames.Of(a.Flags), a.Gap, a.SellIn, a.DaysOfInventory, a.SellInRatio))],
                raw.Value.NextCursor, raw.Value.TotalCount)
            : raw.Error!;
    }

    /// <summary>
    /// The starting point of a report for the dealer and month: the products of last month's report and of this month's recorded sell-in,
    /// last month's closing as opening and our sell-in as a suggestion for the purchases. Also says whether a report exists already.
    /// </summary>
    public async Task<Result<StockReportDraft>> DraftAsync(Actor actor, DateOnly month, Guid? dealerId, CancellationToken ct)
    {
        if (actor.Require(StockReportPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dealer = await StockReportRules.DealerAsync(db, actor, dealerId, ct);
        if (!dealer.IsSuccess)
        {
            return dealer.Error!;
        }

        var id = dealer.Value!.Id;
        var first = StockMonth.Of(month);
        var last = first.AddMonths(1).AddDays(-1);
        var existing = await db.StockReports.Where(r => r.DealerId == id && r.Month == first).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        var opening = await StockChecks.PreviousClosingAsync(db, id, first, null, ct);
        var sellIn = await SalesActuals.Sales(db, first, last).Where(f => f.DealerId == id)
            .GroupBy(f => f.ProductId).Select(g => new { ProductId = g.Key, Quantity = g.Sum(f => f.Quantity) })
            .ToDictionaryAsync(x => x.ProductId, x => x.Quantity, ct);
        var ids = opening.Keys.Union(sellIn.Keys).ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id)).OrderBy(p => p.Sku)
            .Select(p => new { p.Id, p.Sku, p.NameZh, p.NameEn, p.Unit }).ToListAsync(ct);
        return new StockReportDraft(
            id, dealer.Value.Code, dealer.Value.Name, StockMonth.Format(first), existing,
            [.. products.Select(p => new StockReportDraftLine(p.Id, p.Sku, p.NameZh, p.NameEn, p.Unit, opening.GetValueOrDefault(p.Id), sellIn.GetValueOrDefault(p.Id)))]);
    }
}
