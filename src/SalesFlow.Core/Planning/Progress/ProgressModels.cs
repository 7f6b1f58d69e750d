using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning.Progress;

/// <summary>
/// Plan vs. actual of one target node (API.md: <c>{ target, planned, actual, gap, children }</c>): <see cref="Target"/>
/// is the target amount, <see cref="Planned"/> the approved monthly plans (null for measures without plans),
/// <see cref="Actual"/> from <see cref="Actuals.SalesActuals"/> (null for market share), and the derived numbers.
/// Children are the split children the caller may see, in the same shape (their own children are not listed;
/// <see cref="HasChildren"/> says whether there are any to drill into).
/// </summary>
public sealed record TargetProgress(
    Guid Id,
    Guid? ParentId,
    TargetOwnerType OwnerType,
    Guid OwnerId,
    string OwnerName,
    string Period,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    TargetMeasure Measure,
    string ProductLine,
    Guid? ProductId,
    decimal Target,
    decimal? Planned,
    decimal? Actual,
    decimal? Gap,
    decimal? PlanGap,
    decimal? Attainment,
    decimal? Forecast,
    bool HasChildren,
    IReadOnlyList<TargetProgress> Children);

/// <summary>One month of a node: the target for the month (its phased target, else the node's target prorated by days), planned and actual.</summary>
public sealed record ProgressMonth(string Month, decimal Target, decimal? Planned, decimal? Actual);

public sealed record ProgressMonths(Guid TargetId, string Period, TargetMeasure Measure, bool TargetFromPhasing, IReadOnlyList<ProgressMonth> Months);

/// <summary>
/// Planned vs. actual of a node per product line (net amounts and base quantities). <see cref="Target"/> is the owner's
/// own target for that line in the same period and measure, when one was set; <see cref="PlanGap"/> = target − planned and
/// <see cref="Gap"/> = target − actual (amounts for a revenue target, quantities for a quantity target), null without a line target.
/// </summary>
public sealed record ProductLineProgress(string ProductLine, decimal? Target, decimal PlannedAmount, decimal ActualAmount, decimal PlannedQuantity, decimal ActualQuantity, decimal? PlanGap, decimal? Gap);

public sealed record ProductLineBreakdown(Guid TargetId, string Period, IReadOnlyList<ProductLineProgress> Lines);

/// <summary>One order behind a node's actual: the net amount (and base quantity) of its lines that the target counts.</summary>
public sealed record ProgressOrderRow(Guid Id, string Number, DateOnly OrderDate, Guid CustomerId, string CustomerName, Guid OwnerId, string OwnerName, decimal NetAmount, decimal Quantity);

/// <summary>A visible ancestor of a node, root first, for the breadcrumb.</summary>
public sealed record ProgressCrumb(Guid Id, string OwnerName, string Period);
