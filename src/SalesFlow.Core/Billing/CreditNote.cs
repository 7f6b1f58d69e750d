using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Billing;

/// <summary>
/// A credit note (贷项通知单, e.g. a settled rebate) on a customer's account: money we owe the customer, used on its
/// later invoices. Allocating it works like a receipt's allocation — <see cref="Invoice.ApplyPayment"/> reduces what is
/// owed — so the invoice, the aging, the credit exposure and the statement all see it. Never beyond the credit note,
/// never beyond the invoice, only the same customer's invoices.
/// </summary>
public sealed class CreditNote : IHasId, IAudited, IVersioned
{
    public const string NumberSeries = "CN";
    public const int ReasonMaxLength = 300;

    private readonly List<CreditNoteAllocation> _allocations = [];

    private CreditNote()
    {
    }

    public CreditNote(string number, Guid customerId, Guid ownerId, Guid orgUnitId, decimal amount, DateOnly issueDate, string reason, string sourceKind, Guid? sourceId)
    {
        Id = Guid.CreateVersion7();
        Number = number;
        CustomerId = customerId;
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        Amount = amount;
        IssueDate = issueDate;
        Reason = reason;
        SourceKind = sourceKind;
        SourceId = sourceId;
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; } = "";

    public Guid CustomerId { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly IssueDate { get; private set; }

    public string Reason { get; private set; } = "";

    /// <summary>What created it and its id, e.g. <c>Rebate</c> and the rebate policy (the settlement points at its credit note).</summary>
    public string SourceKind { get; private set; } = "";

    public Guid? SourceId { get; private set; }

    public decimal AllocatedAmount { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public IReadOnlyList<CreditNoteAllocation> Allocations => _allocations;

    public decimal Unapplied => Amount - AllocatedAmount;

    /// <summary>Uses part of the credit note on an invoice of the same customer, with the receipts' rules.</summary>
    public Result Allocate(Invoice invoice, decimal amount, DateOnly on)
    {
        var applied = InvoiceAllocation.Apply(CustomerId, Unapplied, CreditNoteErrors.ExceedsCreditNote(Unapplied), invoice, amount);
        if (!applied.IsSuccess)
        {
            return applied;
        }

        AllocatedAmount += amount;
        _allocations.Add(new CreditNoteAllocation(Id, invoice.Id, amount, on));
        return Result.Ok();
    }
}

public sealed class CreditNoteAllocation
{
    private CreditNoteAllocation()
    {
    }

    public CreditNoteAllocation(Guid creditNoteId, Guid invoiceId, decimal amount, DateOnly allocatedOn)
    {
        Id = Guid.CreateVersion7();
        CreditNoteId = creditNoteId;
        InvoiceId = invoiceId;
        Amount = amount;
        AllocatedOn = allocatedOn;
    }

    public Guid Id { get; private set; }

    public Guid CreditNoteId { get; private set; }

    public Guid InvoiceId { get; private set; }

    public decimal Amount { get; private set; }

    public DateOnly AllocatedOn { get; private set; }
}

public static class CreditNoteErrors
{
    public static Error NotFound(Guid id) => Error.NotFound("CreditNote", id);

    public static Error ExceedsCreditNote(decimal unapplied) =>
        Error.Rule("creditNote.exceedsCreditNote", $"Only {unapplied} of the credit note is left to use.", ("unapplied", unapplied));
}

public static class CreditNoteScope
{
    public static IQueryable<CreditNote> VisibleTo(this IQueryable<CreditNote> notes, Actor actor) => actor.Scope switch
    {
        DataScope.All => notes,
        DataScope.Team or DataScope.Region => notes.Where(o => actor.VisibleUnitIds.Contains(o.OrgUnitId) || o.OwnerId == actor.EmployeeId),
        DataScope.Own => notes.Where(o => o.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => notes.Where(o => actor.DealerAccountId != null && o.CustomerId == actor.DealerAccountId),
    };
}
