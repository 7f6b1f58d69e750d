using SalesFlow.Core.Common;

namespace SalesFlow.Core.Tests.Common;

public class RolesTests
{
    [Theory]
    [InlineData(DataScope.All, Roles.Director)]
    [InlineData(DataScope.All, Roles.Finance)]
    [InlineData(DataScope.Region, Roles.RegionalManager)]
    [InlineData(DataScope.Team, Roles.Supervisor)]
    [InlineData(DataScope.Own, Roles.SalesRep)]
    [InlineData(DataScope.OwnDealer, Roles.DealerUser)]
    [InlineData(DataScope.Region, Roles.SalesRep, Roles.RegionalManager)]
    [InlineData(DataScope.Team, Roles.DealerUser, Roles.Supervisor)]
    [InlineData(DataScope.Own, "SomethingUnknown")]
    public void The_widest_scope_of_the_roles_wins(DataScope expected, params string[] roles)
    {
        Assert.Equal(expected, Roles.ScopeOf(roles));
    }

    [Fact]
    public void A_rep_may_view_the_org_but_not_manage_it()
    {
        Assert.True(RolePermissions.Grants([Roles.SalesRep], SalesFlow.Core.Organization.OrganizationPermissions.View));
        Assert.False(RolePermissions.Grants([Roles.SalesRep], SalesFlow.Core.Organization.OrganizationPermissions.Manage));
        Assert.True(RolePermissions.Grants([Roles.Director], SalesFlow.Core.Organization.OrganizationPermissions.Manage));
    }

    /// <summary>A dealer user holds exactly the dealer-facing rights: granting it anything else must be a decision that changes this list.</summary>
    [Fact]
    public void A_dealer_user_gets_only_the_dealer_facing_permissions()
    {
        string[] dealerFacing =
        [
            "dealerStaff.manage", "dealers.view", "imports.run", "plans.submit", "plans.view", "portal.order", "portal.use",
            "stockReports.enter", "stockReports.view", "stores.manage", "stores.view", "targets.view",
        ];
        Assert.Equal(dealerFacing, RolePermissions.For([Roles.DealerUser]).Order(StringComparer.Ordinal));
    }
}
