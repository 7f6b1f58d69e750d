using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Promotions;

public enum PromotionKind
{
    /// <summary>促销: a time-limited push of existing products.</summary>
    Promotion,

    /// <summary>新品推广: a new product brought into the channel.</summary>
    Launch,
}

public enum PromotionStatus
{
    Draft,
    Active,
    Closed,
    Cancelled,
}

/// <summary>
/// A campaign (促销 / 新品推广, PRODUCT.md §8): a period in company dates, the products it pushes (each with its
/// promotional terms) and how much of each product every dealer is expected to take (allocations, base units).
/// Draft → Active → Closed, Cancelled from Draft or Active. Details and products change only while Draft; allocations
/// while Draft or Active. Its promotional discount is recorded as terms: it does not change order prices (the price
/// lists and <c>PriceResolver</c> stay the one price rule). Sell-in and sell-through against it are derived, never stored
/// (<see cref="PromotionTracking"/>).
/// </summary>
public sealed class Promotion : IHasId, IAudited, IVersioned
{
    public const int NameMaxLength = 200;
    public const int TermsMaxLength = 2000;
    public const int MaxProducts = 50;
    public const string NumberPrefix = "PRM";

    private readonly List<PromotionProduct> _products = [];
    private readonly List<PromotionAllocation> _allocations = [];

    private Promotion()
    {
    }

    public Promotion(string number, string name, PromotionKind kind, DateOnly startDate, DateOnly endDate, Guid? regionId, string? terms)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        Status = PromotionStatus.Draft;
        Set(name, kind, startDate, endDate, regionId, terms);
    }

    public Guid Id { get; private set; }

    /// <summary>PRM-yyyy-nnnnnn, from <see cref="SequenceNumbers"/>.</summary>
    public string Number { get; private set; } = "";

    public string Name { get; private set; } = "";

    public PromotionKind Kind { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public PromotionStatus Status { get; private set; }

    /// <summary>The region (an org unit of kind Region) the campaign runs in; null = company-wide.</summary>
    public Guid? RegionId { get; private set; }

    /// <summary>Promotional terms shown to the dealers (conditions, gifts, display support).</summary>
    public string? Terms { get; private set; }

    public DateTime? ActivatedAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Set whenever the allocations change, so the campaign's version moves and a stale allocation edit is 409.</summary>
    public DateTime? AllocationsChangedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<PromotionProduct> Products => _products;

    public IReadOnlyList<PromotionAllocation> Allocations => _allocations;

    public Result Edit(string name, PromotionKind kind, DateOnly startDate, DateOnly endDate, Guid? regionId, string? terms)
    {
        if (Status != PromotionStatus.Draft)
        {
            return PromotionErrors.WrongStatus(Status);
        }

        Set(name, kind, startDate, endDate, regionId, terms);
        return Result.Ok();
    }

    /// <summary>Replaces the product set (Draft only); the caller has checked the products exist, are active and are not allocated when removed.</summary>
    public Result SetProducts(IEnumerable<(Guid ProductId, decimal? DiscountPercent, string? Note)> products, out IReadOnlyList<PromotionProduct> removed, out IReadOnlyList<PromotionProduct> added)
    {
        removed = [];
        added = [];
        if (Status != PromotionStatus.Draft)
        {
            return PromotionErrors.WrongStatus(Status);
        }

        var wanted = products.ToList();
        removed = [.. _products.Where(p => wanted.All(w => w.ProductId != p.ProductId))];
        foreach (var gone in removed)
        {
            _products.Remove(gone);
        }

        var newRows = new List<PromotionProduct>();
        foreach (var (productId, discount, note) in wanted)
        {
            var existing = _products.FirstOrDefault(p => p.ProductId == productId);
            if (existing is null)
            {
                var row = new PromotionProduct(Id, productId, discount, note);
                _products.Add(row);
                newRows.Add(row);
            }
            else
            {
                existing.Set(discount, note);
            }
        }

        added = newRows;
        return Result.Ok();
    }

    /// <summary>Replaces the allocations of <paramref name="dealerIds"/> (the dealers the actor sees) with <paramref name="wanted"/>; others' rows stay.</summary>
    public Result ReplaceAllocations(IReadOnlySet<Guid> dealerIds, IReadOnlyList<(Guid DealerId, Guid ProductId, decimal Quantity)> wanted, DateTime nowUtc,
        out IReadOnlyList<PromotionAllocation> removed, out IReadOnlyList<PromotionAllocation> added)
    {
        removed = [];
        added = [];
        if (Status is not (PromotionStatus.Draft or PromotionStatus.Active))
        {
            return PromotionErrors.WrongStatus(Status);
        }

        var gone = _allocations.Where(a => dealerIds.Contains(a.DealerId) && !wanted.Any(w => w.DealerId == a.DealerId && w.ProductId == a.ProductId)).ToList();
        foreach (var row in gone)
        {
            _allocations.Remove(row);
        }

        var newRows = new List<PromotionAllocation>();
        foreach (var (dealerId, productId, quantity) in wanted)
        {
            var existing = _allocations.FirstOrDefault(a => a.DealerId == dealerId && a.ProductId == productId);
            if (existing is null)
            {
                var row = new PromotionAllocation(Id, dealerId, productId, quantity);
                _allocations.Add(row);
                newRows.Add(row);
            }
            else
            {
                existing.SetQuantity(quantity);
            }
        }

        removed = gone;
        added = newRows;
        AllocationsChangedAtUtc = nowUtc;
        return Result.Ok();
    }

    public Result Activate(DateTime nowUtc)
    {
        if (Status != PromotionStatus.Draft)
        {
            return PromotionErrors.WrongStatus(Status);
        }

        if (_products.Count == 0)
        {
            return PromotionErrors.NoProducts;
        }

        Status = PromotionStatus.Active;
        ActivatedAtUtc = nowUtc;
        return Result.Ok();
    }

    public Result Close(DateTime nowUtc)
    {
        if (Status != PromotionStatus.Active)
        {
            return PromotionErrors.WrongStatus(Status);
        }

        Status = PromotionStatus.Closed;
        ClosedAtUtc = nowUtc;
        return Result.Ok();
    }

    public Result Cancel(DateTime nowUtc)
    {
        if (Status is not (PromotionStatus.Draft or PromotionStatus.Active))
        {
            return PromotionErrors.WrongStatus(Status);
        }

        Status = PromotionStatus.Cancelled;
        ClosedAtUtc = nowUtc;
        return Result.Ok();
    }

    private void Set(string name, PromotionKind kind, DateOnly startDate, DateOnly endDate, Guid? regionId, string? terms)
    {
        Name = name.Trim();
        Kind = kind;
        StartDate = startDate;
        EndDate = endDate;
        RegionId = regionId;
        Terms = string.IsNullOrWhiteSpace(terms) ? null : terms.Trim();
    }
}

/// <summary>A product of a campaign with its promotional terms (recorded, not applied to prices).</summary>
public sealed class PromotionProduct : IHasId, IAudited
{
    public const int NoteMaxLength = 200;

    private PromotionProduct()
    {
    }

    public PromotionProduct(Guid promotionId, Guid productId, decimal? discountPercent, string? note)
    {
        Id = Guid.CreateVersion7();
        PromotionId = promotionId;
        ProductId = productId;
        Set(discountPercent, note);
    }

    public Guid Id { get; private set; }

    public Guid PromotionId { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>The promotional discount the campaign announces (terms only; orders are priced by the price lists).</summary>
    public decimal? DiscountPercent { get; private set; }

    public string? Note { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    internal void Set(decimal? discountPercent, string? note)
    {
        DiscountPercent = discountPercent;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
    }
}

/// <summary>How much of one campaign product one dealer is expected to take during the period, in the product's base unit.</summary>
public sealed class PromotionAllocation : IHasId, IAudited
{
    private PromotionAllocation()
    {
    }

    public PromotionAllocation(Guid promotionId, Guid dealerId, Guid productId, decimal quantity)
    {
        Id = Guid.CreateVersion7();
        PromotionId = promotionId;
        DealerId = dealerId;
        ProductId = productId;
        Quantity = quantity;
    }

    public Guid Id { get; private set; }

    public Guid PromotionId { get; private set; }

    public Guid DealerId { get; private set; }

    public Guid ProductId { get; private set; }

    /// <summary>Base unit of the product.</summary>
    public decimal Quantity { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    internal void SetQuantity(decimal quantity) => Quantity = quantity;
}
