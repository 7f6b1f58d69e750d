using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Catalog.Prices;

/// <summary>How the goods reach the buyer; a price list may apply to one channel only.</summary>
public enum SalesChannel
{
    Direct,
    Dealer,
    ECommerce,
}

/// <summary>Dealer tiers (PRODUCT.md §8): the tier picks the dealer price list and discount.</summary>
public enum DealerTier
{
    Gold,
    Silver,
    Bronze,
}

public enum PriceListStatus
{
    Draft,
    PendingApproval,
    Active,
    Retired,
}

/// <summary>
/// Prices for a segment: each of region, channel, customer group and dealer tier is either one value or
/// "any" (null). Only active lists valid on the day price anything; which list wins is <see cref="PriceResolver"/>'s rule.
/// </summary>
public sealed class PriceList : IHasId, IAudited, IVersioned
{
    public const int CodeMaxLength = 40;
    public const int NameMaxLength = 200;
    public const int RejectionReasonMaxLength = 1000;

    /// <summary>The approvals engine's subject kind for a price list.</summary>
    public const string ApprovalKind = "PriceList";

    private readonly List<PriceListItem> _items = [];

    private PriceList()
    {
    }

    public PriceList(string code, string name, string currency, DateOnly validFrom, DateOnly? validTo)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        Currency = currency;
        ValidFrom = validFrom;
        ValidTo = validTo;
        Status = PriceListStatus.Draft;
    }

    public Guid Id { get; private set; }

    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public string Currency { get; private set; } = "CNY";

    /// <summary>A region (an org unit of kind region); null = every region.</summary>
    public Guid? RegionId { get; private set; }

    public SalesChannel? Channel { get; private set; }

    /// <summary>The customer group the list is for (the customer's type); null = every group.</summary>
    public CustomerType? CustomerGroup { get; private set; }

    public DealerTier? DealerTier { get; private set; }

    public DateOnly ValidFrom { get; private set; }

    public DateOnly? ValidTo { get; private set; }

    public PriceListStatus Status { get; private set; }

    /// <summary>The approval request of the last submit (pending, approved or rejected).</summary>
    public Guid? ApprovalRequestId { get; private set; }

    /// <summary>The approver's comment when the last submit was rejected (the list is a draft again); cleared at the next submit.</summary>
    public string? RejectionReason { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<PriceListItem> Items => _items;

    public void Rename(string name) => Name = name;

    /// <summary>A new code (unique; the use case checks).</summary>
    public void Recode(string code) => Code = code;

    public void AppliesTo(Guid? regionId, SalesChannel? channel, CustomerType? customerGroup, DealerTier? dealerTier)
    {
        RegionId = regionId;
        Channel = channel;
        CustomerGroup = customerGroup;
        DealerTier = dealerTier;
    }

    public void SetValidity(DateOnly validFrom, DateOnly? validTo)
    {
        ValidFrom = validFrom;
        ValidTo = validTo;
    }

    public void SetStatus(PriceListStatus status) => Status = status;

    /// <summary>Draft → PendingApproval, waiting for <paramref name="approvalRequestId"/>.</summary>
    public Result AwaitApproval(Guid approvalRequestId)
    {
        if (Status != PriceListStatus.Draft)
        {
            return CatalogErrors.WrongStatus(Status);
        }

        Status = PriceListStatus.PendingApproval;
        ApprovalRequestId = approvalRequestId;
        RejectionReason = null;
        return Result.Ok();
    }

    /// <summary>Approved: Active, pricing from its valid-from day (the resolver reads only lists valid on the day).</summary>
    public Result Approve()
    {
        if (Status != PriceListStatus.PendingApproval)
        {
            return CatalogErrors.WrongStatus(Status);
        }

        Status = PriceListStatus.Active;
        RejectionReason = null;
        return Result.Ok();
    }

    /// <summary>A director submitting their own list: no one above to ask, the list is active at once (Draft → Active).</summary>
    public Result ActivateByDirector()
    {
        if (Status != PriceListStatus.Draft)
        {
            return CatalogErrors.WrongStatus(Status);
        }

        Status = PriceListStatus.Active;
        RejectionReason = null;
        return Result.Ok();
    }

    /// <summary>Rejected: back to Draft with the approver's comment.</summary>
    public Result ReturnToDraft(string? comment)
    {
        if (Status != PriceListStatus.PendingApproval)
        {
            return CatalogErrors.WrongStatus(Status);
        }

        Status = PriceListStatus.Draft;
        RejectionReason = comment is { Length: > RejectionReasonMaxLength } ? comment[..RejectionReasonMaxLength] : comment;
        return Result.Ok();
    }

    /// <summary>Adds or replaces the price of a product from a minimum quantity (base unit) upwards.</summary>
    public PriceListItem SetPrice(Guid productId, decimal minQuantity, decimal unitPrice, decimal? floorPrice)
    {
        var item = _items.FirstOrDefault(i => i.ProductId == productId && i.MinQuantity == minQuantity);
        if (item is null)
        {
            item = new PriceListItem(Id, productId, minQuantity);
            _items.Add(item);
        }

        item.Price(unitPrice, floorPrice);
        return item;
    }

    public void RemovePrice(Guid productId, decimal minQuantity) =>
        _items.RemoveAll(i => i.ProductId == productId && i.MinQuantity == minQuantity);
}

/// <summary>One price of a product in a list: from <see cref="MinQuantity"/> (base unit) upwards, the quantity break.</summary>
public sealed class PriceListItem
{
    private PriceListItem()
    {
    }

    internal PriceListItem(Guid priceListId, Guid productId, decimal minQuantity)
    {
        Id = Guid.CreateVersion7();
        PriceListId = priceListId;
        ProductId = productId;
        MinQuantity = minQuantity;
    }

    public Guid Id { get; private set; }

    public Guid PriceListId { get; private set; }

    public Guid ProductId { get; private set; }

    public decimal MinQuantity { get; private set; }

    /// <summary>List price per base unit, before tax.</summary>
    public decimal UnitPrice { get; private set; }

    /// <summary>The lowest net unit price anyone may sell at without approval; null = no floor.</summary>
    public decimal? FloorPrice { get; private set; }

    internal void Price(decimal unitPrice, decimal? floorPrice)
    {
        UnitPrice = decimal.Round(unitPrice, 2, MidpointRounding.AwayFromZero);
        FloorPrice = floorPrice is { } floor ? decimal.Round(floor, 2, MidpointRounding.AwayFromZero) : null;
    }
}
