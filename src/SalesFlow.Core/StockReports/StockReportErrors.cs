using System.Globalization;
using SalesFlow.Core.Common;
using SalesFlow.Core.Dealers;

namespace SalesFlow.Core.StockReports;

public static class StockReportPermissions
{
    /// <summary>See stock reports (a dealer user: its own dealer's only).</summary>
    public const string View = "stockReports.view";

    /// <summary>Enter, upload and submit a stock report: the dealer user for its dealer, the area manager and those above on a dealer's behalf.</summary>
    public const string Enter = "stockReports.enter";

    /// <summary>The anomalies across the dealers in scope (internal only).</summary>
    public const string Review = "stockReports.review";
}

public static class StockReportErrors
{
    public static readonly Error NotDraft = Error.Conflict("stockReport.notDraft", "Only a draft stock report can be changed.");

    public static readonly Error FutureMonth = Error.Rule("stockReport.futureMonth", "A stock report is for the current month or one before it.", ("field", "month"));

    public static readonly Error NoLines = Error.Rule("stockReport.noLines", "A stock report needs at least one product line before it is submitted.");

    public static readonly Error OtherDealer = Error.Rule("stockReport.otherDealer", "A dealer user reports for its own dealer only.", ("field", "dealer"));

    public static Error Duplicate(string dealerCode, string month) =>
        Error.Conflict("stockReport.duplicate", $"{dealerCode} already has a stock report for {month}.", ("dealerCode", dealerCode), ("month", month));

    public static Error DuplicateProduct(string sku) =>
        Error.Rule("stockReport.duplicateProduct", $"The product {sku} is listed twice.", ("sku", sku), ("field", "sku"));

    public static Error DealerNotTrading(DealerStatus status) =>
        Error.Rule("stockReport.dealerNotTrading", $"The dealer is {status}; stock reports are kept for active or suspended dealers.", ("dealerStatus", status.ToString()));

    public static Error NotFound(Guid id) => Error.NotFound("StockReport", id);

    public static Error DealerNotFound(Guid id) => Error.NotFound("Dealer", id);
}

/// <summary>A month as the API writes it (<c>2026-07</c>); the first day of it inside.</summary>
public static class StockMonth
{
    public static DateOnly? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim().Replace('/', '-').Replace('.', '-');
        string[] formats = ["yyyy-MM", "yyyy-M", "yyyy-MM-dd", "yyyy-M-d", "yyyyMM"];
        return DateOnly.TryParseExact(trimmed, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? new DateOnly(date.Year, date.Month, 1)
            : null;
    }

    public static string Format(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    public static DateOnly Of(DateOnly day) => new(day.Year, day.Month, 1);
}

public static class StockReportScope
{
    /// <summary>Stock reports of the dealers the actor sees (<see cref="DealerScope"/>).</summary>
    public static IQueryable<StockReport> VisibleTo(this IQueryable<StockReport> reports, Data.SalesFlowDbContext db, Actor actor) =>
        actor.Scope == DataScope.All ? reports : reports.Where(r => db.Dealers.VisibleTo(actor).Any(d => d.Id == r.DealerId));
}

/// <summary>The flag names the API and pages use.</summary>
public static class StockFlagNames
{
    public static readonly StockFlags[] All = [StockFlags.Gap, StockFlags.SellInMismatch, StockFlags.StockOut, StockFlags.OverStock, StockFlags.SellInAboveSellThrough];

    public static IReadOnlyList<string> Of(StockFlags flags) => [.. All.Where(f => (flags & f) == f).Select(Name)];

    public static string Name(StockFlags flag) => JsonNamingPolicyCamel(flag.ToString());

    public static StockFlags? Parse(string? name) =>
        name is null ? null : All.Cast<StockFlags?>().FirstOrDefault(f => string.Equals(f!.Value.ToString(), name, StringComparison.OrdinalIgnoreCase));

    private static string JsonNamingPolicyCamel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
