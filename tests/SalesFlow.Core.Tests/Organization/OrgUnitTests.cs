using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Tests.Organization;

public class OrgUnitTests
{
    private static (OrgUnit Company, OrgUnit Region, OrgUnit Team) Tree()
    {
        var company = OrgUnit.CreateRoot("HQ", "总公司", null);
        var region = OrgUnit.CreateUnder(company, "R", "华东大区", null, OrgUnitKind.Region).Value!;
        var team = OrgUnit.CreateUnder(region, "T", "上海团队", null, OrgUnitKind.Team).Value!;
        return (company, region, team);
    }

    [Fact]
    public void A_unit_path_lists_its_ancestors_from_the_root()
    {
        var (company, region, team) = Tree();

        Assert.Equal([company.Id, region.Id, team.Id], OrgUnit.IdsOnPath(team.Path));
        Assert.Equal(2, team.Depth);
    }

    [Fact]
    public void A_unit_cannot_move_under_its_own_descendant()
    {
        var (_, region, team) = Tree();
        var oldPath = region.Path;

        var result = region.MoveUnder(team);

        Assert.Equal("org.moveIntoOwnSubtree", result.Error?.Code);
        Assert.Equal(oldPath, region.Path);
    }

    [Fact]
    public void Moving_a_unit_rewrites_its_path_and_returns_the_old_one()
    {
        var (company, region, team) = Tree();
        var other = OrgUnit.CreateUnder(company, "R2", "华北大区", null, OrgUnitKind.Region).Value!;
        var oldPath = team.Path;

        var result = team.MoveUnder(other);

        Assert.Equal(oldPath, result.Value);
        Assert.Equal(other.Id, team.ParentId);
        Assert.StartsWith(other.Path, team.Path, StringComparison.Ordinal);
        Assert.DoesNotContain(region.Id.ToString("N"), team.Path, StringComparison.Ordinal);
    }

    [Fact]
    public void The_company_cannot_be_moved_or_deleted()
    {
        var (company, region, _) = Tree();

        Assert.Equal("org.companyIsRoot", company.MoveUnder(region).Error?.Code);
        Assert.Equal("org.companyIsRoot", company.Delete(false, false).Error?.Code);
    }

    [Fact]
    public void A_unit_with_people_or_sub_units_cannot_be_deleted()
    {
        var (_, region, team) = Tree();

        Assert.Equal("org.unitNotEmpty", region.Delete(hasActiveChildren: true, hasActiveEmployees: false).Error?.Code);
        Assert.Equal("org.unitNotEmpty", team.Delete(hasActiveChildren: false, hasActiveEmployees: true).Error?.Code);
        Assert.True(team.Delete(false, false).IsSuccess);
        Assert.True(team.IsDeleted);
    }

    [Fact]
    public void No_unit_can_be_created_under_a_deleted_one()
    {
        var (_, _, team) = Tree();
        team.Delete(false, false);

        var result = OrgUnit.CreateUnder(team, "X", "新组", null, OrgUnitKind.Team);

        Assert.Equal("org.parentDeleted", result.Error?.Code);
    }
}
