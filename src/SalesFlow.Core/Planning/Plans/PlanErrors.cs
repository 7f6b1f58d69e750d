using SalesFlow.Core.Common;

namespace SalesFlow.Core.Planning.Plans;

public static class PlanErrors
{
    public static readonly Error NoLines = Error.Rule("plan.noLines", "A plan needs at least one line before it is submitted.");

    public static readonly Error CommentRequired = Error.Rule("plan.commentRequired", "Say why the plan goes back: a comment is required when returning it.");

    public static readonly Error OwnPlan = new(ErrorKind.Forbidden, "plan.ownPlan", "You cannot approve or return your own plan or review.");

    public static readonly Error NotOwner = new(ErrorKind.Forbidden, "plan.notOwner", "Only the owner writes and submits a plan or review.");

    public static readonly Error NoEmployee = Error.Rule("plan.noEmployee", "Your account is not linked to an active employee, so you have no plan of your own.");

    public static Error Duplicate(string month) =>
        Error.Conflict("plan.duplicate", $"There is already a plan for {month}.", ("month", month));

    public static Error NotEditable(PlanStatus status) =>
        Error.Rule("plan.notEditable", $"A {status} plan cannot be changed; only a draft or a returned plan can.", ("planStatus", status.ToString()));

    public static Error NotSubmitted(PlanStatus status) =>
        Error.Rule("plan.notSubmitted", $"Only a submitted plan can be approved or returned (it is {status}).", ("planStatus", status.ToString()));

    public static Error CustomerNotVisible(int line) =>
        Error.Rule("plan.customerNotVisible", $"Line {line}: the customer is not one of yours.", ("line", line));

    public static Error ProductNotFound(int line) =>
        Error.Rule("plan.productNotFound", $"Line {line}: the product does not exist or is not active.", ("line", line));

    public static Error BadUnit(int line, string unit) =>
        Error.Rule("plan.badUnit", $"Line {line}: '{unit}' is not a unit of the product.", ("line", line), ("unit", unit));

    public static Error NoPrice(int line) =>
        Error.Rule("plan.noPrice", $"Line {line}: no price list prices the product; give a promotion price.", ("line", line));

    public static Error BadMonth(string? month) => Error.Invalid("month", "format", ("value", month));

    public static Error NotFound(Guid id) => Error.NotFound("MonthlyPlan", id);
}

/// <summary>Settings of section <c>Planning</c>.</summary>
public sealed class PlanningOptions
{
    /// <summary>Reminders start this many days before the 25th (plans) and the 3rd (reviews).</summary>
    public int ReminderDaysBefore { get; set; } = 3;

    /// <summary>A review whose actual differs from the plan by more than this percentage needs variance reasons.</summary>
    public decimal VarianceNoteThresholdPercent { get; set; } = 10m;
}
