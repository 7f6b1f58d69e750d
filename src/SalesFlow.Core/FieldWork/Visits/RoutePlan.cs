using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.FieldWork.Visits;

/// <summary>
/// A rep's route plan (拜访线路图): which customers on which weekday, in a cycle of one or two weeks that starts on
/// the Monday of <see cref="StartsOn"/>. Planned visits for any date range come from <see cref="RouteSchedule"/>.
/// </summary>
public sealed class RoutePlan : IHasId, IAudited, IVersioned, IRepOwned
{
    public const int NameMaxLength = 100;

    private readonly List<RoutePlanStop> _stops = [];

    private RoutePlan()
    {
    }

    public RoutePlan(Guid ownerId, Guid orgUnitId)
    {
        Id = Guid.CreateVersion7();
        OwnerId = ownerId;
        OrgUnitId = orgUnitId;
        IsActive = true;
    }

    public Guid Id { get; private set; }

    public Guid OwnerId { get; private set; }

    public Guid OrgUnitId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>1 or 2.</summary>
    public int CycleWeeks { get; private set; } = 1;

    public DateOnly StartsOn { get; private set; }

    public bool IsActive { get; private set; }

    public IReadOnlyList<RoutePlanStop> Stops => _stops;

    public int Version { get; private set; }

    public DateTime CreatedAtUtc { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTime UpdatedAtUtc { get; private set; }

    public string UpdatedBy { get; private set; } = "";

    public void Describe(string name, int cycleWeeks, DateOnly startsOn, bool isActive)
    {
        Name = name;
        CycleWeeks = cycleWeeks;
        StartsOn = RouteSchedule.MondayOf(startsOn);
        IsActive = isActive;
    }

    /// <summary>Replaces the grid; the caller has checked the stops (week within the cycle, customers in scope).</summary>
    public void ReplaceStops(IEnumerable<(int Week, DayOfWeek Day, Guid CustomerId)> stops)
    {
        _stops.Clear();
        var order = 0;
        foreach (var (week, day, customer) in stops.Distinct())
        {
            _stops.Add(new RoutePlanStop(Id, week, day, customer, ++order));
        }
    }
}

/// <summary>One cell of the grid: in week <see cref="Week"/> of the cycle, on <see cref="Day"/>, visit the customer.</summary>
public sealed class RoutePlanStop
{
    private RoutePlanStop()
    {
    }

    internal RoutePlanStop(Guid routePlanId, int week, DayOfWeek day, Guid customerId, int sequence)
    {
        Id = Guid.CreateVersion7();
        RoutePlanId = routePlanId;
        Week = week;
        Day = day;
        CustomerId = customerId;
        Sequence = sequence;
    }

    public Guid Id { get; private set; }

    public Guid RoutePlanId { get; private set; }

    public int Week { get; private set; }

    public DayOfWeek Day { get; private set; }

    public Guid CustomerId { get; private set; }

    public int Sequence { get; private set; }
}

/// <summary>The route plan's arithmetic: which week of the cycle a date falls in, and the visits of a date range.</summary>
public static class RouteSchedule
{
    public static DateOnly MondayOf(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>1-based week of the cycle for <paramref name="date"/>; dates before the start count backwards in the same rhythm.</summary>
    public static int WeekOfCycle(DateOnly startsOn, int cycleWeeks, DateOnly date)
    {
        var weeks = (MondayOf(date).DayNumber - MondayOf(startsOn).DayNumber) / 7;
        return (((weeks % cycleWeeks) + cycleWeeks) % cycleWeeks) + 1;
    }

    /// <summary>Every (date, customer) the plan asks for between <paramref name="from"/> and <paramref name="to"/>, inclusive.</summary>
    public static IEnumerable<(DateOnly Date, Guid CustomerId)> Visits(
        DateOnly startsOn, int cycleWeeks, IReadOnlyCollection<(int Week, DayOfWeek Day, Guid CustomerId)> stops, DateOnly from, DateOnly to)
    {
        for (var date = from < startsOn ? MondayOf(startsOn) : from; date <= to; date = date.AddDays(1))
        {
            var week = WeekOfCycle(startsOn, cycleWeeks, date);
            foreach (var stop in stops)
            {
                if (stop.Week == week && stop.Day == date.DayOfWeek)
                {
                    yield return (date, stop.CustomerId);
                }
            }
        }
    }
}
