using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Opportunities;

public enum OpportunityStatus
{
    Open,
    Won,
    Lost,
}

/// <summary>
/// A deal in the pipeline. It belongs to an owner and the owner's unit (scoped like customers). The stage changes
/// only through <see cref="EnterStage"/>, which writes the stage history and resets the probability to the stage's
/// default; the amount is the sum of the lines whenever there are lines.
/// </summary>
public sealed class Opportunity : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "OPP";
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 500;
    public const int CompetitorMaxLength = 100;

    private readonly List<OpportunityLine> _lines = [];
    private readonly List<OpportunityStageChange> _stageChanges = [];

    private Opportunity()
    {
    }

    public Opportunity(string number, string name, Guid customerId, Guid? contactId, Guid ownerId, Guid orgUnitId, string currency)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        Name = name;
        CustomerId = customerId;
        ContactId = contactId;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Currency = currency;
        Status = OpportunityStatus.Open;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public string Name { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid? ContactId { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "CNY";

    public Guid StageId { get; private set; }

    public int Probability { get; private set; }

    public DateOnly ExpectedCloseDate { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid? SourceLeadId { get; private set; }

    public OpportunityStatus Status { get; private set; }

    /// <summary>When the deal entered the pipeline: the start of its sales cycle.</summary>
    public DateTime OpenedAtUtc { get; private set; }

    public DateTime StageEnteredAtUtc { get; private set; }

    public string? CloseReason { get; private set; }

    public string? Competitor { get; private set; }

    public DateTime? ClosedAtUtc { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<OpportunityLine> Lines => _lines;

    /// <summary>Only the changes made through this instance (history is read through queries, never loaded here).</summary>
    public IReadOnlyList<OpportunityStageChange> StageChanges => _stageChanges;

    public void CameFromLead(Guid leadId) => SourceLeadId = leadId;

    /// <summary>Places a new opportunity in its first stage; the history starts with an entry from no stage.</summary>
    public Result Open(OpportunityStage stage, DateTime atUtc, string by)
    {
        if (StageId != Guid.Empty)
        {
            return OpportunityErrors.AlreadyOpened;
        }

        if (stage.Kind != StageKind.Open || !stage.IsActive)
        {
            return OpportunityErrors.StageNotOpen;
        }

        OpenedAtUtc = atUtc;
        EnterStage(stage, atUtc, by);
        return Result.Ok();
    }

    public Result Move(OpportunityStage stage, DateTime atUtc, string by)
    {
        if (Status != OpportunityStatus.Open)
        {
            return OpportunityErrors.Closed(Status);
        }

        if (stage.Kind != StageKind.Open || !stage.IsActive)
        {
            return OpportunityErrors.StageNotOpen;
        }

        if (stage.Id == StageId)
        {
            return OpportunityErrors.SameStage;
        }

        EnterStage(stage, atUtc, by);
        return Result.Ok();
    }

    public Result Win(OpportunityStage wonStage, string? reason, DateTime atUtc, string by)
    {
        if (Status != OpportunityStatus.Open)
        {
            return OpportunityErrors.Closed(Status);
        }

        if (wonStage.Kind != StageKind.Won)
        {
            return OpportunityErrors.StageNotOpen;
        }

        EnterStage(wonStage, atUtc, by);
        Status = OpportunityStatus.Won;
        CloseReason = Clean(reason);
        Competitor = null;
        ClosedAtUtc = atUtc;
        return Result.Ok();
    }

    public Result Lose(OpportunityStage lostStage, string? reason, string? competitor, DateTime atUtc, string by)
    {
        if (Status != OpportunityStatus.Open)
        {
            return OpportunityErrors.Closed(Status);
        }

        if (Clean(reason) is not { } why)
        {
            return Error.Invalid("reason", "required");
        }

        if (lostStage.Kind != StageKind.Lost)
        {
            return OpportunityErrors.StageNotOpen;
        }

        EnterStage(lostStage, atUtc, by);
        Status = OpportunityStatus.Lost;
        CloseReason = why;
        Competitor = Clean(competitor);
        ClosedAtUtc = atUtc;
        return Result.Ok();
    }

    /// <summary>A won or lost deal goes back to an open stage (the one it was closed from, chosen by the caller).</summary>
    public Result Reopen(OpportunityStage stage, DateTime atUtc, string by)
    {
        if (Status == OpportunityStatus.Open)
        {
            return OpportunityErrors.NotClosed;
        }

        if (stage.Kind != StageKind.Open || !stage.IsActive)
        {
            return OpportunityErrors.StageNotOpen;
        }

        EnterStage(stage, atUtc, by);
        Status = OpportunityStatus.Open;
        CloseReason = null;
        Competitor = null;
        ClosedAtUtc = null;
        return Result.Ok();
    }

    public void UpdateDetails(string name, Guid? contactId, DateOnly expectedCloseDate)
    {
        Name = name;
        ContactId = contactId;
        ExpectedCloseDate = expectedCloseDate;
    }

    public Result OverrideProbability(int probability)
    {
        if (probability is < 0 or > 100)
        {
            return Error.Invalid("probability", "range", ("min", 0), ("max", 100));
        }

        Probability = probability;
        return Result.Ok();
    }

    /// <summary>Replaces the lines; with lines the amount is their sum, without lines it is <paramref name="amountWithoutLines"/>.</summary>
    public void SetLines(IEnumerable<OpportunityLine> lines, decimal amountWithoutLines)
    {
        _lines.Clear();
        _lines.AddRange(lines);
        Amount = _lines.Count == 0 ? decimal.Round(amountWithoutLines, 2, MidpointRounding.AwayFromZero) : _lines.Sum(l => l.LineAmount);
    }

    public void HandTo(Guid ownerId, Guid orgUnitId)
    {
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
    }

    // The one place the stage changes: history, probability and the stage clock move together.
    private void EnterStage(OpportunityStage stage, DateTime atUtc, string by)
    {
        var from = StageId == Guid.Empty ? (Guid?)null : StageId;
        _stageChanges.Add(new OpportunityStageChange(
            Id, from, stage.Id, atUtc, by, from is null ? null : StageEnteredAtUtc, (long)(atUtc - OpenedAtUtc).TotalSeconds));
        StageId = stage.Id;
        StageEnteredAtUtc = atUtc;
        Probability = stage.DefaultProbability;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>A product on the opportunity, carried into quotes later. Until the catalogue exists the product is named in text.</summary>
public sealed class OpportunityLine
{
    public const int ProductNameMaxLength = 200;

    private OpportunityLine()
    {
    }

    public OpportunityLine(int position, string productName, string? sku, Guid? productId, decimal quantity, string unit, decimal unitPrice)
    {
        Id = Guid.CreateVersion7();
        Position = position;
        ProductName = productName;
        Sku = sku;
        ProductId = productId;
        Quantity = quantity;
        Unit = unit;
        UnitPrice = unitPrice;
        LineAmount = decimal.Round(quantity * unitPrice, 2, MidpointRounding.AwayFromZero);
    }

    public Guid Id { get; private set; }

    public Guid OpportunityId { get; private set; }

    public int Position { get; private set; }

    public string ProductName { get; private set; } = "";

    public string? Sku { get; private set; }

    public Guid? ProductId { get; private set; }

    public decimal Quantity { get; private set; }

    public string Unit { get; private set; } = "";

    public decimal UnitPrice { get; private set; }

    public decimal LineAmount { get; private set; }
}

/// <summary>
/// One stage change. Besides from/to it keeps when the left stage was entered and how long the deal sat there, and
/// how long the deal had been open, so the stage report averages stored numbers in SQL on both engines.
/// </summary>
public sealed class OpportunityStageChange : IHasId
{
    private OpportunityStageChange()
    {
    }

    public OpportunityStageChange(Guid opportunityId, Guid? fromStageId, Guid toStageId, DateTime atUtc, string by, DateTime? fromEnteredAtUtc, long secondsSinceOpened)
    {
        Id = Guid.CreateVersion7();
        OpportunityId = opportunityId;
        FromStageId = fromStageId;
        ToStageId = toStageId;
        AtUtc = atUtc;
        By = by;
        FromEnteredAtUtc = fromEnteredAtUtc;
        SecondsInFromStage = fromEnteredAtUtc is { } entered ? (long)(atUtc - entered).TotalSeconds : null;
        SecondsSinceOpened = secondsSinceOpened;
    }

    public Guid Id { get; private set; }

    public Guid OpportunityId { get; private set; }

    public Guid? FromStageId { get; private set; }

    public Guid ToStageId { get; private set; }

    public DateTime AtUtc { get; private set; }

    public string By { get; private set; } = "";

    public DateTime? FromEnteredAtUtc { get; private set; }

    public long? SecondsInFromStage { get; private set; }

    public long SecondsSinceOpened { get; private set; }
}
