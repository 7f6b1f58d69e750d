using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Jobs;
using SalesFlow.Core.Notifications;

namespace SalesFlow.Core.Contracts;

/// <summary>
/// Renewal reminders (PRODUCT.md §6): the owner of an active contract hears once when it comes within
/// <see cref="ContractOptions.RenewalNoticeDays"/> of its end without a renewal (<see cref="ContractQueries.DueForRenewalAsync"/>).
/// </summary>
public sealed class ContractRenewalReminders(IDbContextFactory<SalesFlowDbContext> dbFactory, ContractQueries contracts, Notifier notifier) : IReminder
{
    public const string Kind = "contract.renewalDue";

    public string Name => "contract-renewals";

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        var due = await contracts.DueForRenewalAsync(today, ct);
        var messages = due.Where(c => c.OwnerUserId is not null)
            .Select(c => new NewNotification(
                c.OwnerUserId!.Value, Kind, [c.Number, c.EndDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)], $"/contracts/{c.ContractId}", $"{Kind}:{c.ContractId}"))
            .ToList();
        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        var sent = await notifier.AddAsync(db, messages, ct);
        await db.SaveChangesAsync(ct);
        return sent;
    }
}
