using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;

namespace SalesFlow.Core.Rebates;

/// <summary>The settlement rule on an open context, shared by Finance's use case and the demo.</summary>
public static class RebateSettling
{
    /// <summary>
    /// Adds (not saves) the credit note and the settlement for a dealer's whole policy period: the period's sell-in,
    /// the rebate it earns (<see cref="RebateCalculator"/>), the credit note on the dealer's customer account. The
    /// caller has checked that the period ended and that it was not settled before.
    /// </summary>
    public static async Task<Result<RebateSettlement>> SettleAsync(SalesFlowDbContext db, RebatePolicy policy, Dealer dealer, DateOnly on, CancellationToken ct)
    {
        if (policy.DealerTier is { } tier && !await DealerAccounts.AtTier(db, policy.PeriodEnd, tier).ContainsAsync(dealer.Id, ct) && !await db.RebateAccruals.AnyAsync(a => a.PolicyId == policy.Id && a.DealerId == dealer.Id, ct))
        {
            return RebateErrors.DealerNotCovered;
        }

        var purchase = await RebateAccruals.DealerFacts(db, policy, dealer.Id, policy.PeriodEnd).SumAsync(f => f.Amount, ct);
        var outcome = policy.Calculate(purchase);
        if (outcome.Rebate <= 0)
        {
            return RebateErrors.NothingEarned;
        }

        var account = await db.Customers.Where(c => c.Id == dealer.CustomerId).Select(c => new { c.Id, c.OwnerId, c.OrgUnitId }).SingleAsync(ct);
        var number = await SequenceNumbers.NextAsync(db, CreditNote.NumberSeries, on.Year, ct);
        var note = new CreditNote(
            number, account.Id, account.OwnerId, account.OrgUnitId, outcome.Rebate, on,
            policy.Name, "Rebate", policy.Id); // the reason is the policy's name: a sentence around it would be in one language for every reader
        db.CreditNotes.Add(note);
        var settlement = new RebateSettlement(policy.Id, dealer.Id, purchase, outcome.Rebate, note.Id, on);
        db.RebateSettlements.Add(settlement);
        return settlement;
    }
}
