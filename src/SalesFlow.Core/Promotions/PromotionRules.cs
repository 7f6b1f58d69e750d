using System.ComponentModel.DataAnnotations;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Promotions;

public static class PromotionPermissions
{
    /// <summary>Read campaigns and their tracking (internal sales roles, scoped by region and by the dealers they see).</summary>
    public const string View = "promotions.view";

    /// <summary>Create, edit, allocate, activate, close and cancel campaigns (Director, RegionalManager, SalesOps).</summary>
    public const string Manage = "promotions.manage";
}

[AcceptsRepresentation(typeof(PromotionProductRow))]
public sealed record PromotionProductInput(
    [property: Required] Guid? ProductId,
    [property: Range(typeof(decimal), "0", "100")] decimal? DiscountPercent,
    [property: StringLength(PromotionProduct.NoteMaxLength)] string? Note);

public sealed record PromotionInput(
    [property: Required, StringLength(Promotion.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: Required] PromotionKind? Kind,
    [property: Required] DateOnly? StartDate,
    [property: Required] DateOnly? EndDate,
    Guid? RegionId,
    [property: StringLength(Promotion.TermsMaxLength)] string? Terms,
    IReadOnlyList<PromotionProductInput>? Products);

public sealed record PromotionAllocationInput(
    [property: Required] Guid? DealerId,
    [property: Required] Guid? ProductId,
    [property: Required, Range(typeof(decimal), "0.001", "1000000000000")] decimal? Quantity);

public static class PromotionErrors
{
    public static Error NotFound(Guid id) => Error.NotFound("Promotion", id);

    public static Error WrongStatus(PromotionStatus status) =>
        Error.Conflict("promotion.wrongStatus", $"The campaign is {status}; this step is not possible now.", ("promotionStatus", status.ToString()));

    public static Error EndBeforeStart =>
        Error.Rule("promotion.endBeforeStart", "The campaign cannot end before it starts.");

    public static Error NoProducts =>
        Error.Rule("promotion.noProducts", "Add at least one product before activating the campaign.");

    public static Error DuplicateProduct(string sku) =>
        Error.Rule("promotion.duplicateProduct", $"Product {sku} is listed twice.", ("product", sku));

    public static Error ProductInactive(string sku) =>
        Error.Rule("promotion.productInactive", $"Product {sku} is not active.", ("product", sku));

    public static Error ProductAllocated(string sku) =>
        Error.Rule("promotion.productAllocated", $"Product {sku} has allocations; remove them before removing the product.", ("product", sku));

    public static Error ProductNotInCampaign(string sku) =>
        Error.Rule("promotion.productNotInCampaign", $"Product {sku} is not part of this campaign.", ("product", sku));

    public static Error DuplicateAllocation(string dealer, string sku) =>
        Error.Rule("promotion.duplicateAllocation", $"Dealer {dealer} has product {sku} twice.", ("dealer", dealer), ("product", sku));

    public static Error DealerNotTrading(string dealer) =>
        Error.Rule("promotion.dealerNotTrading", $"Dealer {dealer} is not trading and cannot be allocated.", ("dealer", dealer));

    public static Error DealerOutsideRegion(string dealer) =>
        Error.Rule("promotion.dealerOutsideRegion", $"Dealer {dealer} is outside the campaign's region.", ("dealer", dealer));

    public static Error OutsideRegion =>
        Error.Rule("promotion.outsideRegion", "Only campaigns of your own region can be changed by you; company-wide campaigns are changed by the head office.");
}

/// <summary>The field rules of a campaign, in one place for the API, the page and the tests.</summary>
public static class PromotionRules
{
    public static Error? Check(PromotionInput input)
    {
        if (RequestValidation.Check(input) is { } invalid)
        {
            return invalid;
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            return Error.Invalid("name", "required");
        }

        var products = input.Products ?? [];
        if (products.Count > Promotion.MaxProducts)
        {
            return Error.Invalid("products", "maxLength", ("max", Promotion.MaxProducts));
        }

        for (var i = 0; i < products.Count; i++)
        {
            if (RequestValidation.Check(products[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"products[{i}].{fields[0].Field}", fields[0].Rule, [.. (fields[0].Args ?? new Dictionary<string, object?>()).Select(a => (a.Key, a.Value))]);
            }

            if (products[i].DiscountPercent is { } d && decimal.Round(d, 4) != d)
            {
                return Error.Invalid($"products[{i}].discountPercent", "range", ("min", 0), ("max", 100));
            }
        }

        return input.EndDate < input.StartDate ? PromotionErrors.EndBeforeStart : null;
    }

    public static Error? Check(IReadOnlyList<PromotionAllocationInput>? allocations)
    {
        if (allocations is null)
        {
            return Error.Invalid("allocations", "required");
        }

        for (var i = 0; i < allocations.Count; i++)
        {
            if (RequestValidation.Check(allocations[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"allocations[{i}].{fields[0].Field}", fields[0].Rule, [.. (fields[0].Args ?? new Dictionary<string, object?>()).Select(a => (a.Key, a.Value))]);
            }
        }

        return null;
    }
}

/// <summary>The progress figures of a campaign's tracking, the one place their maths lives.</summary>
public static class PromotionProgress
{
    /// <summary><paramref name="part"/> as a percentage of <paramref name="whole"/>, one decimal, half away from zero; null when there is nothing to measure against.</summary>
    public static decimal? Percent(decimal part, decimal whole) =>
        whole <= 0 ? null : decimal.Round(part / whole * 100m, 1, MidpointRounding.AwayFromZero);

    /// <summary>Sell-in against the allocation.</summary>
    public static decimal? SellIn(decimal sellIn, decimal allocated) => Percent(sellIn, allocated);

    /// <summary>Sell-through against the sell-in (how much of what we sold in the dealer has sold on).</summary>
    public static decimal? SellThrough(decimal sellThrough, decimal sellIn) => Percent(sellThrough, sellIn);

    /// <summary>An allocation is reached once the sell-in is at least the allocated quantity.</summary>
    public static bool Reached(decimal sellIn, decimal allocated) => allocated > 0 && sellIn >= allocated;
}
