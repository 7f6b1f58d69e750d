using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Planning.Actuals;

namespace SalesFlow.Core.Planning.Summaries;

/// <summary>
/// Before every save: for each order that is booked before or after the change, records the month × owner × unit it
/// counted in (before) and counts in (after) as a <see cref="SalesSummaryChange"/>, in the same transaction — so no
/// order change can commit without its summary being marked for recomputation, whichever use case made it.
/// </summary>
public sealed class SalesSummaryTracker : SaveChangesInterceptor, IBeforeSave
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Track(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Track(eventData.Context);
        return ValueTask.FromResult(result);
    }

    void IBeforeSave.BeforeSave(SalesFlowDbContext db) => Track(db);

    private static void Track(DbContext? context)
    {
        if (context is not SalesFlowDbContext db)
        {
            return;
        }

        var buckets = new HashSet<(DateOnly, Guid, Guid)>();
        foreach (var entry in db.ChangeTracker.Entries<Order>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    AddIfBooked(buckets, entry, original: false);
                    break;
                case EntityState.Modified:
                    AddIfBooked(buckets, entry, original: true);
                    AddIfBooked(buckets, entry, original: false);
                    break;
                case EntityState.Deleted:
                    AddIfBooked(buckets, entry, original: true);
                    break;
            }
        }

        foreach (var (month, owner, unit) in buckets)
        {
            db.SalesSummaryChanges.Add(new SalesSummaryChange(month, owner, unit));
        }
    }

    private static void AddIfBooked(HashSet<(DateOnly, Guid, Guid)> buckets, EntityEntry<Order> entry, bool original)
    {
        T Value<T>(string name) => (T)(original ? entry.Property(name).OriginalValue : entry.Property(name).CurrentValue)!;

        if (!SalesActuals.BookedStatuses.Contains(Value<OrderStatus>(nameof(Order.Status))))
        {
            return;
        }

        var date = Value<DateOnly>(nameof(Order.OrderDate));
        buckets.Add((new DateOnly(date.Year, date.Month, 1), Value<Guid>(nameof(Order.OwnerId)), Value<Guid>(nameof(Order.OrgUnitId))));
    }
}
