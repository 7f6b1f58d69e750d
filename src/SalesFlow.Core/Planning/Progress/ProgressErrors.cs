using SalesFlow.Core.Common;
using SalesFlow.Core.Planning.Targets;

namespace SalesFlow.Core.Planning.Progress;

public static class ProgressErrors
{
    public static Error TargetNotFound(Guid id) => Error.NotFound("Target", id);

    public static Error NoOrders(TargetMeasure measure) =>
        Error.Rule("progress.noOrders", $"A {measure} target is not counted from orders, so there are no orders to list.", ("measure", measure.ToString()));
}
