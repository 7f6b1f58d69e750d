namespace SalesFlow.Core.StockReports;

/// <summary>What a stock report line is flagged for (stored as a bit set on the line, so lists filter in SQL).</summary>
[Flags]
public enum StockFlags
{
    None = 0,

    /// <summary>Opening + purchases − sales ≠ closing (对账差异).</summary>
    Gap = 1,

    /// <summary>The purchases reported differ from our recorded sell-in of the month (进货与我方出货不符).</summary>
    SellInMismatch = 2,

    /// <summary>Nothing left at month end while the product moved (断货).</summary>
    StockOut = 4,

    /// <summary>Days of inventory above the setting (库存积压).</summary>
    OverStock = 8,

    /// <summary>Purchases far above sales over the last months (压货: sell-in far above sell-through).</summary>
    SellInAboveSellThrough = 16,
}

/// <summary>One line's figures in base units.</summary>
public readonly record struct StockFigures(decimal Opening, decimal Purchases, decimal Sales, decimal Closing);

/// <summary>
/// What a line is compared with: our recorded sell-in of the product to the dealer in the month, the days in the month, and
/// the dealer's reported purchases and sales of the product in the months before (the window of the sell-through ratio).
/// </summary>
public readonly record struct StockContext(decimal SellIn, int DaysInMonth, decimal EarlierPurchases, decimal EarlierSales);

/// <summary>The outcome of the checks for one line.</summary>
public sealed record StockCheck(
    StockFlags Flags, decimal Gap, decimal SellIn, decimal SellInDifference, decimal? DaysOfInventory, decimal? SellInRatio);

/// <summary>
/// THE reconciliation of a stock report line (PRODUCT.md §8), pure so it is tested alone and used alike by the entry, the import
/// and the demo:
/// <list type="bullet">
/// <item>Gap: difference = closing − (opening + purchases − sales); flagged when |difference| &gt; <see cref="StockReportOptions.GapTolerance"/>.</item>
/// <item>Sell-in: difference = purchases − our recorded sell-in; flagged when |difference| &gt; tolerance × sell-in (any purchase without sell-in, or sell-in not reported).</item>
/// <item>Stock-out: closing ≤ 0 while the product moved (opening, purchases or sales above zero).</item>
/// <item>Over-stock: days of inventory = closing ÷ (sales ÷ days in month) above <see cref="StockReportOptions.OverStockDays"/>; stock with no sales at all is over-stocked.</item>
/// <item>Sell-in above sell-through: purchases ÷ sales over this and the earlier months of the window above
/// <see cref="StockReportOptions.SellInToSellThroughRatio"/> (purchases with no sales at all count as above).</item>
/// </list>
/// </summary>
public static class StockReconciliation
{
    public static StockCheck Check(StockFigures line, StockContext context, StockReportOptions options)
    {
        var flags = StockFlags.None;
        var gap = line.Closing - (line.Opening + line.Purchases - line.Sales);
        if (Math.Abs(gap) > options.GapTolerance)
        {
            flags |= StockFlags.Gap;
        }

        var sellInDifference = line.Purchases - context.SellIn;
        if (sellInDifference != 0 && Math.Abs(sellInDifference) > options.SellInTolerance * context.SellIn)
        {
            flags |= StockFlags.SellInMismatch;
        }

        if (line.Closing <= 0 && (line.Opening > 0 || line.Purchases > 0 || line.Sales > 0))
        {
            flags |= StockFlags.StockOut;
        }

        decimal? days = null;
        if (line.Closing > 0)
        {
            if (line.Sales > 0)
            {
                days = Math.Round(line.Closing / (line.Sales / Math.Max(1, context.DaysInMonth)), 1, MidpointRounding.AwayFromZero);
                if (days > options.OverStockDays)
                {
                    flags |= StockFlags.OverStock;
                }
            }
            else
            {
                flags |= StockFlags.OverStock;
            }
        }

        decimal? ratio = null;
        var purchases = context.EarlierPurchases + line.Purchases;
        var sales = context.EarlierSales + line.Sales;
        if (sales > 0)
        {
            ratio = Math.Round(purchases / sales, 2, MidpointRounding.AwayFromZero);
            if (purchases / sales > options.SellInToSellThroughRatio)
            {
                flags |= StockFlags.SellInAboveSellThrough;
            }
        }
        else if (purchases > 0)
        {
            flags |= StockFlags.SellInAboveSellThrough;
        }

        return new StockCheck(flags, gap, context.SellIn, sellInDifference, days, ratio);
    }

    /// <summary>The opening stock a new line starts from: last month's closing, or nothing.</summary>
    public static decimal DefaultOpening(decimal? lastMonthClosing) => lastMonthClosing is > 0 ? lastMonthClosing.Value : 0m;
}
