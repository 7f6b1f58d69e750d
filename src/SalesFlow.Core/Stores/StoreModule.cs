using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Stores;

/// <summary>The store module's rights; which role holds each is in <see cref="RolePermissions"/>.</summary>
public static class StorePermissions
{
    /// <summary>See stores (within <see cref="StoreScope"/>): internal roles and dealer users (its own dealer's stores).</summary>
    public const string View = "stores.view";

    /// <summary>Create, edit, close and reopen stores; a dealer user only for its own dealer.</summary>
    public const string Manage = "stores.manage";
}

/// <summary>
/// Store classes from the dealer manual (PRODUCT.md §9), configuration section <c>Stores</c>: visits per month per class
/// (<c>Stores:VisitsPerMonth:A=8</c>…) and the distribution standard — the product lines a store of the class must carry
/// (<c>Stores:ProductLines:A:0=配件耗材</c>…).
/// </summary>
public sealed class StoreOptions
{
    public Dictionary<StoreClass, int> VisitsPerMonth { get; set; } = new()
    {
        [StoreClass.A] = 8,
        [StoreClass.B] = 4,
        [StoreClass.C] = 2,
        [StoreClass.D] = 1,
    };

    public Dictionary<StoreClass, string[]> ProductLines { get; set; } = new()
    {
        [StoreClass.A] = ["配件耗材", "成品油", "工业设备"],
        [StoreClass.B] = ["配件耗材", "成品油"],
        [StoreClass.C] = ["配件耗材"],
        [StoreClass.D] = ["配件耗材"],
    };

    public int VisitsOf(StoreClass storeClass) => VisitsPerMonth.GetValueOrDefault(storeClass);

    public IReadOnlyList<string> LinesOf(StoreClass storeClass) => ProductLines.GetValueOrDefault(storeClass) ?? [];
}

public static class StoreErrors
{
    public static Error NotFound(Guid id) => Error.NotFound("Store", id);

    public static Error DealerNotFound(Guid id) => Error.NotFound("Dealer", id);

    public static Error OwnerNotFound(Guid id) => Error.NotFound("Employee", id);

    public static Error AlreadyClosed => Error.Rule("store.alreadyClosed", "The store is already closed.");

    public static Error NotClosed => Error.Rule("store.notClosed", "The store is open; only a closed store can be reopened.");

    public static Error Closed => Error.Rule("store.closed", "The store is closed; a closed store is not visited.");

    public static Error DirectStoreVisit => Error.Rule(
        "storeCheck.directStore", "A store served directly has no dealer account to record the visit on; visit it through its customer.");

    public static Error RecommendingAboveAsked(int recommending, int asked) => Error.Rule(
        "storeCheck.recommendingAboveAsked", "{recommending} shop assistants cannot recommend our product when only {asked} were asked.",
        ("recommending", recommending), ("asked", asked));

    public static Error LineNotInStandard(string line, StoreClass storeClass) => Error.Rule(
        "storeCheck.lineNotInStandard", "'{line}' is not in the distribution standard of class {class} stores.", ("line", line), ("class", storeClass.ToString()));

    public static Error DealerOrOwnerRequired => Error.Rule("store.dealerOrOwnerRequired", "A store is served by a dealer or directly by an employee: give one of them.");
}

public static class StoreModule
{
    /// <summary><see cref="StoreOptions"/> defaults here; the host registers the configured ones (<c>Stores</c>).</summary>
    public static IServiceCollection AddStores(this IServiceCollection services)
    {
        services.TryAddSingleton(new StoreOptions());
        return services
            .AddScoped<StoreQueries>()
            .AddScoped<StoreCheckQueries>()
            .AddScoped<StoreHandler>();
    }
}
