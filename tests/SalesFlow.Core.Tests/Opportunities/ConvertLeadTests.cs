using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Leads;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Tests.Organization;

namespace SalesFlow.Core.Tests.Opportunities;

/// <summary>Lead conversion: customer, contact, opportunity and the converted lead in one transaction, or nothing.</summary>
public class ConvertLeadTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<Guid> LeadOfAsync(TestDatabase database, Actor rep, string company = "上海启航精密制造有限公司")
    {
        var lead = await database.Get<CaptureLeadHandler>().HandleAsync(
            new CaptureLead("张伟", company, "13800138000", "ZhangWei@example.com", LeadSource.Exhibition, null, "需要年度采购报价"), rep, Ct);
        Assert.True(lead.IsSuccess, lead.Error?.Message);
        return lead.Value!.Id;
    }

    private static async Task<(int Customers, int Contacts, int Opportunities, LeadStatus Status)> CountsAsync(TestDatabase database, Guid leadId)
    {
        await using var db = await database.Factory.CreateDbContextAsync();
        return (await db.Customers.CountAsync(), await db.Contacts.CountAsync(), await db.Opportunities.CountAsync(),
            await db.Leads.Where(l => l.Id == leadId).Select(l => l.Status).SingleAsync());
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Converting_creates_customer_contact_and_opportunity_and_marks_the_lead(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var leadId = await LeadOfAsync(database, rep);

        var converted = await database.Get<ConvertLeadHandler>().HandleAsync(new ConvertLead(leadId, "空压机更新项目", 120_000m), rep, Ct);

        Assert.True(converted.IsSuccess, converted.Error?.Message);
        var ids = converted.Value!;
        await using var db = await database.Factory.CreateDbContextAsync();
        var customer = await db.Customers.SingleAsync(c => c.Id == ids.CustomerId);
        var contact = await db.Contacts.SingleAsync(k => k.Id == ids.ContactId);
        var opportunity = await db.Opportunities.SingleAsync(o => o.Id == ids.OpportunityId);
        var lead = await db.Leads.SingleAsync(l => l.Id == leadId);
        Assert.Equal(("上海启航精密制造有限公司", org["rep.east1.a"].Id, org.East.Id), (customer.Name, customer.OwnerId, customer.RegionId));
        Assert.Equal(("张伟", "13800138000", "zhangwei@example.com", true), (contact.FullName, contact.Mobile, contact.Email, contact.IsPrimary));
        Assert.Equal(("空压机更新项目", 120_000m, ids.CustomerId, (Guid?)ids.ContactId, (Guid?)leadId, 10), (opportunity.Name, opportunity.Amount, opportunity.CustomerId, opportunity.ContactId, opportunity.SourceLeadId, opportunity.Probability));
        Assert.Equal((LeadStatus.Converted, (Guid?)ids.CustomerId, (Guid?)ids.ContactId, (Guid?)ids.OpportunityId), (lead.Status, lead.ConvertedCustomerId, lead.ConvertedContactId, lead.ConvertedOpportunityId));

        var again = await database.Get<ConvertLeadHandler>().HandleAsync(new ConvertLead(leadId, "再来一次", 1m), rep, Ct);
        Assert.Equal(("lead.notConvertible", ErrorKind.BusinessRule), (again.Error?.Code, again.Error?.Kind));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task When_the_opportunity_step_fails_no_customer_or_contact_is_saved_and_the_lead_stays_open(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var leadId = await LeadOfAsync(database, rep);
        var before = await CountsAsync(database, leadId);

        // The customer and contact steps pass; the opportunity's own rules refuse a name over 200 characters.
        var failed = await database.Get<ConvertLeadHandler>().HandleAsync(new ConvertLead(leadId, new string('商', Opportunity.NameMaxLength + 1), 1m), rep, Ct);

        Assert.Equal("name", failed.Error?.Fields?[0].Field);
        Assert.Equal(before, await CountsAsync(database, leadId));
        Assert.Equal(LeadStatus.New, before.Status);

        // The customer number taken inside the rolled-back transaction is handed out again: numbers stay gap-free.
        var converted = await database.Get<ConvertLeadHandler>().HandleAsync(new ConvertLead(leadId, "空压机更新项目", 1m), rep, Ct);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal("CUS-000001", await db.Customers.Where(c => c.Id == converted.Value!.CustomerId).Select(c => c.Number).SingleAsync());
    }

    [Fact]
    public async Task Attaching_to_an_existing_customer_creates_no_customer_and_needs_one_in_scope()
    {
        await using var database = await TestDatabase.CreateAsync();
        var org = await TestOrg.CreateAsync(database);
        var rep = await org.ActorAsync(database, "rep.east1.a");
        var northRep = await org.ActorAsync(database, "rep.north1.a");
        var mine = await PipelineUseCaseTests.CustomerOfAsync(database, rep, "上海恒达机电有限公司");
        var theirs = await PipelineUseCaseTests.CustomerOfAsync(database, northRep, "北京华盛电子有限公司");
        var leadId = await LeadOfAsync(database, rep, "上海另一家公司");

        var outOfScope = await database.Get<ConvertLeadHandler>().HandleAsync(new ConvertLead(leadId, "项目", 1m, theirs), rep, Ct);
        Assert.Equal(ErrorKind.NotFound, outOfScope.Error?.Kind);

        var converted = await database.Get<ConvertLeadHandler>().HandleAsync(new ConvertLead(leadId, "项目", 1m, mine), rep, Ct);
        Assert.Equal(mine, converted.Value!.CustomerId);
        await using var db = await database.Factory.CreateDbContextAsync();
        Assert.Equal(2, await db.Customers.CountAsync());
        Assert.False(await db.Contacts.Where(k => k.Id == converted.Value.ContactId).Select(k => k.IsPrimary).SingleAsync());
    }
}
