using SalesFlow.Core.Leads;

namespace SalesFlow.Core.Tests.Leads;

public class LeadTests
{
    private static readonly DateTime Now = new(2026, 3, 31, 2, 0, 0, DateTimeKind.Utc);

    private static Lead NewLead(LeadSource source = LeadSource.Exhibition) =>
        new("张伟", "上海恒达机电有限公司", "13800138000", null, source, null, "需要报价");

    [Fact]
    public void A_lead_goes_from_new_to_contacted_to_qualified()
    {
        var lead = NewLead();

        Assert.True(lead.MarkContacted(Now).IsSuccess);
        Assert.True(lead.Qualify(Now.AddHours(1)).IsSuccess);

        Assert.Equal((LeadStatus.Qualified, (DateTime?)Now), (lead.Status, lead.FirstContactAtUtc));
    }

    [Fact]
    public void Contacting_twice_or_qualifying_a_disqualified_lead_is_a_conflict()
    {
        var lead = NewLead();
        lead.MarkContacted(Now);

        Assert.Equal("lead.wrongStatus", lead.MarkContacted(Now).Error?.Code);
        Assert.True(lead.Disqualify("预算不足").IsSuccess);
        Assert.Equal("lead.wrongStatus", lead.Qualify(Now).Error?.Code);
        Assert.Equal("预算不足", lead.DisqualifyReason);
    }

    [Fact]
    public void Disqualifying_needs_a_reason()
    {
        var lead = NewLead();

        Assert.Equal("reason", lead.Disqualify("  ").Error?.Fields?[0].Field);
        Assert.Equal(LeadStatus.New, lead.Status);
    }

    [Theory]
    [InlineData(LeadSource.Referral, 25, false, true)]
    [InlineData(LeadSource.Referral, 23, false, false)]
    [InlineData(LeadSource.Referral, 25, true, false)]
    [InlineData(LeadSource.Exhibition, 25, false, false)]
    public void A_referral_not_contacted_within_24_hours_is_overdue(LeadSource source, int hoursAgo, bool contacted, bool overdue)
    {
        var created = Now.AddHours(-hoursAgo);

        var result = Lead.IsOverdue(source, contacted ? created.AddHours(1) : null, LeadStatus.New, created, Now - TimeSpan.FromHours(24));

        Assert.Equal(overdue, result);
    }

    [Fact]
    public void A_closed_referral_is_never_overdue()
    {
        Assert.False(Lead.IsOverdue(LeadSource.Referral, null, LeadStatus.Disqualified, Now.AddDays(-3), Now.AddDays(-1)));
    }
}
