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

    public string? TerminationReason { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>Only an active dealer orders, earns rebates and is scored.</summary>
    public bool IsTrading => Status == DealerStatus.Active;

    public void UpdateDetails(string name, string? address, string? contactName, string? contactMobile, string? licenceNumber, decimal registeredCapital)
    {
        Name = name;
        Address = address;
        ContactName = contactName;
        ContactMobile = contactMobile;
        LicenceNumber = licenceNumber;
        RegisteredCapital = registeredCapital;
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
