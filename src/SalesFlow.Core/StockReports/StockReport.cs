using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.StockReports;

public enum StockReportStatus
{
    Draft,
    Submitted,
}

/// <summary>
/// A dealer's monthly stock report (进销存, PRODUCT.md §8): per product, opening stock, purchases, sales (sell-through)
/// and closing stock in the product's base unit, for one calendar month (<see cref="Month"/> is its first day).
/// One report per dealer and month.
/// </summary>
public sealed class StockReport : IHasId, IAudited, IVersioned
{
    private readonly List<StockReportLine> _lines = [];

    private StockReport()
    {
    }

    public StockReport(Guid dealerId, DateOnly month)
    {
        Id = Guid.CreateVersion7();
        DealerId = dealerId;
        Month = new DateOnly(month.Year, month.Month, 1);
        Status = StockReportStatus.Draft;
    }

    public Guid Id { get; private set; }

    public Guid DealerId { get; private set; }

    /// <summary>The first day of the month reported.</summary>
    public DateOnly Month { get; private set; }

    public StockReportStatus Status { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<StockReportLine> Lines => _lines;

    /// <summary>Replaces the lines while the report is a draft.</summary>
    public Result SetLines(IEnumerable<StockReportLine> lines)
    {
        if (Status != StockReportStatus.Draft)
        {
            return Error.Conflict("stockReport.notDraft", "Only a draft stock report can be changed.");
        }

        _lines.Clear();
        _lines.AddRange(lines);
        return Result.Ok();
    }

    public Result Submit(DateTime nowUtc)
    {
        if (Status != StockReportStatus.Draft)
        {
            return Error.Conflict("stockReport.notDraft", "Only a draft stock report can be changed.");
        }

        Status = StockReportStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        return Result.Ok();
    }
}

/// <summary>One product's movement in a month, in the product's base unit.</summary>
public sealed class StockReportLine
{
    private StockReportLine()
    {
    }

    public StockReportLine(Guid productId, decimal opening, decimal purchases, decimal sales, decimal closing)
    {
        Id = Guid.CreateVersion7();
        ProductId = productId;
        Opening = opening;
        Purchases = purchases;
        Sales = sales;
        Closing = closing;
    }

    public Guid Id { get; private set; }

    public Guid StockReportId { get; private set; }

    public Guid ProductId { get; private set; }

    public decimal Opening { get; private set; }

    public decimal Purchases { get; private set; }

    /// <summary>Sell-through: what the dealer sold on to stores and customers.</summary>
    public decimal Sales { get; private set; }

    public decimal Closing { get; private set; }
}
