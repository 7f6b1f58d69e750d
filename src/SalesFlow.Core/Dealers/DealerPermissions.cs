namespace SalesFlow.Core.Dealers;

/// <summary>The dealer module's rights; which role holds each is in <see cref="Common.RolePermissions"/>.</summary>
public static class DealerPermissions
{
    /// <summary>See dealers, their territories and stores (within the data scope).</summary>
    public const string View = "dealers.view";

    /// <summary>Change a dealer's details and territories.</summary>
    public const string Manage = "dealers.manage";
}
