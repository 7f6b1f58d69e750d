namespace SalesFlow.Core.Portal;

/// <summary>The dealer portal's rights (dealer users only); which role holds each is in <see cref="Common.RolePermissions"/>.</summary>
public static class PortalPermissions
{
    /// <summary>Open the portal: its dealer, orders, deliveries and statement (its own account only).</summary>
    public const string Use = "portal.use";

    /// <summary>Place and submit orders for its own dealer account through the order use cases (channel Portal).</summary>
    public const string Order = "portal.order";
}
