namespace SalesFlow.Core.Catalog.Prices;

/// <summary>
/// The money of one document line (quote, order, invoice), computed once, in one place. The net amount is
/// quantity × list price × (1 − discount), rounded half away from zero to cents; tax is the rounded net × rate;
/// gross = net + tax. Document totals are sums of these rounded line figures, so totals always equal the sum of lines.
/// </summary>
public sealed record LineAmounts(decimal NetUnitPrice, decimal NetAmount, decimal TaxAmount, decimal GrossAmount)
{
    /// <param name="quantity">In the product's base unit.</param>
    /// <param name="listUnitPrice">Before discount and tax.</param>
    /// <param name="discountPercent">0–100, e.g. 7.5 for 7.5 %.</param>
    /// <param name="taxRate">A fraction, e.g. 0.13.</param>
    public static LineAmounts Of(decimal quantity, decimal listUnitPrice, decimal discountPercent, decimal taxRate)
    {
        var factor = 1m - (discountPercent / 100m);
        var net = Round(quantity * listUnitPrice * factor);
        var tax = Round(net * taxRate);

        // The net unit price is shown and checked against the floor; it is informative, the amount is what counts.
        var netUnit = decimal.Round(listUnitPrice * factor, 4, MidpointRounding.AwayFromZero);
        return new LineAmounts(netUnit, net, tax, net + tax);
    }

    public static decimal Round(decimal amount) => decimal.Round(amount, 2, MidpointRounding.AwayFromZero);
}

/// <summary>A document's totals: sums of its lines' rounded amounts.</summary>
public sealed record DocumentTotals(decimal NetAmount, decimal TaxAmount, decimal GrossAmount)
{
    public static DocumentTotals Of(IEnumerable<LineAmounts> lines)
    {
        decimal net = 0, tax = 0;
        foreach (var line in lines)
        {
            net += line.NetAmount;
            tax += line.TaxAmount;
        }

        return new DocumentTotals(net, tax, net + tax);
    }
}
