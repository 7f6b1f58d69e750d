using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Jobs;

namespace SalesFlow.Core.Dealers;

/// <summary>
/// Makes an approved tier change the dealer's stored tier on the day it takes effect, so lists, filters and the portal show
/// the tier in force. Prices and rebates never wait for this: they read <see cref="DealerAccounts.TierOn"/> for their date.
/// Runs with the daily reminders (under their database lease); a day it missed is caught up on the next run.
/// </summary>
internal sealed class DealerTiersDue(IDbContextFactory<SalesFlowDbContext> dbFactory) : IReminder
{
    public string Name => "dealerTiers";

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        var stale = await db.Dealers.Where(DealerAccounts.TierDiffersOn(db, today)).ToListAsync(ct);
        if (stale.Count == 0)
        {
            return 0;
        }

        var tiers = await DealerAccounts.TiersAsync(db, [.. stale.Select(d => d.CustomerId)], today, ct);
        foreach (var dealer in stale)
        {
            dealer.ApplyTier(tiers[dealer.CustomerId]);
        }

        await db.SaveChangesAsync(ct);
        return stale.Count;
    }
}
