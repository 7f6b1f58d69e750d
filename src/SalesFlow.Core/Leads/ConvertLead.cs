using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Opportunities;

namespace SalesFlow.Core.Leads;

/// <summary>API.md: <c>{ "opportunityName", "amount" }</c>, optionally an existing <c>customerId</c> to attach to.</summary>
public sealed record ConvertLead(
    Guid Id,
    [property: Required] string? OpportunityName,
    decimal? Amount,
    Guid? CustomerId = null);

/// <summary>API.md's fixed answer: the three records the lead became.</summary>
public sealed record LeadConversion(Guid CustomerId, Guid ContactId, Guid OpportunityId);

/// <summary>
/// Converts an open lead in one transaction: the customer (or an existing one the actor sees), a contact from the
/// lead's name, mobile and e-mail, an opportunity in the first stage, and the lead marked converted with those ids.
/// Each step applies its own module's rules; the first refusal returns before anything is saved.
/// </summary>
public sealed class ConvertLeadHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public async Task<Result<LeadConversion>> HandleAsync(ConvertLead request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(LeadPermissions.Edit) ?? actor.Require(CustomerPermissions.Edit) ?? actor.Require(OpportunityPermissions.Edit)) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var lead = await db.Leads.VisibleTo(actor).SingleOrDefaultAsync(l => l.Id == request.Id && !l.IsDeleted, ct);
        if (lead is null)
        {
            return LeadErrors.NotFound(request.Id);
        }

        if (!lead.IsOpen)
        {
            return LeadErrors.NotConvertible(lead.Status);
        }

        var customer = await CustomerFor(db, actor, lead, request.CustomerId, ct);
        if (!customer.IsSuccess)
        {
            return customer.Error!;
        }

        var contactRequest = new SaveContact(customer.Value!.Id, null, lead.Name, null, null, lead.Mobile, lead.Email, IsPrimary: request.CustomerId is null, null);
        if (RequestValidation.Check(contactRequest) is { } badContact)
        {
            return badContact;
        }

        var contact = NewContact.Add(db, contactRequest);
        var opportunity = await NewOpportunity.AddAsync(
            db, actor, new CreateOpportunity(request.OpportunityName!, customer.Value.Id, contact.Id, request.Amount, OwnerId: lead.OwnerId ?? customer.Value.OwnerId), clock, ct);
        if (!opportunity.IsSuccess)
        {
            return opportunity.Error!;
        }

        opportunity.Value!.CameFromLead(lead.Id);
        var converted = lead.Convert(customer.Value.Id, contact.Id, opportunity.Value.Id);
        if (!converted.IsSuccess)
        {
            return converted.Error!;
        }

        if (await db.SaveOrConflictAsync("Lead", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        return new LeadConversion(customer.Value.Id, contact.Id, opportunity.Value.Id);
    }

    private static async Task<Result<Customer>> CustomerFor(SalesFlowDbContext db, Actor actor, Lead lead, Guid? existingId, CancellationToken ct)
    {
        if (existingId is { } id)
        {
            var existing = await db.Customers.VisibleTo(actor).SingleOrDefaultAsync(c => c.Id == id && !c.IsDeleted, ct);
            return existing is null ? CustomerErrors.NotFound(id) : existing;
        }

        var company = lead.Company;
        return await NewCustomer.AddAsync(
            db, actor,
            new CreateCustomer(company ?? lead.Name, company is null ? CustomerType.Consumer : CustomerType.Enterprise, null, null, null, lead.RegionId, lead.OwnerId, null, null, null),
            ct);
    }
}
