using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Bids;

/// <summary>The steps of 报价投标 (PRODUCT.md §5), in order.</summary>
public enum BidStep
{
    /// <summary>The manager (the director for big bids) decides whether to bid at all.</summary>
    Decision,

    /// <summary>The technical team writes the technical specification.</summary>
    TechnicalSpecs,

    /// <summary>Purchasing confirms cost and lead time.</summary>
    Purchasing,

    /// <summary>The owner proposes the final price; the manager (director for big bids) approves it.</summary>
    PriceApproval,

    /// <summary>The formal bid document is issued.</summary>
    Document,

    /// <summary>Waiting for the buyer's award.</summary>
    Result,
}

public enum BidStatus
{
    Open,
    Won,
    Lost,
    Declined,
}

/// <summary>
/// A tender (投标) for a group or public buyer. It walks the <see cref="BidStep"/>s in order; each step has an owner and a
/// due date and is completed by exactly one verb, so the step table is the process's audit of who did what when.
/// Big bids (estimate at or above <c>Bids:EscalationAmount</c>) need the director for the decision and the price.
/// </summary>
public sealed class Bid : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "BID";
    public const int TitleMaxLength = 200;
    public const int TextMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int CompetitorMaxLength = 100;
    public const int DocumentNumberMaxLength = 50;

    private readonly List<BidStepRecord> _steps = [];

    private Bid()
    {
    }

    public Bid(string number, string title, Guid customerId, Guid? opportunityId, Guid ownerId, Guid orgUnitId, decimal estimatedAmount, DateOnly deadline, bool escalated)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        Title = title;
        CustomerId = customerId;
        OpportunityId = opportunityId;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        EstimatedAmount = decimal.Round(estimatedAmount, 2, MidpointRounding.AwayFromZero);
        SubmissionDeadline = deadline;
        Escalated = escalated;
        Status = BidStatus.Open;
        CurrentStep = BidStep.Decision;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public string Title { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid? OpportunityId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public decimal EstimatedAmount { get; private set; }

    public string Currency { get; private set; } = "CNY";

    /// <summary>The buyer's deadline for the bid document.</summary>
    public DateOnly SubmissionDeadline { get; private set; }

    /// <summary>Big bid: the decision and the final price go to the director.</summary>
    public bool Escalated { get; private set; }

    public BidStatus Status { get; private set; }

    /// <summary>The step waiting for work; null once the bid is closed.</summary>
    public BidStep? CurrentStep { get; private set; }

    public string? TechnicalSpecs { get; private set; }

    public decimal? PurchaseCost { get; private set; }

    public int? LeadTimeDays { get; private set; }

    public decimal? ProposedPrice { get; private set; }

    public decimal? ApprovedPrice { get; private set; }

    public string? DocumentNumber { get; private set; }

    public DateOnly? IssuedOn { get; private set; }

    public string? ResultReason { get; private set; }

    public string? Competitor { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<BidStepRecord> Steps => _steps;

    public void PlanStep(BidStep step, Guid ownerId, DateOnly dueDate)
    {
        var record = _steps.FirstOrDefault(s => s.Step == step);
        if (record is null)
        {
            _steps.Add(new BidStepRecord(Id, step, ownerId, dueDate));
        }
        else
        {
            record.Reassign(ownerId, dueDate);
        }
    }

    public Result Decide(bool bid, string? comment, Guid by, DateTime atUtc)
    {
        if (Expect(BidStep.Decision) is { } wrong)
        {
            return wrong;
        }

        if (!bid && string.IsNullOrWhiteSpace(comment))
        {
            return BidErrors.ReasonRequired;
        }

        Complete(BidStep.Decision, by, atUtc, comment);
        if (bid)
        {
            CurrentStep = BidStep.TechnicalSpecs;
        }
        else
        {
            Close(BidStatus.Declined, comment, null, atUtc);
        }

        return Result.Ok();
    }

    public Result RecordSpecs(string specs, Guid by, DateTime atUtc)
    {
        if (Expect(BidStep.TechnicalSpecs) is { } wrong)
        {
            return wrong;
        }

        TechnicalSpecs = specs;
        Complete(BidStep.TechnicalSpecs, by, atUtc, null);
        CurrentStep = BidStep.Purchasing;
        return Result.Ok();
    }

    public Result RecordCosting(decimal purchaseCost, int leadTimeDays, Guid by, DateTime atUtc)
    {
        if (Expect(BidStep.Purchasing) is { } wrong)
        {
            return wrong;
        }

        PurchaseCost = decimal.Round(purchaseCost, 2, MidpointRounding.AwayFromZero);
        LeadTimeDays = leadTimeDays;
        Complete(BidStep.Purchasing, by, atUtc, null);
        CurrentStep = BidStep.PriceApproval;
        return Result.Ok();
    }

    /// <summary>The owner's final price, waiting for approval; proposing again replaces a rejected or pending one.</summary>
    public Result ProposePrice(decimal price)
    {
        if (Expect(BidStep.PriceApproval) is { } wrong)
        {
            return wrong;
        }

        ProposedPrice = decimal.Round(price, 2, MidpointRounding.AwayFromZero);
        return Result.Ok();
    }

    public Result ApprovePrice(string? comment, Guid by, DateTime atUtc)
    {
        if (Expect(BidStep.PriceApproval) is { } wrong)
        {
            return wrong;
        }

        if (ProposedPrice is null)
        {
            return BidErrors.NoProposedPrice;
        }

        ApprovedPrice = ProposedPrice;
        Complete(BidStep.PriceApproval, by, atUtc, comment);
        CurrentStep = BidStep.Document;
        return Result.Ok();
    }

    /// <summary>Sends the price back to the owner: the step stays open and the proposal is cleared.</summary>
    public Result RejectPrice(string? comment)
    {
        if (Expect(BidStep.PriceApproval) is { } wrong)
        {
            return wrong;
        }

        if (ProposedPrice is null)
        {
            return BidErrors.NoProposedPrice;
        }

        if (string.IsNullOrWhiteSpace(comment))
        {
            return BidErrors.ReasonRequired;
        }

        ProposedPrice = null;
        _steps.Single(s => s.Step == BidStep.PriceApproval).Note(comment);
        return Result.Ok();
    }

    public Result IssueDocument(string documentNumber, DateOnly issuedOn, Guid by, DateTime atUtc)
    {
        if (Expect(BidStep.Document) is { } wrong)
        {
            return wrong;
        }

        DocumentNumber = documentNumber;
        IssuedOn = issuedOn;
        Complete(BidStep.Document, by, atUtc, null);
        CurrentStep = BidStep.Result;
        return Result.Ok();
    }

    public Result RecordResult(bool won, string? reason, string? competitor, Guid by, DateTime atUtc)
    {
        if (Expect(BidStep.Result) is { } wrong)
        {
            return wrong;
        }

        if (!won && string.IsNullOrWhiteSpace(reason))
        {
            return BidErrors.ReasonRequired;
        }

        Complete(BidStep.Result, by, atUtc, reason);
        Close(won ? BidStatus.Won : BidStatus.Lost, reason, competitor, atUtc);
        return Result.Ok();
    }

    private Error? Expect(BidStep step) =>
        Status != BidStatus.Open ? BidErrors.Closed(Status)
        : CurrentStep != step ? BidErrors.WrongStep(step, CurrentStep!.Value)
        : null;

    private void Complete(BidStep step, Guid by, DateTime atUtc, string? note) =>
        _steps.Single(s => s.Step == step).Complete(by, atUtc, note);

    private void Close(BidStatus status, string? reason, string? competitor, DateTime atUtc)
    {
        Status = status;
        CurrentStep = null;
        ResultReason = reason;
        Competitor = competitor;
        ClosedAtUtc = atUtc;
    }
}

/// <summary>One step of a bid: who owns it, by when, and who completed it when. Audited, so reassignments keep their trail.</summary>
public sealed class BidStepRecord : IAudited
{
    private BidStepRecord()
    {
    }

    internal BidStepRecord(Guid bidId, BidStep step, Guid ownerId, DateOnly dueDate)
    {
        Id = Guid.CreateVersion7();
        BidId = bidId;
        Step = step;
        OwnerId = ownerId;
        DueDate = dueDate;
    }

    public Guid Id { get; private set; }

    public Guid BidId { get; private set; }

    public BidStep Step { get; private set; }

    public Guid OwnerId { get; private set; }

    public DateOnly DueDate { get; private set; }

    public DateTime? CompletedAtUtc { get; private set; }

    public Guid? CompletedById { get; private set; }

    public string? Comment { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    internal void Reassign(Guid ownerId, DateOnly dueDate)
    {
        OwnerId = ownerId;
        DueDate = dueDate;
    }

    internal void Complete(Guid by, DateTime atUtc, string? comment)
    {
        CompletedById = by;
        CompletedAtUtc = atUtc;
        Comment = comment;
    }

    internal void Note(string comment) => Comment = comment;
}
