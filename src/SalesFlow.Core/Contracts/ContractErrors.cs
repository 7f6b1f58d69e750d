using SalesFlow.Core.Common;

namespace SalesFlow.Core.Contracts;

public static class ContractErrors
{
    public static readonly Error EndBeforeStart = Error.Rule("contract.endBeforeStart", "The contract cannot end before it starts.");

    public static Error NotDraft(ContractStatus status) =>
        Error.Rule("contract.notDraft", $"Only a draft contract can be changed or signed; this one is {status}.", ("contractStatus", status.ToString()));

    public static Error NotActive(ContractStatus status) =>
        Error.Rule("contract.notActive", $"Only an active contract can be completed or terminated; this one is {status}.", ("contractStatus", status.ToString()));

    public static Error NotRenewable(ContractStatus status) =>
        Error.Rule("contract.notRenewable", $"Only an active or completed contract can be renewed; this one is {status}.", ("contractStatus", status.ToString()));

    public static Error Closed(ContractStatus status) =>
        Error.Rule("contract.closed", $"Orders are linked only to a draft or active contract; this one is {status}.", ("contractStatus", status.ToString()));

    public static Error AlreadyRenewed(string number) =>
        Error.Conflict("contract.alreadyRenewed", $"The contract was already renewed by {number}.", ("renewedBy", number));

    public static Error ScheduleNotEqualAmount(decimal scheduled, decimal amount) =>
        Error.Rule("contract.scheduleNotEqualAmount", $"The installments add up to {scheduled:0.00} but the contract amount is {amount:0.00}.", ("scheduled", scheduled), ("amount", amount));

    public static Error InstallmentBeforeStart(int sequence, DateOnly start) =>
        Error.Rule("contract.installmentBeforeStart", $"Installment {sequence} is due before the contract starts ({start:yyyy-MM-dd}).", ("sequence", sequence), ("startDate", start.ToString("yyyy-MM-dd")));

    public static Error OrderOfOtherCustomer(string orderNumber) =>
        Error.Rule("contract.orderOfOtherCustomer", $"Order {orderNumber} is for another customer.", ("orderNumber", orderNumber));

    public static Error OrderLinkedElsewhere(string orderNumber, Guid contractId, string contractNumber) =>
        Error.Conflict("contract.orderLinkedElsewhere", $"Order {orderNumber} already belongs to contract {contractNumber}.",
            ("orderNumber", orderNumber), ("contractId", contractId), ("contractNumber", contractNumber));

    public static Error NotFound(Guid id) => Error.NotFound("Contract", id);

    public static Error OrderNotFound(Guid id) => Error.NotFound("Order", id);
}

public static class ContractPermissions
{
    public const string View = "contracts.view";
    public const string Edit = "contracts.edit";
}

public static class ContractScope
{
    /// <summary>Like customers: Team/Region by the owner's unit, Own by owner, every contract for All.</summary>
    public static IQueryable<Contract> VisibleTo(this IQueryable<Contract> contracts, Actor actor) => actor.Scope switch
    {
        DataScope.All => contracts,
        DataScope.Team or DataScope.Region => contracts.Where(c => actor.VisibleUnitIds.Contains(c.OrgUnitId) || c.OwnerId == actor.EmployeeId),
        DataScope.Own => contracts.Where(c => c.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => contracts.Where(c => false),
    };
}

/// <summary>Configuration section <c>Contracts</c>.</summary>
public sealed class ContractOptions
{
    /// <summary>Active contracts ending within this many days (and not renewed) are due for renewal.</summary>
    public int RenewalNoticeDays { get; set; } = 60;

    /// <summary>The signing entity a new contract names on our side unless the caller gives one.</summary>
    public string OurEntity { get; set; } = "远航工业集团销售有限公司";
}
