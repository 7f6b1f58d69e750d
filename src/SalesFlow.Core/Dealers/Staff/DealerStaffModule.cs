using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Dealers.Staff;

/// <summary>Dealer staff rights; which role holds each is in <see cref="RolePermissions"/>.</summary>
public static class DealerStaffPermissions
{
    /// <summary>See a dealer's staff and their monthly facts (internal roles within the dealer scope; a dealer user its own staff).</summary>
    public const string View = "dealerStaff.view";

    /// <summary>Add and deactivate dealer staff: the dealer user for its own dealer, the area manager and above internally.</summary>
    public const string Manage = "dealerStaff.manage";

    /// <summary>Give the monthly score: the dealer's area manager or someone above (through the dealer scope).</summary>
    public const string Score = "dealerStaff.score";
}

public static class DealerStaffErrors
{
    public static Error NotFound(Guid id) => Error.NotFound("DealerStaff", id);

    public static Error UserNameTaken(string userName) =>
        Error.Rule("staff.userNameTaken", "The user name '{userName}' is taken.", ("userName", userName));

    public static Error FutureMonth(DateOnly month) =>
        Error.Rule("staff.futureMonth", "{month} has not begun; a month is scored once it has started.", ("month", month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));

    public static Error BeforeHire(DateOnly month) =>
        Error.Rule("staff.beforeHire", "The staff member had not joined the dealer in {month}.", ("month", month.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture)));

    public static Error Inactive => Error.Rule("staff.inactive", "The staff member has left the dealer.");

    public static Error DealerTerminated => Error.Rule("staff.dealerTerminated", "The dealer is terminated; no staff can be added to it.");
}

public static class DealerStaffModule
{
    public static IServiceCollection AddDealerStaff(this IServiceCollection services) => services
        .AddScoped<DealerStaffQueries>()
        .AddScoped<DealerStaffHandler>();
}
