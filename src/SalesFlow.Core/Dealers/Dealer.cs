using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers;

/// <summary>
/// Where a dealer stands after its application was approved (PRODUCT.md §8): the contract is signed, the deposit
/// (保证金) received, the training done, then it trades; suspension and termination can come at any time.
/// The application and its qualification review before approval are <c>DealerApplication</c>s, not dealers.
/// </summary>
public enum DealerStatus
{
    Approved,
    Contracted,
    DepositReceived,
    Trained,
    Active,
    Suspended,
    Terminated,
}

/// <summary>The yearly assessment's verdict: a failed dealer is not renewed.</summary>
public enum DealerAssessmentResult
{
    Excellent,
    Passed,
    Failed,
}

/// <summary>
/// A dealer (经销商): a company that buys from us (sell-in) and sells on to stores and end customers (sell-through).
/// It buys through its own customer account (<see cref="CustomerId"/>, type Dealer), so orders, credit, invoices and
/// receipts work as for any customer; the order carries the dealer's id. It is guided by an area manager
/// (<see cref="ManagerId"/>, 区域经理) in <see cref="OrgUnitId"/>, which decides who sees it. Its tier picks its price list.
/// </summary>
public sealed class Dealer : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "DLR";
    public const int NameMaxLength = 200;
    public const int ReasonMaxLength = 500;
    public const int ProductScopeMaxLength = 300;

    private Dealer()
    {
    }

    public Dealer(string code, string name, DealerTier tier, Guid regionId, Guid orgUnitId, Guid managerId, Guid customerId, string province, string city)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Name = name;
        Tier = tier;
        RegionId = regionId;
        OrgUnitId = orgUnitId;
        ManagerId = managerId;
        CustomerId = customerId;
        Province = province;
        City = city;
        Status = DealerStatus.Approved;
    }

    public Guid Id { get; private set; }

    /// <summary>DLR-000001: what people call the dealer in lists, imports and the portal.</summary>
    public string Code { get; private set; } = "";

    public string Name { get; private set; } = "";

    public DealerTier Tier { get; private set; }

    public DealerStatus Status { get; private set; }

    public Guid RegionId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    /// <summary>The area manager (区域经理) who guides the dealer: visits, plans, scores its staff.</summary>
    public Guid ManagerId { get; private set; }

    /// <summary>The dealer's customer account, which its sell-in orders, invoices and credit belong to.</summary>
    public Guid CustomerId { get; private set; }

    /// <summary>The application it was approved from, when it came through the recruitment process.</summary>
    public Guid? ApplicationId { get; private set; }

    public string Province { get; private set; } = "";

    public string City { get; private set; } = "";

    public string? Address { get; private set; }

    public string? ContactName { get; private set; }

    public string? ContactMobile { get; private set; }

    /// <summary>统一社会信用代码.</summary>
    public string? LicenceNumber { get; private set; }

    public decimal RegisteredCapital { get; private set; }

    public DateOnly? ContractStart { get; private set; }

    public DateOnly? ContractEnd { get; private set; }

    /// <summary>The deposit (保证金) the contract asks for; received and refunded dates are recorded by finance.</summary>
    public decimal DepositAmount { get; private set; }

    public DateOnly? DepositReceivedOn { get; private set; }

    public DateOnly? DepositRefundedOn { get; private set; }

    public DateOnly? TrainedOn { get; private set; }

    public DateOnly? ActivatedOn { get; private set; }

    /// <summary>The status to return to when a suspension is lifted.</summary>
    public DealerStatus? StatusBeforeSuspension { get; private set; }

    public string? SuspensionReason { get; private set; }

    public DateOnly? TerminatedOn { get; private set; }

    /// <summary>The product lines the contract lets the dealer sell (codes, comma separated).</summary>
    public string? ProductScope { get; private set; }

    /// <summary>The yearly purchase target (sell-in, net) the contract sets.</summary>
    public decimal YearlyTarget { get; private set; }

    public DateOnly? LastAssessedOn { get; private set; }

    public DealerAssessmentResult? AssessmentResult { get; private set; }

    public string? AssessmentNote { get; private set; }

    public string? TerminationReason { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>Only an active dealer orders, earns rebates and is scored.</summary>
    public bool IsTrading => Status == DealerStatus.Active;

    /// <summary>Another area manager takes the dealer over (a hand-over of the rep's accounts); the dealer follows them into their unit.</summary>
    public void HandTo(Guid managerId, Guid orgUnitId)
    {
        ManagerId = managerId;
        OrgUnitId = orgUnitId;
    }

    public void UpdateDetails(string name, string? address, string? contactName, string? contactMobile, string? licenceNumber, decimal registeredCapital)
    {
        Name = name;
        Address = address;
        ContactName = contactName;
        ContactMobile = contactMobile;
        LicenceNumber = licenceNumber;
        RegisteredCapital = registeredCapital;
    }

    /// <summary>Links the dealer to the application it was approved from.</summary>
    internal void FromApplication(Guid applicationId, string? licenceNumber, decimal registeredCapital, string? contactName, string? contactMobile)
    {
        ApplicationId = applicationId;
        LicenceNumber = licenceNumber;
        RegisteredCapital = registeredCapital;
        ContactName = contactName;
        ContactMobile = contactMobile;
    }

    /// <summary>Approved → Contracted: the contract's period, product scope, yearly target and deposit.</summary>
    public Result SignContract(DateOnly start, DateOnly end, string? productScope, decimal yearlyTarget, decimal deposit)
    {
        if (Expect(DealerStatus.Approved) is { } wrong)
        {
            return wrong;
        }

        if (end < start)
        {
            return Error.Invalid("contractEnd", "afterStart");
        }

        ContractStart = start;
        ContractEnd = end;
        ProductScope = productScope;
        YearlyTarget = yearlyTarget;
        DepositAmount = deposit;
        Status = DealerStatus.Contracted;
        return Result.Ok();
    }

    /// <summary>Contracted → DepositReceived (finance).</summary>
    public Result RecordDeposit(DateOnly on)
    {
        if (Expect(DealerStatus.Contracted) is { } wrong)
        {
            return wrong;
        }

        DepositReceivedOn = on;
        Status = DealerStatus.DepositReceived;
        return Result.Ok();
    }

    /// <summary>DepositReceived → Trained.</summary>
    public Result CompleteTraining(DateOnly on)
    {
        if (Expect(DealerStatus.DepositReceived) is { } wrong)
        {
            return wrong;
        }

        TrainedOn = on;
        Status = DealerStatus.Trained;
        return Result.Ok();
    }

    /// <summary>Trained → Active: from now on it orders.</summary>
    public Result Activate(DateOnly on)
    {
        if (Expect(DealerStatus.Trained) is { } wrong)
        {
            return wrong;
        }

        ActivatedOn = on;
        Status = DealerStatus.Active;
        return Result.Ok();
    }

    /// <summary>The yearly assessment of an active dealer; it decides whether the contract may be renewed.</summary>
    public Result Assess(DateOnly on, DealerAssessmentResult result, string? note)
    {
        if (Expect(DealerStatus.Active) is { } wrong)
        {
            return wrong;
        }

        LastAssessedOn = on;
        AssessmentResult = result;
        AssessmentNote = note;
        return Result.Ok();
    }

    /// <summary>Renews an active dealer's contract for the next period; it needs a passed assessment in the current period.</summary>
    public Result Renew(DateOnly newEnd, decimal? yearlyTarget)
    {
        if (Expect(DealerStatus.Active) is { } wrong)
        {
            return wrong;
        }

        if (LastAssessedOn is null || (ContractStart is { } start && LastAssessedOn < start))
        {
            return DealerErrors.AssessmentRequired;
        }

        if (AssessmentResult == DealerAssessmentResult.Failed)
        {
            return DealerErrors.AssessmentFailed;
        }

        var nextStart = (ContractEnd ?? LastAssessedOn.Value).AddDays(1);
        if (newEnd < nextStart)
        {
            return Error.Invalid("contractEnd", "afterStart");
        }

        ContractStart = nextStart;
        ContractEnd = newEnd;
        YearlyTarget = yearlyTarget ?? YearlyTarget;
        return Result.Ok();
    }

    /// <summary>Ends the relationship (any status but terminated); the caller ends the territories.</summary>
    public Result Terminate(DateOnly on, string reason)
    {
        if (Status == DealerStatus.Terminated)
        {
            return DealerErrors.WrongStatus(Status, "notTerminated");
        }

        TerminatedOn = on;
        TerminationReason = reason;
        StatusBeforeSuspension = null;
        Status = DealerStatus.Terminated;
        return Result.Ok();
    }

    /// <summary>Finance records the deposit paid back to a terminated dealer.</summary>
    public Result RecordDepositRefund(DateOnly on)
    {
        if (Expect(DealerStatus.Terminated) is { } wrong)
        {
            return wrong;
        }

        if (DepositReceivedOn is null || DepositRefundedOn is not null)
        {
            return DealerErrors.NoDepositToRefund;
        }

        DepositRefundedOn = on;
        return Result.Ok();
    }

    /// <summary>Suspends at any time (not when terminated or already suspended), remembering the status to return to.</summary>
    public Result Suspend(string reason)
    {
        if (Status is DealerStatus.Suspended or DealerStatus.Terminated)
        {
            return DealerErrors.WrongStatus(Status, "notSuspendedOrTerminated");
        }

        StatusBeforeSuspension = Status;
        SuspensionReason = reason;
        Status = DealerStatus.Suspended;
        return Result.Ok();
    }

    /// <summary>Lifts a suspension: back to the status before it.</summary>
    public Result Resume()
    {
        if (Expect(DealerStatus.Suspended) is { } wrong)
        {
            return wrong;
        }

        Status = StatusBeforeSuspension ?? DealerStatus.Active;
        StatusBeforeSuspension = null;
        SuspensionReason = null;
        return Result.Ok();
    }

    /// <summary>An approved tier change that is effective today or earlier becomes the dealer's tier.</summary>
    internal void ApplyTier(DealerTier tier) => Tier = tier;

    private Error? Expect(DealerStatus expected) => Status == expected ? null : DealerErrors.WrongStatus(Status, expected.ToString());

    /// <summary>Demo history only: the contract's product scope and yearly target.</summary>
    internal void SetTerms(string? productScope, decimal yearlyTarget)
    {
        ProductScope = productScope;
        YearlyTarget = yearlyTarget;
    }

    /// <summary>Demo history only: sets the state a dealer reached in the past without walking every step.</summary>
    internal void SetHistory(
        DealerStatus status, DateOnly? contractStart, DateOnly? contractEnd, decimal deposit, DateOnly? depositOn, DateOnly? trainedOn, DateOnly? activatedOn, string? suspensionReason = null)
    {
        Status = status;
        ContractStart = contractStart;
        ContractEnd = contractEnd;
        DepositAmount = deposit;
        DepositReceivedOn = depositOn;
        TrainedOn = trainedOn;
        ActivatedOn = activatedOn;
        if (status == DealerStatus.Suspended)
        {
            StatusBeforeSuspension = DealerStatus.Active;
            SuspensionReason = suspensionReason;
        }
    }
}
