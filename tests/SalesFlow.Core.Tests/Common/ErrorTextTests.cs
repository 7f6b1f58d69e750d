using System.Globalization;
using SalesFlow.Core.Common;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Tests.Common;

public class ErrorTextTests
{
    private static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    [Fact]
    public void A_rule_reads_in_the_callers_language()
    {
        Assert.Equal("该单元下仍有下级单元或在职员工，请先移走后再删除。", ErrorText.Title(OrganizationErrors.UnitNotEmpty, Chinese));
        Assert.Equal("A unit with active sub-units or employees cannot be deleted; move them first.", ErrorText.Title(OrganizationErrors.UnitNotEmpty, English));
    }

    [Fact]
    public void Arguments_and_entity_names_are_filled_in()
    {
        var error = Error.StaleVersion("Employee", 3, 4);

        Assert.Equal("该员工已被他人修改（您提交的版本为 3，当前版本为 4），请刷新后重试。", ErrorText.Title(error, Chinese));
        Assert.Contains("version 3", ErrorText.Title(error, English), StringComparison.Ordinal);
    }

    [Fact]
    public void Field_messages_name_the_field_and_the_rule()
    {
        var error = RequestValidation.Check(new CreateOrgUnit(null, "", new string('x', 101), null))!;

        var fields = ErrorText.Fields(error, English);

        Assert.Equal(["code", "name", "parentId"], fields.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("name must be between 1 and 100 characters long.", fields["name"].Single());
        Assert.Equal("“parentId”为必填项。", ErrorText.Fields(error, Chinese)["parentId"].Single());
    }

    [Fact]
    public void Stable_values_in_a_message_read_in_the_callers_language_too()
    {
        var error = SalesFlow.Core.Leads.LeadErrors.WrongStatus(SalesFlow.Core.Leads.LeadStatus.New, SalesFlow.Core.Leads.LeadStatus.Converted);
        var duplicate = SalesFlow.Core.Leads.LeadErrors.Duplicate(Guid.Empty, "mobile");

        Assert.Equal("处于“新线索”状态的线索不能变为“已转化”。", ErrorText.Title(error, Chinese));
        Assert.Contains("重复字段：手机号", ErrorText.Title(duplicate, Chinese), StringComparison.Ordinal);
        Assert.Equal("A new lead cannot become converted.", ErrorText.Title(error, English));
    }

    [Fact]
    public void An_unknown_code_falls_back_to_the_english_message()
    {
        var error = Error.Rule("x.unknown", "Plain fallback.");

        Assert.Equal("Plain fallback.", ErrorText.Title(error, Chinese));
    }
}
