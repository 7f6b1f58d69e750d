using SalesFlow.Core.Customers;

namespace SalesFlow.Core.FieldWork.Visits;

/// <summary>Configuration section <c>Visits</c>.</summary>
public sealed class VisitOptions
{
    /// <summary>Days between visits by customer class (PRODUCT.md §4: A weekly, B fortnightly, C monthly, D quarterly).</summary>
    public Dictionary<CustomerClass, int> Frequency { get; set; } = new()
    {
        [CustomerClass.A] = 7,
        [CustomerClass.B] = 14,
        [CustomerClass.C] = 30,
        [CustomerClass.D] = 90,
    };

    public int DaysFor(CustomerClass customerClass) => Frequency.TryGetValue(customerClass, out var days) && days > 0
        ? days
        : new VisitOptions().Frequency[customerClass];
}

/// <summary>When a customer should be visited next: the last completed visit plus its class's frequency.</summary>
public static class VisitCadence
{
    /// <summary>Null when the customer was never visited: a visit is due now.</summary>
    public static DateOnly? NextDue(DateOnly? lastDone, CustomerClass customerClass, VisitOptions options) =>
        lastDone?.AddDays(options.DaysFor(customerClass));

    public static bool IsOverdue(DateOnly? lastDone, CustomerClass customerClass, DateOnly today, VisitOptions options) =>
        NextDue(lastDone, customerClass, options) is not { } due || due < today;

    /// <summary>The newest last-visit date that is still not overdue today; an older one (or none) is overdue.</summary>
    public static DateOnly OverdueBefore(CustomerClass customerClass, DateOnly today, VisitOptions options) =>
        today.AddDays(-options.DaysFor(customerClass));
}
