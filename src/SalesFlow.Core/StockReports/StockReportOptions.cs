namespace SalesFlow.Core.StockReports;

/// <summary>The thresholds of the stock report checks (configuration section <c>StockReports</c>).</summary>
public sealed class StockReportOptions
{
    /// <summary>A line whose opening + purchases − sales differs from its closing by more than this (base units) has a gap.</summary>
    public decimal GapTolerance { get; set; }

    /// <summary>
    /// Purchases may differ from our recorded sell-in of the month by this share of the sell-in (0.05 = 5 %) before the line is
    /// flagged; a purchase with no recorded sell-in at all is always flagged.
    /// </summary>
    public decimal SellInTolerance { get; set; } = 0.05m;

    /// <summary>Days of inventory (closing ÷ average daily sales of the month) above which a line is over-stocked.</summary>
    public decimal OverStockDays { get; set; } = 60m;

    /// <summary>Purchases ÷ sales over the last <see cref="SellThroughMonths"/> months above which sell-in is far above sell-through.</summary>
    public decimal SellInToSellThroughRatio { get; set; } = 1.5m;

    /// <summary>How many months (this one included) the sell-in to sell-through ratio looks at.</summary>
    public int SellThroughMonths { get; set; } = 3;
}
