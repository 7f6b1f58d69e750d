namespace SalesFlow.Core.Planning;

/// <summary>Who files monthly plans and reviews: reps (employees) and, once dealers exist, dealers.</summary>
public enum PlanOwnerType
{
    Employee,
    Dealer,
}
