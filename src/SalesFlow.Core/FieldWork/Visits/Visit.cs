using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Visits;

public enum VisitSource
{
    /// <summary>Planned by hand for a date.</summary>
    Planned,

    /// <summary>Generated from the rep's route plan.</summary>
    RoutePlan,

    /// <summary>Not planned: recorded when the rep checked in.</summary>
    AdHoc,
}

public enum VisitStatus
{
    Planned,
    CheckedIn,
    Done,
    Cancelled,
}

/// <summary>What the rep saw in the store, saved with the check-out (店面检查).</summary>
public sealed record VisitChecklist(bool? ShelfDisplayOk, bool? StockOk, bool? PriceOk, bool? StaffRecommends, string? Notes);

/// <summary>
/// One visit of a rep to a customer on a company-local date: planned (by hand or from the route plan) or ad hoc,
/// then checked in and out with time, optional coordinates, the outcome and the store checklist. A visit that moved
/// the customer forward is flagged <see cref="Breakthrough"/> — the travel rule counts visits since the last one.
/// </summary>
public sealed class Visit : IHasId, IAudited, IVersioned, IRepOwned
{
    public const int TextMaxLength = 2000;

    private Visit()
    {
    }

    public Visit(Guid ownerId, Guid orgUnitId, Guid customerId, DateOnly date, VisitSource source, Guid? routePlanId = null, string? purpose = null, Guid? storeId = null)
    {
        StoreId = storeId;
        Id = Guid.CreateVersion7();
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        CustomerId = customerId;
        Date = date;
        Source = source;
        RoutePlanId = routePlanId;
        Purpose = purpose;
        Status = VisitStatus.Planned;
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public Guid CustomerId { get; private set; }

    /// <summary>
    /// Set for a store visit (终端拜访): the retail store visited. <see cref="CustomerId"/> is then the store's dealer's
    /// customer account; its check-out writes a <see cref="Stores.StoreCheck"/>.
    /// </summary>
    public Guid? StoreId { get; private set; }

    /// <summary>The planned date, moved to the actual (company-local) date at check-in.</summary>
    public DateOnly Date { get; private set; }

    public VisitSource Source { get; private set; }

    public Guid? RoutePlanId { get; private set; }

    public string? Purpose { get; private set; }

    public VisitStatus Status { get; private set; }

    public DateTime? CheckInAtUtc { get; private set; }

    public double? CheckInLatitude { get; private set; }

    public double? CheckInLongitude { get; private set; }

    public DateTime? CheckOutAtUtc { get; private set; }

    public double? CheckOutLatitude { get; private set; }

    public double? CheckOutLongitude { get; private set; }

    public string? Outcome { get; private set; }

    public bool? ShelfDisplayOk { get; private set; }

    public bool? StockOk { get; private set; }

    public bool? PriceOk { get; private set; }

    public bool? StaffRecommends { get; private set; }

    public string? ChecklistNotes { get; private set; }

    public bool Breakthrough { get; private set; }

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    /// <summary>Counted as planned in compliance: planned by hand or by the route plan, and not cancelled.</summary>
    public bool WasPlanned => Source != VisitSource.AdHoc;

    public Result CheckIn(DateTime atUtc, DateOnly localDate, double? latitude, double? longitude)
    {
        if (Status != VisitStatus.Planned)
        {
            return FieldWorkErrors.WrongStatus("Visit", Status.ToString(), VisitStatus.CheckedIn.ToString());
        }

        Status = VisitStatus.CheckedIn;
        CheckInAtUtc = atUtc;
        Date = localDate;
        CheckInLatitude = latitude;
        CheckInLongitude = longitude;
        return Result.Ok();
    }

    public Result CheckOut(DateTime atUtc, double? latitude, double? longitude, string? outcome, VisitChecklist checklist, bool breakthrough)
    {
        if (Status != VisitStatus.CheckedIn)
        {
            return FieldWorkErrors.WrongStatus("Visit", Status.ToString(), VisitStatus.Done.ToString());
        }

        Status = VisitStatus.Done;
        CheckOutAtUtc = atUtc;
        CheckOutLatitude = latitude;
        CheckOutLongitude = longitude;
        Outcome = outcome;
        ShelfDisplayOk = checklist.ShelfDisplayOk;
        StockOk = checklist.StockOk;
        PriceOk = checklist.PriceOk;
        StaffRecommends = checklist.StaffRecommends;
        ChecklistNotes = checklist.Notes;
        Breakthrough = breakthrough;
        return Result.Ok();
    }

    public Result Cancel()
    {
        if (Status != VisitStatus.Planned)
        {
            return FieldWorkErrors.WrongStatus("Visit", Status.ToString(), VisitStatus.Cancelled.ToString());
        }

        Status = VisitStatus.Cancelled;
        return Result.Ok();
    }

    /// <summary>Planned visits may be moved to another date before check-in.</summary>
    public Result Reschedule(DateOnly date, string? purpose)
    {
        if (Status != VisitStatus.Planned)
        {
            return FieldWorkErrors.WrongStatus("Visit", Status.ToString(), VisitStatus.Planned.ToString());
        }

        Date = date;
        Purpose = purpose;
        return Result.Ok();
    }

    /// <summary>Marks (or unmarks) a done visit as a breakthrough afterwards, e.g. when the manager reviews it.</summary>
    public Result MarkBreakthrough(bool breakthrough)
    {
        if (Status != VisitStatus.Done)
        {
            return FieldWorkErrors.WrongStatus("Visit", Status.ToString(), VisitStatus.Done.ToString());
        }

        Breakthrough = breakthrough;
        return Result.Ok();
    }
}
