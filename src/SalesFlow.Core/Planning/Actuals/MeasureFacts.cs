using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Planning.Plans;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning.Actuals;

/// <summary>One fact of a target's measure, reduced to what a roll-up groups by (unit, owner, month, product line) and sums.</summary>
public sealed class MeasureFact
{
    public Guid OrgUnitId { get; init; }

    public Guid OwnerId { get; init; }

    /// <summary>The dealer the fact counts for (its sell-in, its payments, its approved plan); <see cref="Guid.Empty"/> for none.</summary>
    public Guid DealerKey { get; init; }

    public DateOnly Date { get; init; }

    public string ProductLine { get; init; } = "";

    /// <summary>The number the measure sums: net amount (revenue, collections) or base quantity (quantity). Unused for counts.</summary>
    public decimal Value { get; init; }

    public decimal Amount { get; init; }

    public decimal Quantity { get; init; }
}

/// <summary>One approved monthly-plan line as a roll-up of "planned" counts it.</summary>
public sealed class PlannedFact
{
    public Guid OrgUnitId { get; init; }

    public Guid OwnerId { get; init; }

    public Guid DealerKey { get; init; }

    public DateOnly MonthStart { get; init; }

    public string ProductLine { get; init; } = "";

    public decimal Value { get; init; }

    public decimal Amount { get; init; }

    public decimal Quantity { get; init; }
}

/// <summary>
/// The facts a target of a given measure and product scope counts, as one uniform shape, built only by filtering and
/// projecting <see cref="SalesActuals"/> (actual) and approved <see cref="MonthlyPlan"/> lines (planned). Nothing is
/// loaded: callers group and sum in SQL.
/// </summary>
public static class MeasureFacts
{
    /// <summary>True when the measure is counted rather than summed (new customers).</summary>
    public static bool IsCount(TargetMeasure measure) => measure == TargetMeasure.NewCustomers;

    /// <summary>Revenue and quantity come from orders (and have monthly plans); the other measures do not.</summary>
    public static bool IsSales(TargetMeasure measure) => measure is TargetMeasure.Revenue or TargetMeasure.Quantity;

    /// <summary>
    /// The actual facts of the measure in [first, last]; null for a measure without actuals (market share). Sales over
    /// whole months come from <see cref="Summaries.SalesMonthSummary"/> rows, so callers must have called
    /// <see cref="Summaries.SalesSummaries.CatchUpAsync"/> on the context first.
    /// </summary>
    public static IQueryable<MeasureFact>? Actual(SalesFlowDbContext db, CompanyClock clock, TargetMeasure measure, string productLine, Guid? productId, DateOnly first, DateOnly last)
    {
        switch (measure)
        {
            case TargetMeasure.Revenue or TargetMeasure.Quantity when productId is null && WholeMonths(first, last):
                // Whole months of all products or one line: the maintained summaries hold the same sums (refresh them first).
                var months = db.SalesMonthSummaries.Where(s => s.MonthStart >= first && s.MonthStart <= last);
                if (productLine.Length > 0)
                {
                    months = months.Where(s => s.ProductLine == productLine);
                }

                return measure == TargetMeasure.Revenue
                    ? months.Select(s => new MeasureFact { OrgUnitId = s.OrgUnitId, OwnerId = s.OwnerId, DealerKey = s.DealerKey, Date = s.MonthStart, ProductLine = s.ProductLine, Value = s.Amount, Amount = s.Amount, Quantity = s.Quantity })
                    : months.Select(s => new MeasureFact { OrgUnitId = s.OrgUnitId, OwnerId = s.OwnerId, DealerKey = s.DealerKey, Date = s.MonthStart, ProductLine = s.ProductLine, Value = s.Quantity, Amount = s.Amount, Quantity = s.Quantity });
            case TargetMeasure.Revenue:
            case TargetMeasure.Quantity:
                var sales = SalesActuals.Sales(db, first, last);
                if (productId is { } product)
                {
                    sales = sales.Where(f => f.ProductId == product);
                }
                else if (productLine.Length > 0)
                {
                    sales = sales.Where(f => f.ProductLine == productLine);
                }

                return measure == TargetMeasure.Revenue
                    ? sales.Select(f => new MeasureFact { OrgUnitId = f.OrgUnitId, OwnerId = f.OwnerId, DealerKey = f.DealerId ?? Guid.Empty, Date = f.Date, ProductLine = f.ProductLine, Value = f.Amount, Amount = f.Amount, Quantity = f.Quantity })
                    : sales.Select(f => new MeasureFact { OrgUnitId = f.OrgUnitId, OwnerId = f.OwnerId, DealerKey = f.DealerId ?? Guid.Empty, Date = f.Date, ProductLine = f.ProductLine, Value = f.Quantity, Amount = f.Amount, Quantity = f.Quantity });
            case TargetMeasure.Collections:
                return SalesActuals.Collections(db, first, last)
                    .Select(f => new MeasureFact { OrgUnitId = f.OrgUnitId, OwnerId = f.OwnerId, DealerKey = f.DealerId ?? Guid.Empty, Date = f.Date, ProductLine = "", Value = f.Amount, Amount = f.Amount, Quantity = 0m });
            case TargetMeasure.NewCustomers:
                return SalesActuals.NewCustomers(db, clock, first, last)
                    .Select(f => new MeasureFact { OrgUnitId = f.OrgUnitId, OwnerId = f.OwnerId, Date = first, ProductLine = "", Value = 0m, Amount = 0m, Quantity = 0m });
            default:
                return null;
        }
    }

    /// <summary>
    /// The actual facts of the measure for roll-ups by unit and owner only (their <see cref="MeasureFact.DealerKey"/> is not
    /// kept): revenue or quantity of all lines over whole months come from <see cref="Summaries.SalesMonthTotal"/> rows —
    /// one per rep and month — and everything else from <see cref="Actual"/>. Refresh the summaries first.
    /// </summary>
    public static IQueryable<MeasureFact>? ActualByOwner(SalesFlowDbContext db, CompanyClock clock, TargetMeasure measure, string productLine, Guid? productId, DateOnly first, DateOnly last)
    {
        if (measure is not (TargetMeasure.Revenue or TargetMeasure.Quantity) || productId is not null || productLine.Length > 0 || !WholeMonths(first, last))
        {
            return Actual(db, clock, measure, productLine, productId, first, last);
        }

        var totals = db.SalesMonthTotals.Where(s => s.MonthStart >= first && s.MonthStart <= last);
        return measure == TargetMeasure.Revenue
            ? totals.Select(s => new MeasureFact { OrgUnitId = s.OrgUnitId, OwnerId = s.OwnerId, DealerKey = Guid.Empty, Date = s.MonthStart, ProductLine = "", Value = s.Amount, Amount = s.Amount, Quantity = s.Quantity })
            : totals.Select(s => new MeasureFact { OrgUnitId = s.OrgUnitId, OwnerId = s.OwnerId, DealerKey = Guid.Empty, Date = s.MonthStart, ProductLine = "", Value = s.Quantity, Amount = s.Amount, Quantity = s.Quantity });
    }

    /// <summary>
    /// Approved plan lines of months starting in [first, last] for a revenue or quantity target (filtered by its product
    /// scope); null for the measures that have no plan.
    /// </summary>
    public static IQueryable<PlannedFact>? Planned(SalesFlowDbContext db, TargetMeasure measure, string productLine, Guid? productId, DateOnly first, DateOnly last)
    {
        if (!IsSales(measure))
        {
            return null;
        }

        var lines = from p in db.MonthlyPlans
                    where p.Status == PlanStatus.Approved && p.MonthStart >= first && p.MonthStart <= last
                    join l in db.MonthlyPlanLines on p.Id equals l.PlanId
                    select new { p.OrgUnitId, p.OwnerId, p.OwnerType, p.MonthStart, l.ProductId, l.ProductLine, l.Amount, l.Quantity };
        if (productId is { } product)
        {
            lines = lines.Where(l => l.ProductId == product);
        }
        else if (productLine.Length > 0)
        {
            lines = lines.Where(l => l.ProductLine == productLine);
        }

        return measure == TargetMeasure.Revenue
            ? lines.Select(l => new PlannedFact { OrgUnitId = l.OrgUnitId, OwnerId = l.OwnerType == PlanOwnerType.Employee ? l.OwnerId : Guid.Empty, DealerKey = l.OwnerType == PlanOwnerType.Dealer ? l.OwnerId : Guid.Empty, MonthStart = l.MonthStart, ProductLine = l.ProductLine, Value = l.Amount, Amount = l.Amount, Quantity = l.Quantity })
            : lines.Select(l => new PlannedFact { OrgUnitId = l.OrgUnitId, OwnerId = l.OwnerType == PlanOwnerType.Employee ? l.OwnerId : Guid.Empty, DealerKey = l.OwnerType == PlanOwnerType.Dealer ? l.OwnerId : Guid.Empty, MonthStart = l.MonthStart, ProductLine = l.ProductLine, Value = l.Quantity, Amount = l.Amount, Quantity = l.Quantity });
    }

    private static bool WholeMonths(DateOnly first, DateOnly last) => first.Day == 1 && last.AddDays(1).Day == 1 && first <= last;
}
