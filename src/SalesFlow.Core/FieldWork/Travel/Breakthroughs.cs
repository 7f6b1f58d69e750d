using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Data;
using SalesFlow.Core.FieldWork.Visits;
using SalesFlow.Core.Opportunities;

namespace SalesFlow.Core.FieldWork.Travel;

/// <summary>Configuration section <c>Travel</c>.</summary>
public sealed class TravelOptions
{
    /// <summary>Completed visits to one customer with no breakthrough and no new plan after which travel to it is refused.</summary>
    public int VisitsWithoutBreakthrough { get; set; } = 3;
}

/// <summary>Something that moved a customer forward (or put a new plan on it) at a moment: the count of fruitless visits restarts after it.</summary>
public sealed class CustomerEvent
{
    public Guid CustomerId { get; init; }

    public DateTime AtUtc { get; init; }
}

/// <summary>One customer the rule refuses travel for, with the completed visits since its last breakthrough or new plan.</summary>
public sealed record StalledCustomer(Guid CustomerId, int Visits);

/// <summary>
/// THE travel rule of PRODUCT.md §4 (ADR-005): after <see cref="TravelOptions.VisitsWithoutBreakthrough"/> completed
/// visits to the same customer with no breakthrough and no new plan since, travel to that customer is refused
/// unless a manager overrides. Every definition the rule uses is in this class.
/// </summary>
public static class Breakthroughs
{
    /// <summary>
    /// Breakthroughs: a completed visit flagged <see cref="Visit.Breakthrough"/>, or an opportunity of the customer
    /// advancing (to a later open stage, or won). Orders add theirs here when the order module lands.
    /// </summary>
    public static IEnumerable<IQueryable<CustomerEvent>> BreakthroughEvents(SalesFlowDbContext db)
    {
        yield return db.Visits
            .Where(v => v.Status == VisitStatus.Done && v.Breakthrough && v.CheckOutAtUtc != null)
            .Select(v => new CustomerEvent { CustomerId = v.CustomerId, AtUtc = v.CheckOutAtUtc!.Value });
        yield return
            from change in db.OpportunityStageChanges
            join left in db.OpportunityStages on change.FromStageId equals left.Id
            join entered in db.OpportunityStages on change.ToStageId equals entered.Id
            join opportunity in db.Opportunities on change.OpportunityId equals opportunity.Id
            where entered.Kind == StageKind.Won || (entered.Kind == StageKind.Open && left.Kind == StageKind.Open && entered.SortOrder > left.SortOrder)
            select new CustomerEvent { CustomerId = opportunity.CustomerId, AtUtc = change.AtUtc };
    }

    /// <summary>New plans: a new opportunity registered for the customer (a fresh reason to travel).</summary>
    public static IEnumerable<IQueryable<CustomerEvent>> NewPlanEvents(SalesFlowDbContext db)
    {
        yield return db.Opportunities.Select(o => new CustomerEvent { CustomerId = o.CustomerId, AtUtc = o.OpenedAtUtc });
    }

    /// <summary>The last breakthrough or new plan of each customer that has one.</summary>
    public static async Task<Dictionary<Guid, DateTime>> LastResetAsync(SalesFlowDbContext db, IReadOnlyCollection<Guid> customerIds, CancellationToken ct)
    {
        var last = new Dictionary<Guid, DateTime>();
        foreach (var events in BreakthroughEvents(db).Concat(NewPlanEvents(db)))
        {
            var rows = await events.Where(e => customerIds.Contains(e.CustomerId))
                .GroupBy(e => e.CustomerId)
                .Select(g => new { CustomerId = g.Key, At = g.Max(e => e.AtUtc) })
                .ToListAsync(ct);
            foreach (var row in rows)
            {
                if (!last.TryGetValue(row.CustomerId, out var known) || row.At > known)
                {
                    last[row.CustomerId] = row.At;
                }
            }
        }

        return last;
    }

    /// <summary>Completed visits (by anyone) to the customer after its last breakthrough or new plan.</summary>
    public static async Task<int> VisitsSinceLastResetAsync(SalesFlowDbContext db, Guid customerId, DateTime? lastResetUtc, CancellationToken ct)
    {
        var visits = db.Visits.Where(v => v.CustomerId == customerId && v.Status == VisitStatus.Done && !v.Breakthrough);
        if (lastResetUtc is { } after)
        {
            visits = visits.Where(v => v.CheckOutAtUtc > after);
        }

        return await visits.CountAsync(ct);
    }

    /// <summary>The first customer of the request (in the order given) the rule refuses travel for, or null.</summary>
    public static async Task<StalledCustomer?> FirstStalledAsync(
        SalesFlowDbContext db, IReadOnlyList<Guid> customerIds, TravelOptions options, CancellationToken ct)
    {
        var lastReset = await LastResetAsync(db, customerIds, ct);
        foreach (var customer in customerIds)
        {
            var visits = await VisitsSinceLastResetAsync(db, customer, lastReset.TryGetValue(customer, out var at) ? at : null, ct);
            if (visits >= options.VisitsWithoutBreakthrough)
            {
                return new StalledCustomer(customer, visits);
            }
        }

        return null;
    }
}
