using SalesFlow.Core.Common;

namespace SalesFlow.Core.FieldWork.Travel;

public static class TravelErrors
{
    /// <summary>422 <c>travel.noBreakthrough</c> with the customer, its fruitless visits and the recorded (refused) request.</summary>
    public static Error NoBreakthrough(Guid customerId, int visits, Guid travelRequestId, int threshold) =>
        Error.Rule(
            "travel.noBreakthrough",
            $"Customer {customerId} has had {visits} visits with no breakthrough and no new plan; a manager must override this request.",
            ("customerId", customerId),
            ("visits", visits),
            ("threshold", threshold),
            ("travelRequestId", travelRequestId));
}
