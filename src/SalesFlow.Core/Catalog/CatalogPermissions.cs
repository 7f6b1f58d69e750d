using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Catalog;

public static class CatalogPermissions
{
    /// <summary>Products, price lists and resolved prices (without cost): every internal role.</summary>
    public const string View = "catalog.view";

    /// <summary>Create and edit products (Director, SalesOps).</summary>
    public const string Manage = "catalog.manage";

    /// <summary>Read and set the confidential cost price (Finance, Director). Without it the field is not in any answer.</summary>
    public const string ViewCost = "catalog.viewCost";

    /// <summary>Create, edit, copy and submit draft price lists (Director, SalesOps).</summary>
    public const string ManagePrices = "catalog.managePrices";

    /// <summary>Activate a submitted price list and retire one (Director).</summary>
    public const string ApprovePrices = "catalog.approvePrices";
}

public static class CatalogErrors
{
    public static readonly Error SkuTaken = Error.Rule("product.skuTaken", "Another product already has this SKU.");

    public static readonly Error ConversionInvalid =
        Error.Rule("product.conversionInvalid", "Each other unit needs a name different from the base unit, used once, and a factor above zero.");

    public static readonly Error UnitInUse =
        Error.Rule("product.unitInUse", "The product is priced in price lists; its base unit and decimals can no longer change.");

    public static readonly Error UnitUnknown = Error.Rule("product.unitUnknown", "The product is not sold in this unit.");

    public static readonly Error QuantityDecimals =
        Error.Rule("product.quantityDecimals", "The quantity has more decimals than the product allows, or is not above zero.");

    public static readonly Error ProductInactive = Error.Rule("product.inactive", "The product is deactivated.");

    public static readonly Error CodeTaken = Error.Rule("priceList.codeTaken", "Another price list already has this code.");

    public static readonly Error ValidityInvalid = Error.Rule("priceList.validityInvalid", "The list must start on or before the day it ends.");

    public static readonly Error RegionInvalid = Error.Rule("priceList.regionInvalid", "The region must be an active org unit of kind region.");

    public static readonly Error FloorAbovePrice = Error.Rule("priceList.floorAbovePrice", "The floor price cannot be above the list price.");

    public static readonly Error Empty = Error.Rule("priceList.empty", "A price list needs at least one price before it is submitted.");

    public static readonly Error ApprovalRequired = Error.Rule(
        "priceList.approvalRequired", "A price list is activated by approving its submission in the approvals inbox, not directly: submit it and the director approves it there.");

    public static Error NotDraft(PriceListStatus status) =>
        Error.Conflict("priceList.notDraft", $"Only a draft price list can be edited; this one is {status}.", ("priceListStatus", status.ToString()));

    public static Error WrongStatus(PriceListStatus status) =>
        Error.Conflict("priceList.wrongStatus", $"The price list is {status}; this step does not apply.", ("priceListStatus", status.ToString()));

    public static Error ProductNotFound(Guid id) => Error.NotFound("Product", id);

    public static Error PriceListNotFound(Guid id) => Error.NotFound("PriceList", id);

    public static Error ItemNotFound(Guid id) => Error.NotFound("PriceListItem", id);
}
