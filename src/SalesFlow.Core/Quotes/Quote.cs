using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Quotes;

public enum QuoteStatus
{
    Draft,
    PendingApproval,
    Approved,
    Sent,
    Accepted,
    Rejected,
    Expired,
    Superseded,
}

/// <summary>
/// A priced offer to a customer (PRODUCT.md §5). Only a draft is edited; submitting checks every line's discount
/// against the submitter's authority and either approves the quote at once or asks the approval engine. A revision is
/// a new quote of the same family (same number, revision n+1); the old one is superseded. Scoped like opportunities.
/// </summary>
public sealed class Quote : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "QT";
    public const string ApprovalKind = "Quote";
    public const int TermsMaxLength = 4000;
    public const int ReasonMaxLength = 500;
    public const int TitleMaxLength = 200;

    private readonly List<QuoteLine> _lines = [];

    private Quote()
    {
    }

    public Quote(string number, int revision, Guid familyId, string title, Guid customerId, Guid ownerId, Guid orgUnitId, string currency)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        Revision = revision;
        FamilyId = familyId == Guid.Empty ? Id : familyId;
        Title = title;
        CustomerId = customerId;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Currency = currency;
        Status = QuoteStatus.Draft;
    }

    public Guid Id { get; private set; }

    /// <summary>QT-2026-000001, shared by every revision of the family.</summary>
    public string Number { get; private set; } = "";

    /// <summary>1 for the first quote, n+1 for each revision.</summary>
    public int Revision { get; private set; }

    /// <summary>The id of revision 1: every revision of one quote shares it.</summary>
    public Guid FamilyId { get; private set; }

    public string Title { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid? ContactId { get; private set; }

    public Guid? OpportunityId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public string Currency { get; private set; } = "CNY";

    /// <summary>The last day (company time zone) the customer may accept.</summary>
    public DateOnly ValidUntil { get; private set; }

    public string? Terms { get; private set; }

    public QuoteStatus Status { get; private set; }

    public decimal NetAmount { get; private set; }

    public decimal TaxAmount { get; private set; }

    public decimal GrossAmount { get; private set; }

    /// <summary>The highest line discount, in percent: what the approval asks about.</summary>
    public decimal MaxDiscountPercent { get; private set; }

    /// <summary>The latest approval request of this revision, if it needed one.</summary>
    public Guid? ApprovalRequestId { get; private set; }

    public DateTime? SubmittedAtUtc { get; private set; }

    public DateTime? ApprovedAtUtc { get; private set; }

    public DateTime? SentAtUtc { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    /// <summary>Why the customer declined, or why the approver rejected (the quote went back to draft).</summary>
    public string? RejectionReason { get; private set; }

    /// <summary>The sales order made from the accepted quote (filled by the order module; null until it exists).</summary>
    public Guid? OrderId { get; private set; }

    public Guid? SupersededById { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<QuoteLine> Lines => _lines;

    /// <summary>QT-2026-000001 for the first revision, QT-2026-000001-R2 for the second.</summary>
    public string DisplayNumber => Revision == 1 ? Number : $"{Number}-R{Revision}";

    public void Describe(string title, Guid? contactId, Guid? opportunityId, DateOnly validUntil, string? terms)
    {
        Title = title;
        ContactId = contactId;
        OpportunityId = opportunityId;
        ValidUntil = validUntil;
        Terms = string.IsNullOrWhiteSpace(terms) ? null : terms.Trim();
    }

    /// <summary>Replaces the lines; totals are <see cref="DocumentTotals"/> of the lines' own amounts.</summary>
    public Result SetLines(IEnumerable<QuoteLine> lines)
    {
        if (Status != QuoteStatus.Draft)
        {
            return QuoteErrors.NotDraft(Status);
        }

        _lines.Clear();
        _lines.AddRange(lines);
        var totals = DocumentTotals.Of(_lines.Select(l => l.Amounts));
        NetAmount = totals.NetAmount;
        TaxAmount = totals.TaxAmount;
        GrossAmount = totals.GrossAmount;
        MaxDiscountPercent = _lines.Count == 0 ? 0 : _lines.Max(l => l.DiscountPercent);
        return Result.Ok();
    }

    public Result Submit(DateTime atUtc)
    {
        if (Status != QuoteStatus.Draft)
        {
            return QuoteErrors.WrongStatus(Status, QuoteStatus.PendingApproval);
        }

        if (_lines.Count == 0)
        {
            return QuoteErrors.NoLines;
        }

        SubmittedAtUtc = atUtc;
        RejectionReason = null;
        return Result.Ok();
    }

    /// <summary>After <see cref="Submit"/>: the lines need approval, the engine holds the request.</summary>
    public void AwaitApproval(Guid approvalRequestId)
    {
        Status = QuoteStatus.PendingApproval;
        ApprovalRequestId = approvalRequestId;
    }

    /// <summary>After <see cref="Submit"/> within authority, or when the approval engine approves.</summary>
    public Result Approve(DateTime atUtc)
    {
        if (Status is not (QuoteStatus.Draft or QuoteStatus.PendingApproval))
        {
            return QuoteErrors.WrongStatus(Status, QuoteStatus.Approved);
        }

        Status = QuoteStatus.Approved;
        ApprovedAtUtc = atUtc;
        return Result.Ok();
    }

    /// <summary>The approver rejected: the quote goes back to draft with the approver's comment, to be changed and submitted again.</summary>
    public Result ReturnToDraft(string? comment)
    {
        if (Status != QuoteStatus.PendingApproval)
        {
            return QuoteErrors.WrongStatus(Status, QuoteStatus.Draft);
        }

        Status = QuoteStatus.Draft;
        RejectionReason = comment;
        return Result.Ok();
    }

    public Result Send(DateTime atUtc)
    {
        if (Status != QuoteStatus.Approved)
        {
            return QuoteErrors.WrongStatus(Status, QuoteStatus.Sent);
        }

        Status = QuoteStatus.Sent;
        SentAtUtc = atUtc;
        return Result.Ok();
    }

    /// <summary>The customer accepts a sent quote on or before its valid-until day; later, the quote has expired.</summary>
    public Result Accept(DateOnly today, DateTime atUtc)
    {
        if (Status != QuoteStatus.Sent)
        {
            return QuoteErrors.WrongStatus(Status, QuoteStatus.Accepted);
        }

        if (today > ValidUntil)
        {
            Status = QuoteStatus.Expired;
            ClosedAtUtc = atUtc;
            return QuoteErrors.Expired(ValidUntil);
        }

        Status = QuoteStatus.Accepted;
        ClosedAtUtc = atUtc;
        return Result.Ok();
    }

    public void LinkOrder(Guid orderId) => OrderId = orderId;

    /// <summary>The customer declined an approved or sent quote.</summary>
    public Result Decline(string reason, DateTime atUtc)
    {
        if (Status is not (QuoteStatus.Approved or QuoteStatus.Sent))
        {
            return QuoteErrors.WrongStatus(Status, QuoteStatus.Rejected);
        }

        Status = QuoteStatus.Rejected;
        RejectionReason = reason;
        ClosedAtUtc = atUtc;
        return Result.Ok();
    }

    /// <summary>Whether a new revision may replace this one: anything not accepted and not already replaced.</summary>
    public bool CanBeRevised => Status is not (QuoteStatus.Accepted or QuoteStatus.Superseded);

    public Result SupersedeBy(Guid revisionId, DateTime atUtc)
    {
        if (!CanBeRevised)
        {
            return QuoteErrors.WrongStatus(Status, QuoteStatus.Superseded);
        }

        Status = QuoteStatus.Superseded;
        SupersededById = revisionId;
        ClosedAtUtc = atUtc;
        return Result.Ok();
    }
}

/// <summary>
/// One priced line: the product, the quantity as entered (with its unit) and in the base unit, the list price found by
/// <see cref="PriceResolver"/> (per base unit), the discount and the <see cref="LineAmounts"/> of it all.
/// </summary>
public sealed class QuoteLine
{
    private QuoteLine()
    {
    }

    public QuoteLine(
        int position, Guid productId, string sku, string productName, decimal quantity, string unit, decimal baseQuantity, string baseUnit,
        Guid priceListId, decimal listUnitPrice, decimal? floorPrice, decimal discountPercent, decimal taxRate)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        ProductId = productId;
        Sku = sku;
        ProductName = productName;
        Quantity = quantity;
        Unit = unit;
        BaseQuantity = baseQuantity;
        BaseUnit = baseUnit;
        PriceListId = priceListId;
        ListUnitPrice = listUnitPrice;
        FloorPrice = floorPrice;
        DiscountPercent = discountPercent;
        TaxRate = taxRate;
        var amounts = LineAmounts.Of(baseQuantity, listUnitPrice, discountPercent, taxRate);
        NetUnitPrice = amounts.NetUnitPrice;
        NetAmount = amounts.NetAmount;
        TaxAmount = amounts.TaxAmount;
        GrossAmount = amounts.GrossAmount;
    }

    public Guid Id { get; private set; }

    public Guid QuoteId { get; private set; }

    public int Position { get; private set; }

    public Guid ProductId { get; private set; }

    public string Sku { get; private set; } = "";

    public string ProductName { get; private set; } = "";

    /// <summary>As entered, in <see cref="Unit"/>.</summary>
    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal BaseQuantity { get; private set; }

    public string BaseUnit { get; private set; } = "";

    public Guid PriceListId { get; private set; }

    /// <summary>Per base unit, before discount and tax.</summary>
    public decimal ListUnitPrice { get; private set; }

    public decimal? FloorPrice { get; private set; }

    public decimal DiscountPercent { get; private set; }

    public decimal TaxRate { get; private set; }

    public decimal NetUnitPrice { get; private set; }

    public decimal NetAmount { get; private set; }

    public decimal TaxAmount { get; private set; }

    public decimal GrossAmount { get; private set; }

    public LineAmounts Amounts => new(NetUnitPrice, NetAmount, TaxAmount, GrossAmount);

    /// <summary>The same line on a new revision.</summary>
    public QuoteLine Copy() => new(
        Position, ProductId, Sku, ProductName, Quantity, Unit, BaseQuantity, BaseUnit, PriceListId, ListUnitPrice, FloorPrice, DiscountPercent, TaxRate);
}
