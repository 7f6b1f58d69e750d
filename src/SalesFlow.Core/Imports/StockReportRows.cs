using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.StockReports;

namespace SalesFlow.Core.Imports;

/// <summary>
/// Stock report rows (进销存): one per dealer, month and product. A dealer user's rows are its own dealer's (the dealer column may
/// be left out; naming another dealer is an error); internal users name a dealer in their scope by its code. A row adds the product's
/// line to the dealer's draft report of the month (created when missing) or changes the line it has; a submitted report is not
/// changed. The opening stock, when left empty, is last month's closing (from the file when it has that month). Each report is checked
/// by <see cref="StockChecks"/>, the rule the entry screen uses, once the whole file is in. The file is applied whole or not at all.
/// </summary>
internal sealed class StockReportRows(IServiceProvider? services = null) : ImportRows
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("dealer", "dealer", "经销商编码"),
        new("month", "month", "月份", Required: true),
        new("sku", "sku", "产品编码", Required: true),
        new("opening", "opening", "期初库存"),
        new("purchases", "purchases", "本月进货", Required: true),
        new("sales", "sales", "本月销售", Required: true),
        new("closing", "closing", "期末库存", Required: true),
    ];

    private readonly Dictionary<string, Dealer?> dealers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Guid?> products = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(Guid, DateOnly), StockReportStatus?> reports = [];

    // The reports the file wrote to, checked once each at the end, earliest month first.
    private readonly SortedSet<(DateOnly Month, Guid DealerId)> touched = [];
    private Dealer? own;

    public override string Permission => StockReportPermissions.Enter;

    public override bool AllOrNothing => true;

    public override async Task<Error?> CheckAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, CancellationToken ct)
    {
        var parsed = await ParseAsync(db, actor, map, row, ct);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var key = (parsed.Value!.Dealer.Id, parsed.Value.Month);
        if (!reports.TryGetValue(key, out var status))
        {
            status = await db.StockReports.Where(r => r.DealerId == key.Item1 && r.Month == key.Item2).Select(r => (StockReportStatus?)r.Status).FirstOrDefaultAsync(ct);
            reports[key] = status;
        }

        return status is StockReportStatus.Submitted ? StockReportErrors.NotDraft : null;
    }

    public override async Task<Error?> AddAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, DateTime nowUtc, CancellationToken ct)
    {
        var parsed = await ParseAsync(db, actor, map, row, ct);
        if (!parsed.IsSuccess)
        {
            return parsed.Error;
        }

        var (dealer, month, productId, opening, purchases, sales, closing) = parsed.Value!;
        var report = db.StockReports.Local.FirstOrDefault(r => r.DealerId == dealer.Id && r.Month == month)
            ?? await db.StockReports.Include(r => r.Lines).SingleOrDefaultAsync(r => r.DealerId == dealer.Id && r.Month == month, ct);
        if (report is null)
        {
            report = new StockReport(dealer.Id, month);
            db.StockReports.Add(report);
        }

        if (opening is null)
        {
            // Last month's closing: from the file when it has that month (loaded or written in this import), else from the database.
            var lastMonth = month.AddMonths(-1);
            decimal? last;
            if (db.StockReports.Local.FirstOrDefault(r => r.DealerId == dealer.Id && r.Month == lastMonth) is { } earlier)
            {
                last = earlier.Lines.FirstOrDefault(l => l.ProductId == productId)?.Closing;
            }
            else
            {
                var previous = await StockChecks.PreviousClosingAsync(db, dealer.Id, month, [productId], ct);
                last = previous.TryGetValue(productId, out var closingBefore) ? closingBefore : null;
            }

            opening = StockReconciliation.DefaultOpening(last);
        }

        var line = report.PutLine(productId, new StockFigures(opening.Value, purchases, sales, closing), nowUtc);
        if (!line.IsSuccess)
        {
            return line.Error;
        }

        touched.Add((month, dealer.Id));
        return null;
    }

    /// <summary>
    /// Each report the file wrote to is checked once, with all its lines and every earlier month of the file saved (in the
    /// import's transaction): two grouped queries per report instead of two per row, and a month's sell-through window sees
    /// the months before it that came in the same file.
    /// </summary>
    public override async Task FinishAsync(SalesFlowDbContext db, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        foreach (var (month, dealerId) in touched)
        {
            var report = await db.StockReports.Include(r => r.Lines).SingleAsync(r => r.DealerId == dealerId && r.Month == month, ct);
            await Checks.ApplyAsync(db, report, null, ct);
        }
    }

    public override IEnumerable<(string Field, string Value)> UniqueKeys(HeaderMap map, TabularRow row)
    {
        if (map.Value(row.Cells, "sku") is { } sku)
        {
            var month = StockMonth.Parse(map.Value(row.Cells, "month")) is { } m ? StockMonth.Format(m) : map.Value(row.Cells, "month") ?? "";
            yield return ("sku", $"{map.Value(row.Cells, "dealer")?.ToUpperInvariant()}|{month}|{sku.ToUpperInvariant()}");
        }
    }

    private StockChecks Checks => (services ?? throw new InvalidOperationException("Stock report rows are applied with the app's services.")).GetRequiredService<StockChecks>();

    private DateOnly Today => services?.GetService<CompanyClock>()?.Today ?? DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));

    private sealed record Parsed(Dealer Dealer, DateOnly Month, Guid ProductId, decimal? Opening, decimal Purchases, decimal Sales, decimal Closing);

    private async Task<Result<Parsed>> ParseAsync(SalesFlowDbContext db, Actor actor, HeaderMap map, TabularRow row, CancellationToken ct)
    {
        var fields = new List<FieldError>();
        var month = StockMonth.Parse(map.Value(row.Cells, "month"));
        if (month is null)
        {
            fields.Add(map.Value(row.Cells, "month") is null ? new FieldError("month", "required") : Field("month", "format", ("format", "yyyy-MM")));
        }

        var opening = Number(map, row, "opening", required: false, fields);
        var purchases = Number(map, row, "purchases", required: true, fields);
        var sales = Number(map, row, "sales", required: true, fields);
        var closing = Number(map, row, "closing", required: true, fields);

        var dealer = await DealerAsync(db, actor, map.Value(row.Cells, "dealer"), ct);
        if (!dealer.IsSuccess && dealer.Error!.Fields is { Count: > 0 } dealerFields)
        {
            fields.AddRange(dealerFields);
        }

        var sku = map.Value(row.Cells, "sku");
        Guid? productId = null;
        if (sku is null)
        {
            fields.Add(new FieldError("sku", "required"));
        }
        else
        {
            if (!products.TryGetValue(sku, out productId))
            {
                productId = await db.Products.Where(p => p.Sku == sku).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
                products[sku] = productId;
            }

            if (productId is null)
            {
                fields.Add(new FieldError("sku", "notFound"));
            }
        }

        if (fields.Count > 0)
        {
            return new Error(ErrorKind.Validation, "common.validation", "One or more fields are invalid.") { Fields = fields };
        }

        if (!dealer.IsSuccess)
        {
            return dealer.Error!;
        }

        if (month > StockMonth.Of(Today))
        {
            return StockReportErrors.FutureMonth;
        }

        return dealer.Value!.Status is DealerStatus.Active or DealerStatus.Suspended
            ? new Parsed(dealer.Value, month!.Value, productId!.Value, opening, purchases!.Value, sales!.Value, closing!.Value)
            : StockReportErrors.DealerNotTrading(dealer.Value.Status);
    }

    /// <summary>A dealer user's own dealer (another code is an error); for the others the dealer named, in their scope.</summary>
    private async Task<Result<Dealer>> DealerAsync(SalesFlowDbContext db, Actor actor, string? code, CancellationToken ct)
    {
        if (actor.Scope == DataScope.OwnDealer)
        {
            own ??= await db.Dealers.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(ct);
            if (own is null)
            {
                return new Error(ErrorKind.Validation, "common.validation", "No dealer.") { Fields = [new FieldError("dealer", "notFound")] };
            }

            return code is null || string.Equals(code, own.Code, StringComparison.OrdinalIgnoreCase) ? own : StockReportErrors.OtherDealer;
        }

        if (code is null)
        {
            return new Error(ErrorKind.Validation, "common.validation", "The dealer is required.") { Fields = [new FieldError("dealer", "required")] };
        }

        if (!dealers.TryGetValue(code, out var dealer))
        {
            var upper = code.ToUpperInvariant();
            dealer = await db.Dealers.AsNoTracking().VisibleTo(actor).FirstOrDefaultAsync(d => d.Code == upper, ct);
            dealers[code] = dealer;
        }

        return dealer is null
            ? new Error(ErrorKind.Validation, "common.validation", "No such dealer in your scope.") { Fields = [new FieldError("dealer", "notFound")] }
            : dealer;
    }

    private static decimal? Number(HeaderMap map, TabularRow row, string field, bool required, List<FieldError> fields)
    {
        var text = map.Value(row.Cells, field);
        if (text is null)
        {
            if (required)
            {
                fields.Add(new FieldError(field, "required"));
            }

            return null;
        }

        if (!decimal.TryParse(text.Replace(",", "", StringComparison.Ordinal), NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            fields.Add(Field(field, "format", ("format", "0.000")));
            return null;
        }

        if (StockReportRules.CheckFigure(field, value, required) is { Fields: [var invalid, ..] })
        {
            fields.Add(invalid);
            return null;
        }

        return value;
    }

    private static FieldError Field(string field, string rule, params (string Name, object? Value)[] args) =>
        new(field, rule, args.ToDictionary(a => a.Name, a => a.Value));
}
