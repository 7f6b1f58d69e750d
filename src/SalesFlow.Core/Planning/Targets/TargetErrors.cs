using SalesFlow.Core.Common;

namespace SalesFlow.Core.Planning.Targets;

public static class TargetErrors
{
    public static readonly Error Locked = Error.Rule("target.locked", "The target is locked; re-open it before changing, splitting or phasing it.");

    public static readonly Error AlreadyLocked = Error.Conflict("target.alreadyLocked", "The target is already locked.");

    public static readonly Error NotLocked = Error.Conflict("target.notLocked", "The target is not locked.");

    public static readonly Error ChangeThroughParent =
        Error.Rule("target.changeThroughParent", "This target is a share or a phase of another target; change it by re-splitting or re-phasing its parent.");

    public static readonly Error NegativeAmount = Error.Rule("target.negativeAmount", "Target amounts cannot be negative.");

    public static readonly Error NoWeights = Error.Rule("target.noWeights", "There is nothing to divide by: every weight is zero (no actuals last year). Split equally or by hand.");

    public static readonly Error OwnerTypeNotAvailable =
        Error.Rule("target.ownerTypeNotAvailable", "Store targets are not available yet: stores' sell-out is not recorded.");

    public static Error MeasureNotForDealers(TargetMeasure measure) =>
        Error.Rule("target.measureNotForDealers", $"A dealer cannot have a {measure} target: only sell-in revenue, quantity and collections are measured per dealer.", ("measure", measure.ToString()));

    public static readonly Error HasChildren =
        Error.Rule("target.hasChildren", "The target is already split or phased; its amount cannot change while it has shares or phases.");

    public static readonly Error NoChildren = Error.Rule("target.noChildren", "There is nobody below this owner to split the target to.");

    public static Error NotFound(Guid id) => Error.NotFound("Target", id);

    public static Error OwnerNotFound(Guid id) => Error.NotFound("TargetOwner", id);

    public static Error SplitNotEqualParent(decimal parent, decimal sum) =>
        Error.Rule("target.splitNotEqualParent", $"The amounts sum to {sum}, the parent target is {parent}; they must be equal.", ("parent", parent), ("sum", sum));

    public static Error Duplicate(Guid existingId) =>
        Error.Rule("target.duplicate", "This owner already has a target for this period and measure.", ("duplicateOf", existingId.ToString()));

    public static Error ChildInUse(string ownerName) =>
        Error.Rule("target.childInUse", $"The share of {ownerName} is split, phased or locked itself; it cannot change or go away.", ("owner", ownerName));

    public static Error OwnerNotBelow(string ownerName) =>
        Error.Rule("target.ownerNotBelow", $"{ownerName} is not below the owner of the target being split.", ("owner", ownerName));
}
