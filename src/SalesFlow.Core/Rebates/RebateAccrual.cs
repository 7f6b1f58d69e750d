using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Rebates;

/// <summary>
/// What a dealer has earned under a policy by the end of a month (返利计提): the period-to-date purchase (sell-in from
/// <see cref="Planning.Actuals.SalesActuals"/>), the rebate earned on it, this month's increment (earned to date minus
/// earned to the end of the month before) and the "how much more" figure. One row per policy × dealer × month; accruing
/// a month again overwrites the row (<see cref="Update"/>), never adds a second one. The orders behind it are a query
/// (<see cref="RebateQueries.OrdersAsync"/>), not copied rows, so they always agree with the figures.
/// </summary>
public sealed class RebateAccrual : IHasId, IAudited
{
    private RebateAccrual()
    {
    }

    public RebateAccrual(Guid policyId, Guid dealerId, DateOnly month)
    {
        Id = Guid.CreateVersion7();
        PolicyId = policyId;
        DealerId = dealerId;
        Month = month;
    }

    public Guid Id { get; private set; }

    public Guid PolicyId { get; private set; }

    public Guid DealerId { get; private set; }

    /// <summary>First day of the month.</summary>
    public DateOnly Month { get; private set; }

    /// <summary>Sell-in from the policy period's start to the end of the month (or to the day it was accrued, for the running month).</summary>
    public decimal PurchaseToDate { get; private set; }

    public decimal EarnedToDate { get; private set; }

    public decimal Increment { get; private set; }

    public decimal RatePercent { get; private set; }

    public decimal? NextThreshold { get; private set; }

    public decimal MissingToNext { get; private set; }

    public decimal ExtraAtNext { get; private set; }

    public DateOnly AccruedOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>
    /// Writes the figures; <see cref="AccruedOn"/> moves only when a figure changed. The job accrues on every tick, so
    /// stamping the day on unchanged rows would write an audit entry per row per day that says nothing.
    /// </summary>
    public void Update(RebateOutcome toDate, decimal earnedBefore, DateOnly accruedOn)
    {
        if (AccruedOn != default && PurchaseToDate == toDate.Amount && EarnedToDate == toDate.Rebate && Increment == toDate.Rebate - earnedBefore
            && RatePercent == toDate.RatePercent && NextThreshold == toDate.NextThreshold && MissingToNext == toDate.MissingToNext && ExtraAtNext == toDate.ExtraAtNext)
        {
            return;
        }

        PurchaseToDate = toDate.Amount;
        EarnedToDate = toDate.Rebate;
        Increment = toDate.Rebate - earnedBefore;
        RatePercent = toDate.RatePercent;
        NextThreshold = toDate.NextThreshold;
        MissingToNext = toDate.MissingToNext;
        ExtraAtNext = toDate.ExtraAtNext;
        AccruedOn = accruedOn;
    }
}

/// <summary>
/// A dealer's policy period settled by Finance (返利结算): the rebate earned over the whole period, paid as a
/// <see cref="Billing.CreditNote"/> on the dealer's customer account. One per policy and dealer (unique), so settling
/// twice is refused.
/// </summary>
public sealed class RebateSettlement : IHasId, IAudited
{
    private RebateSettlement()
    {
    }

    public RebateSettlement(Guid policyId, Guid dealerId, decimal purchase, decimal amount, Guid creditNoteId, DateOnly settledOn)
    {
        Id = Guid.CreateVersion7();
        PolicyId = policyId;
        DealerId = dealerId;
        Purchase = purchase;
        Amount = amount;
        CreditNoteId = creditNoteId;
        SettledOn = settledOn;
    }

    public Guid Id { get; private set; }

    public Guid PolicyId { get; private set; }

    public Guid DealerId { get; private set; }

    public decimal Purchase { get; private set; }

    public decimal Amount { get; private set; }

    public Guid CreditNoteId { get; private set; }

    public DateOnly SettledOn { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";
}
