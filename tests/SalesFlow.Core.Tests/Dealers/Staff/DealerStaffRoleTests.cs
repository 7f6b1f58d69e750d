using SalesFlow.Core.Common;
using SalesFlow.Core.Stores;

namespace SalesFlow.Core.Tests.Dealers.Staff;

/// <summary>Dealer staff work like reps (visits, plans, reviews) inside their dealer, and hold nothing else.</summary>
public class DealerStaffRoleTests
{
    /// <summary>Exactly what a dealer staff member holds: granting it anything else must be a decision that changes this list.</summary>
    [Fact]
    public void Dealer_staff_get_only_the_field_work_plan_and_store_permissions()
    {
        string[] staff = ["fieldwork.edit", "fieldwork.view", "plans.submit", "plans.view", "stores.view"];
        Assert.Equal(staff, RolePermissions.For([Roles.DealerStaff]).Order(StringComparer.Ordinal));
        Assert.Contains(Roles.DealerStaff, Roles.All);
    }

    [Fact]
    public void Dealer_staff_have_own_scope_and_see_the_stores_they_visit_and_their_dealers_stores_only()
    {
        Assert.Equal(DataScope.Own, Roles.ScopeOf([Roles.DealerStaff]));
        var me = Guid.NewGuid();
        var dealer = Guid.NewGuid();
        var actor = new Actor(Guid.NewGuid(), "staff.1", new HashSet<string> { Roles.DealerStaff }, me, Guid.NewGuid(), DataScope.Own, null, [], null)
        {
            StaffDealerId = dealer,
        };
        Store Of(Guid? dealerId, Guid owner) => new("ST-1", "店", dealerId, StoreClass.C, Guid.NewGuid(), Guid.NewGuid(), owner, "上海", "上海");
        var ours = Of(dealer, Guid.NewGuid());
        var mine = Of(null, me);
        var theirs = Of(Guid.NewGuid(), Guid.NewGuid());
        var direct = Of(null, Guid.NewGuid());
        var visible = new[] { ours, mine, theirs, direct }.AsQueryable().VisibleTo(actor).ToList();
        Assert.Equal([ours, mine], visible);

        // A rep (no dealer) keeps seeing only the stores it visits.
        var plainRep = new Actor(Guid.NewGuid(), "rep", new HashSet<string> { Roles.SalesRep }, me, Guid.NewGuid(), DataScope.Own, null, [], null);
        Assert.Equal([mine], new[] { ours, mine, theirs, direct }.AsQueryable().VisibleTo(plainRep).ToList());
    }
}
