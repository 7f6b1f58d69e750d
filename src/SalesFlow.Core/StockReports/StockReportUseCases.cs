using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;

namespace SalesFlow.Core.StockReports;

/// <summary>One product's line as entered: the product by id or SKU; the opening stock, when left out, is last month's closing.</summary>
[AcceptsRepresentation(typeof(StockReportLineRow))]
public sealed record StockLineInput(Guid? ProductId, string? Sku, decimal? Opening, decimal? Purchases, decimal? Sales, decimal? Closing);

/// <summary>A new report. A dealer user's report is always its own dealer's (a different <see cref="DealerId"/> is not found).</summary>
public sealed record CreateStockReport([property: Required] string? Month, Guid? DealerId, IReadOnlyList<StockLineInput>? Lines, bool Submit = false);

/// <summary>Replaces a draft's lines (and submits it when asked).</summary>
public sealed record UpdateStockReport(Guid Id, IReadOnlyList<StockLineInput>? Lines, [property: Required] int? Version, bool Submit = false);

public sealed record SubmitStockReport(Guid Id, [property: Required] int? Version);

/// <summary>Who may report for which dealer, and the lines as products (shared by the entry and the import).</summary>
internal static class StockReportRules
{
    public const decimal MaxQuantity = 1_000_000_000m;

    /// <summary>The dealer the actor reports for: its own for a dealer user, else the one named if it is in scope; must trade (or be suspended).</summary>
    public static async Task<Result<Dealer>> DealerAsync(SalesFlowDbContext db, Actor actor, Guid? named, CancellationToken ct)
    {
        Guid? id = actor.Scope == DataScope.OwnDealer ? actor.DealerId : named;
        if (actor.Scope == DataScope.OwnDealer && named is { } other && other != actor.DealerId)
        {
            return StockReportErrors.DealerNotFound(other);
        }

        if (id is null)
        {
            return Error.Invalid("dealerId", "required");
        }

        var dealer = await db.Dealers.VisibleTo(actor).AsNoTracking().SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dealer is null)
        {
            return StockReportErrors.DealerNotFound(id.Value);
        }

        return dealer.Status is DealerStatus.Active or DealerStatus.Suspended ? dealer : StockReportErrors.DealerNotTrading(dealer.Status);
    }

    public static Error? CheckMonth(DateOnly month, DateOnly today) => month > StockMonth.Of(today) ? StockReportErrors.FutureMonth : null;

    public static Error? CheckFigure(string field, decimal? value, bool required)
    {
        if (value is null)
        {
            return required ? Error.Invalid(field, "required") : null;
        }

        if (value < 0 || value > MaxQuantity)
        {
            return Error.Invalid(field, "range", ("min", 0), ("max", MaxQuantity));
        }

        return decimal.Round(value.Value, 3) != value ? Error.Invalid(field, "decimals", ("max", 3)) : null;
    }

    /// <summary>The lines as report lines: products found by id or SKU, figures checked, no product twice, openings defaulted.</summary>
    public static async Task<Result<List<StockReportLine>>> LinesAsync(
        SalesFlowDbContext db, Guid dealerId, DateOnly month, IReadOnlyList<StockLineInput>? inputs, CancellationToken ct)
    {
        inputs ??= [];
        if (inputs.Count > 2000)
        {
            return Error.Invalid("lines", "maxLength", ("max", 2000));
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var line = inputs[i];
            if (line.ProductId is null && string.IsNullOrWhiteSpace(line.Sku))
            {
                return Error.Invalid($"lines[{i}].productId", "required");
            }

            if ((CheckFigure($"lines[{i}].opening", line.Opening, false) ?? CheckFigure($"lines[{i}].purchases", line.Purchases, true)
                ?? CheckFigure($"lines[{i}].sales", line.Sales, true) ?? CheckFigure($"lines[{i}].closing", line.Closing, true)) is { } invalid)
            {
                return invalid;
            }
        }

        var ids = inputs.Where(l => l.ProductId is not null).Select(l => l.ProductId!.Value).Distinct().ToList();
        var skus = inputs.Where(l => l.ProductId is null).Select(l => l.Sku!.Trim()).Distinct().ToList();
        var products = await db.Products.AsNoTracking().Where(p => ids.Contains(p.Id) || skus.Contains(p.Sku))
            .Select(p => new { p.Id, p.Sku }).ToListAsync(ct);
        var opening = await StockChecks.PreviousClosingAsync(db, dealerId, month, null, ct);
        var lines = new List<StockReportLine>(inputs.Count);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var product = input.ProductId is { } pid ? products.FirstOrDefault(p => p.Id == pid) : products.FirstOrDefault(p => p.Sku == input.Sku!.Trim());
            if (product is null)
            {
                return Error.Invalid($"lines[{i}].{(input.ProductId is null ? "sku" : "productId")}", "notFound");
            }

            if (!seen.Add(product.Id))
            {
                return StockReportErrors.DuplicateProduct(product.Sku);
            }

            var start = input.Opening ?? StockReconciliation.DefaultOpening(opening.TryGetValue(product.Id, out var closing) ? closing : null);
            lines.Add(new StockReportLine(product.Id, start, input.Purchases!.Value, input.Sales!.Value, input.Closing!.Value));
        }

        return lines;
    }

    public static async Task<Error?> SaveAsync(SalesFlowDbContext db, StockReport report, string dealerCode, CancellationToken ct)
    {
        try
        {
            return await db.SaveOrConflictAsync("StockReport", ct);
        }
        catch (DbUpdateException)
        {
            // Another save of the same dealer and month won the race (the unique index): a duplicate, not a crash.
            if (await db.StockReports.AsNoTracking().AnyAsync(r => r.DealerId == report.DealerId && r.Month == report.Month && r.Id != report.Id, ct))
            {
                return StockReportErrors.Duplicate(dealerCode, StockMonth.Format(report.Month));
            }

            throw;
        }
    }
}

public sealed class CreateStockReportHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, StockChecks checks, StockReportQueries queries, CompanyClock clock)
{
    public async Task<Result<StockReportDetails>> HandleAsync(CreateStockReport request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(StockReportPermissions.Enter) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        if (StockMonth.Parse(request.Month) is not { } month)
        {
            return Error.Invalid("month", "format", ("format", "yyyy-MM"));
        }

        if (StockReportRules.CheckMonth(month, clock.Today) is { } future)
        {
            return future;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var dealer = await StockReportRules.DealerAsync(db, actor, request.DealerId, ct);
        if (!dealer.IsSuccess)
        {
            return dealer.Error!;
        }

        var dealerId = dealer.Value!.Id;
        if (await db.StockReports.AnyAsync(r => r.DealerId == dealerId && r.Month == month, ct))
        {
            return StockReportErrors.Duplicate(dealer.Value.Code, StockMonth.Format(month));
        }

        var lines = await StockReportRules.LinesAsync(db, dealerId, month, request.Lines, ct);
        if (!lines.IsSuccess)
        {
            return lines.Error!;
        }

        var report = new StockReport(dealerId, month);
        report.SetLines(lines.Value!, clock.UtcNow);
        await checks.ApplyAsync(db, report, null, ct);
        if (request.Submit)
        {
            if (report.Lines.Count == 0)
            {
                return StockReportErrors.NoLines;
            }

            report.Submit(clock.UtcNow);
        }

        db.StockReports.Add(report);
        if (await StockReportRules.SaveAsync(db, report, dealer.Value.Code, ct) is { } failed)
        {
            return failed;
        }

        return await queries.GetAsync(actor, report.Id, ct);
    }
}

public sealed class UpdateStockReportHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, StockChecks checks, StockReportQueries queries, CompanyClock clock)
{
    public async Task<Result<StockReportDetails>> HandleAsync(UpdateStockReport request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(StockReportPermissions.Enter) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, queries, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var report = loaded.Value!;
        if (report.Status != StockReportStatus.Draft)
        {
            return StockReportErrors.NotDraft;
        }

        var lines = await StockReportRules.LinesAsync(db, report.DealerId, report.Month, request.Lines, ct);
        if (!lines.IsSuccess)
        {
            return lines.Error!;
        }

        // The old lines go (cascade), the new ones are added: the unique (report, product) index never sees both.
        db.StockReportLines.RemoveRange(report.Lines);
        report.SetLines(lines.Value!, clock.UtcNow);
        await checks.ApplyAsync(db, report, null, ct);
        if (request.Submit)
        {
            if (report.Lines.Count == 0)
            {
                return StockReportErrors.NoLines;
            }

            report.Submit(clock.UtcNow);
        }

        if (await db.SaveOrConflictAsync("StockReport", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, report.Id, ct);
    }

    /// <summary>The report in the actor's scope at the version read, or 404 / 409 with the current record.</summary>
    internal static async Task<Result<StockReport>> LoadAsync(SalesFlowDbContext db, StockReportQueries queries, Actor actor, Guid id, int version, CancellationToken ct)
    {
        var report = await db.StockReports.VisibleTo(db, actor).Include(r => r.Lines).SingleOrDefaultAsync(r => r.Id == id, ct);
        if (report is null)
        {
            return StockReportErrors.NotFound(id);
        }

        return report.Version != version
            ? Error.StaleVersion("StockReport", version, report.Version, (await queries.GetAsync(actor, id, ct)).Value)
            : report;
    }
}

public sealed class SubmitStockReportHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, StockChecks checks, StockReportQueries queries, CompanyClock clock)
{
    public async Task<Result<StockReportDetails>> HandleAsync(SubmitStockReport request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(StockReportPermissions.Enter) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await UpdateStockReportHandler.LoadAsync(db, queries, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var report = loaded.Value!;
        if (report.Status != StockReportStatus.Draft)
        {
            return StockReportErrors.NotDraft;
        }

        if (report.Lines.Count == 0)
        {
            return StockReportErrors.NoLines;
        }

        // Checked again as submitted: the sell-in of the month may have changed since the draft was saved.
        await checks.ApplyAsync(db, report, null, ct);
        report.Submit(clock.UtcNow);
        if (await db.SaveOrConflictAsync("StockReport", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, report.Id, ct);
    }
}
