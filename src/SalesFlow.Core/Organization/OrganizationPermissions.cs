namespace SalesFlow.Core.Organization;

public static class OrganizationPermissions
{
    public const string View = "org.view";
    public const string Manage = "org.manage";
}
