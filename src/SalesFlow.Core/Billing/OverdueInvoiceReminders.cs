using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Jobs;
using SalesFlow.Core.Notifications;

namespace SalesFlow.Core.Billing;

/// <summary>
/// Overdue reminders (PRODUCT.md §7): the invoice's owner hears when an unpaid invoice becomes overdue and again as it
/// enters each aging bucket (31, 61 and over 90 days, as the aging report counts them). Only invoices that crossed a
/// boundary in the last <see cref="CatchUpDays"/> days are looked at, so a run costs the same at a million invoices and
/// a job that missed a few days still sends each reminder once.
/// </summary>
public sealed class OverdueInvoiceReminders(IDbContextFactory<SalesFlowDbContext> dbFactory, Notifier notifier) : IReminder
{
    public const string Kind = "invoice.overdue";
    public const int CatchUpDays = 7;

    /// <summary>The first overdue day of each bucket.</summary>
    public static readonly int[] BucketStarts = [1, 31, 61, 91];

    public string Name => "overdue-invoices";

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(Actor.System, ct);
        var sent = 0;
        foreach (var start in BucketStarts)
        {
            // Days overdue in [start, start + CatchUpDays): due date in (today - start - CatchUpDays, today - start].
            var latestDue = today.AddDays(-start);
            var earliestDue = latestDue.AddDays(-(CatchUpDays - 1));
            var due = await db.Invoices.AsNoTracking()
                .Where(i => i.DueDate >= earliestDue && i.DueDate <= latestDue
                    && (i.Status == InvoiceStatus.Open || i.Status == InvoiceStatus.PartiallyPaid))
                .Select(i => new
                {
                    i.Id,
                    i.Number,
                    i.DueDate,
                    Outstanding = i.Total - i.PaidAmount,
                    Customer = db.Customers.Where(c => c.Id == i.CustomerId).Select(c => c.Name).First(),
                    Users = db.Users.Where(u => u.EmployeeId == i.OwnerId).Select(u => u.Id).ToList(),
                })
                .ToListAsync(ct);
            var messages = due.SelectMany(i => i.Users.Select(user => new NewNotification(
                    user,
                    Kind,
                    [i.Number, i.Customer, (today.DayNumber - i.DueDate.DayNumber).ToString(CultureInfo.InvariantCulture), i.Outstanding.ToString("0.00", CultureInfo.InvariantCulture)],
                    $"/invoices/{i.Id}",
                    $"{Kind}:{i.Id}:{start}")))
                .ToList();
            sent += await notifier.AddAsync(db, messages, ct);
        }

        await db.SaveChangesAsync(ct);
        return sent;
    }
}
