using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Contracts;

/// <summary>The stored lifecycle of a contract. "Expired" is not stored: see <see cref="ContractState"/>.</summary>
public enum ContractStatus
{
    Draft,
    Active,
    Completed,
    Terminated,
}

/// <summary>What a reader sees: the stored status, except that an active contract past its end date is Expired.</summary>
public enum ContractState
{
    Draft,
    Active,
    Expired,
    Completed,
    Terminated,
}

/// <summary>
/// A sales contract (合同, PRODUCT.md §6): parties, period, amount, payment terms and an installment schedule. Owner
/// and unit come from the customer when it is made (scoped like customers). Terms and schedule change only while
/// Draft; <see cref="Activate"/> (signing) needs a schedule that sums exactly to the amount. Orders are linked
/// through <see cref="ContractOrder"/> rows, never by a field on the order.
/// </summary>
public sealed class Contract : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "CT";
    public const int TitleMaxLength = 200;
    public const int PartyMaxLength = 200;
    public const int TermsMaxLength = 2000;
    public const int ReasonMaxLength = 500;
    public const int MaxInstallments = 60;

    private readonly List<ContractInstallment> _installments = [];

    private Contract()
    {
    }

    public Contract(string number, Guid customerId, Guid ownerId, Guid orgUnitId, string currency)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        CustomerId = customerId;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Currency = currency;
        Status = ContractStatus.Draft;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public string Title { get; private set; } = "";

    /// <summary>Our signing entity (甲方/乙方 on our side).</summary>
    public string OurEntity { get; private set; } = "";

    public string? CustomerSignatory { get; private set; }

    public DateOnly StartDate { get; private set; }

    public DateOnly EndDate { get; private set; }

    public decimal Amount { get; private set; }

    public string Currency { get; private set; } = "CNY";

    public string? PaymentTerms { get; private set; }

    public ContractStatus Status { get; private set; }

    public DateOnly? SignedDate { get; private set; }

    public DateOnly? CompletedDate { get; private set; }

    public DateOnly? TerminatedDate { get; private set; }

    public string? TerminationReason { get; private set; }

    /// <summary>The contract this one renews (the previous period), if any.</summary>
    public Guid? RenewedFromId { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<ContractInstallment> Installments => _installments;

    /// <summary>Expired is derived: active, and the end date is before today in the company's time zone.</summary>
    public static ContractState StateOf(ContractStatus status, DateOnly endDate, DateOnly today) =>
        status switch
        {
            ContractStatus.Draft => ContractState.Draft,
            ContractStatus.Active => endDate < today ? ContractState.Expired : ContractState.Active,
            ContractStatus.Completed => ContractState.Completed,
            _ => ContractState.Terminated,
        };

    public ContractState StateOn(DateOnly today) => StateOf(Status, EndDate, today);

    /// <summary>Sets the terms and the schedule (only while Draft); the schedule, when given, must fit the period and the amount.</summary>
    public Result Edit(ContractTerms terms, IReadOnlyList<InstallmentInput> schedule)
    {
        if (Status != ContractStatus.Draft)
        {
            return ContractErrors.NotDraft(Status);
        }

        if (ContractSchedule.Check(terms, schedule) is { } refused)
        {
            return refused;
        }

        Title = terms.Title;
        OurEntity = terms.OurEntity;
        CustomerSignatory = terms.CustomerSignatory;
        StartDate = terms.StartDate;
        EndDate = terms.EndDate;
        Amount = decimal.Round(terms.Amount, 2, MidpointRounding.AwayFromZero);
        PaymentTerms = terms.PaymentTerms;
        _installments.Clear();
        _installments.AddRange(schedule.OrderBy(i => i.DueDate).Select((i, n) => new ContractInstallment(n + 1, i.DueDate, decimal.Round(i.Amount, 2, MidpointRounding.AwayFromZero), i.Milestone)));
        return Result.Ok();
    }

    /// <summary>Signing: a draft with a full schedule (installments summing to the amount) becomes active.</summary>
    public Result Activate(DateOnly signedDate)
    {
        if (Status != ContractStatus.Draft)
        {
            return ContractErrors.NotDraft(Status);
        }

        var scheduled = _installments.Sum(i => i.Amount);
        if (_installments.Count == 0 || scheduled != Amount)
        {
            return ContractErrors.ScheduleNotEqualAmount(scheduled, Amount);
        }

        Status = ContractStatus.Active;
        SignedDate = signedDate;
        return Result.Ok();
    }

    public Result Complete(DateOnly on)
    {
        if (Status != ContractStatus.Active)
        {
            return ContractErrors.NotActive(Status);
        }

        Status = ContractStatus.Completed;
        CompletedDate = on;
        return Result.Ok();
    }

    public Result Terminate(string? reason, DateOnly on)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return Error.Invalid("reason", "required");
        }

        if (Status != ContractStatus.Active)
        {
            return ContractErrors.NotActive(Status);
        }

        Status = ContractStatus.Terminated;
        TerminationReason = reason.Trim();
        TerminatedDate = on;
        return Result.Ok();
    }

    /// <summary>
    /// The next period's draft: same customer, owner, parties, amount and payment terms; it starts the day after this one
    /// ends and runs as long; the installments move by the same number of days. Active (also expired) or completed only.
    /// </summary>
    public Result<Contract> Renew(string number)
    {
        if (Status is not (ContractStatus.Active or ContractStatus.Completed))
        {
            return ContractErrors.NotRenewable(Status);
        }

        var start = EndDate.AddDays(1);
        var shift = start.DayNumber - StartDate.DayNumber;
        var next = new Contract(number, CustomerId, OwnerId, OrgUnitId, Currency) { RenewedFromId = Id };
        var terms = new ContractTerms(Title, OurEntity, CustomerSignatory, start, start.AddDays(EndDate.DayNumber - StartDate.DayNumber), Amount, PaymentTerms);
        var edited = next.Edit(terms, _installments.Select(i => new InstallmentInput(i.DueDate.AddDays(shift), i.Amount, i.Milestone)).ToList());
        return edited.IsSuccess ? next : edited.Error!;
    }

    /// <summary>Demo history: a contract signed, completed or terminated in the past.</summary>
    internal void SetHistory(ContractStatus status, DateOnly? signed, DateOnly? closed, string? reason)
    {
        Status = status;
        SignedDate = signed;
        CompletedDate = status == ContractStatus.Completed ? closed : null;
        TerminatedDate = status == ContractStatus.Terminated ? closed : null;
        TerminationReason = status == ContractStatus.Terminated ? reason : null;
    }

    internal void RenewsFrom(Guid previousId) => RenewedFromId = previousId;
}

/// <summary>The editable terms of a contract, already validated for shape.</summary>
public sealed record ContractTerms(
    string Title, string OurEntity, string? CustomerSignatory, DateOnly StartDate, DateOnly EndDate, decimal Amount, string? PaymentTerms);

public sealed record InstallmentInput(DateOnly DueDate, decimal Amount, string? Milestone);

/// <summary>One payment of the schedule (e.g. 预付款 30 %), in due-date order.</summary>
public sealed class ContractInstallment
{
    public const int MilestoneMaxLength = 100;

    private ContractInstallment()
    {
    }

    public ContractInstallment(int sequence, DateOnly dueDate, decimal amount, string? milestone)
    {
        Id = Guid.CreateVersion7();
        Sequence = sequence;
        DueDate = dueDate;
        Amount = amount;
        Milestone = string.IsNullOrWhiteSpace(milestone) ? null : milestone.Trim();
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public int Sequence { get; private set; }

    public DateOnly DueDate { get; private set; }

    public decimal Amount { get; private set; }

    public string? Milestone { get; private set; }
}

/// <summary>An order counted under a contract. An order belongs to at most one contract (unique index on the order).</summary>
public sealed class ContractOrder : IHasId, IAudited
{
    private ContractOrder()
    {
    }

    public ContractOrder(Guid contractId, Guid orderId)
    {
        Id = Guid.CreateVersion7();
        ContractId = contractId;
        OrderId = orderId;
    }

    public Guid Id { get; private set; }

    public Guid ContractId { get; private set; }

    public Guid OrderId { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";
}

/// <summary>The schedule rules and the allocation of collected money to installments (pure, unit-tested).</summary>
public static class ContractSchedule
{
    public static Error? Check(ContractTerms terms, IReadOnlyList<InstallmentInput> schedule)
    {
        if (terms.EndDate < terms.StartDate)
        {
            return ContractErrors.EndBeforeStart;
        }

        if (schedule.Count > Contract.MaxInstallments)
        {
            return Error.Invalid("installments", "maxLength", ("max", Contract.MaxInstallments));
        }

        if (schedule.Count == 0)
        {
            return null; // a draft may be saved before its schedule is agreed; signing needs it
        }

        for (var i = 0; i < schedule.Count; i++)
        {
            if (schedule[i].Amount <= 0)
            {
                return Error.Invalid($"installments[{i}].amount", "range", ("min", 0.01m));
            }

            if (schedule[i].DueDate < terms.StartDate)
            {
                return ContractErrors.InstallmentBeforeStart(i + 1, terms.StartDate);
            }

            if (schedule[i].Milestone?.Length > ContractInstallment.MilestoneMaxLength)
            {
                return Error.Invalid($"installments[{i}].milestone", "maxLength", ("max", ContractInstallment.MilestoneMaxLength));
            }
        }

        var sum = schedule.Sum(i => decimal.Round(i.Amount, 2, MidpointRounding.AwayFromZero));
        var amount = decimal.Round(terms.Amount, 2, MidpointRounding.AwayFromZero);
        return sum == amount ? null : ContractErrors.ScheduleNotEqualAmount(sum, amount);
    }

    /// <summary>
    /// Spreads the collected total over the installments in due-date order (then sequence): each takes up to its
    /// amount before the next gets anything. Returns the collected part per installment, in the order given.
    /// </summary>
    public static IReadOnlyList<decimal> Allocate(IReadOnlyList<(int Sequence, DateOnly DueDate, decimal Amount)> installments, decimal collected)
    {
        var result = new decimal[installments.Count];
        var left = Math.Max(0m, collected);
        foreach (var index in Enumerable.Range(0, installments.Count).OrderBy(i => installments[i].DueDate).ThenBy(i => installments[i].Sequence))
        {
            var take = Math.Min(left, installments[index].Amount);
            result[index] = take;
            left -= take;
        }

        return result;
    }
}
