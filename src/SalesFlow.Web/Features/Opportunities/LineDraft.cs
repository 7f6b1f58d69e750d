using SalesFlow.Core.Opportunities;

namespace SalesFlow.Web.Features.Opportunities;

/// <summary>One editable line of the lines editor; becomes the use case's input unchanged (the use case validates).</summary>
public sealed class LineDraft
{
    public string ProductName { get; set; } = "";

    public string? Sku { get; set; }

    public decimal? Quantity { get; set; } = 1m;

    public string Unit { get; set; } = "";

    public decimal? UnitPrice { get; set; }

    public decimal Amount => decimal.Round((Quantity ?? 0m) * (UnitPrice ?? 0m), 2, MidpointRounding.AwayFromZero);

    public static LineDraft From(OpportunityLineRow line) =>
        new() { ProductName = line.ProductName, Sku = line.Sku, Quantity = line.Quantity, Unit = line.Unit, UnitPrice = line.UnitPrice };

    public OpportunityLineInput ToInput() => new(ProductName, Sku, null, Quantity, Unit, UnitPrice);
}
