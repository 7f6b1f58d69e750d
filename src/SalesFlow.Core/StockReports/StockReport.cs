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

    /// <summary>How many lines carry a flag (kept with the lines, so lists count without reading them).</summary>
    public int FlaggedLines { get; private set; }

    public int LineCount { get; private set; }

    /// <summary>When the lines last changed (so an edit of the lines alone is audited and moves the version on).</summary>
    public DateTime? LinesChangedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<StockReportLine> Lines => _lines;

    /// <summary>Replaces the lines while the report is a draft.</summary>
    public Result SetLines(IEnumerable<StockReportLine> lines, DateTime? nowUtc = null)
    {
        if (Status != StockReportStatus.Draft)
        {
            return StockReportErrors.NotDraft;
        }

        _lines.Clear();
        _lines.AddRange(lines);
        LinesChangedAtUtc = nowUtc ?? LinesChangedAtUtc;
        Recount();
        return Result.Ok();
    }

    /// <summary>Adds the product's line, or changes the figures of the line it has, while the report is a draft (the import, row by row).</summary>
    public Result<StockReportLine> PutLine(Guid productId, StockFigures figures, DateTime nowUtc)
    {
        if (Status != StockReportStatus.Draft)
        {
            return StockReportErrors.NotDraft;
        }

        var line = _lines.FirstOrDefault(l => l.ProductId == productId);
        if (line is null)
        {
            line = new StockReportLine(productId, figures.Opening, figures.Purchases, figures.Sales, figures.Closing);
            _lines.Add(line);
        }
        else
        {
            line.Change(figures);
        }

        LinesChangedAtUtc = nowUtc;
        return line;
    }

    /// <summary>Counts the flagged lines again after their checks changed.</summary>
    public void Recount() => (FlaggedLines, LineCount) = (_lines.Count(l => l.Flags != StockFlags.None), _lines.Count);

    public Result Submit(DateTime nowUtc)
    {
        if (Status != StockReportStatus.Draft)
        {
            return StockReportErrors.NotDraft;
        }

        Status = StockReportStatus.Submitted;
        SubmittedAtUtc = nowUtc;
        return Result.Ok();
    }
}

/// <summary>One product's movement in a month, in the product's base unit.</summary>
public sealed class StockReportLine : IHasId
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

    /// <summary>What the checks found (<see cref="StockReconciliation"/>), as of the last save.</summary>
    public StockFlags Flags { get; private set; }

    /// <summary>Closing − (opening + purchases − sales).</summary>
    public decimal Gap { get; private set; }

    /// <summary>Our recorded sell-in of the product to the dealer in the month (base units).</summary>
    public decimal SellIn { get; private set; }

    /// <summary>Closing ÷ average daily sales; null without sales or stock.</summary>
    public decimal? DaysOfInventory { get; private set; }

    /// <summary>Purchases ÷ sales over the months the ratio looks at; null without sales.</summary>
    public decimal? SellInRatio { get; private set; }

    public StockFigures Figures => new(Opening, Purchases, Sales, Closing);

    public void Change(StockFigures figures) => (Opening, Purchases, Sales, Closing) = (figures.Opening, figures.Purchases, figures.Sales, figures.Closing);

    public void Apply(StockCheck check)
    {
        Flags = check.Flags;
        Gap = check.Gap;
        SellIn = check.SellIn;
        DaysOfInventory = check.DaysOfInventory;
        SellInRatio = check.SellInRatio;
    }
}
