using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Leads;

/// <summary>
/// The duplicate rule of PRODUCT.md §3: a lead whose mobile, e-mail or company name is already known — as a
/// lead, a customer's contact or a customer — is refused with the record it duplicates. The check is
/// company-wide on purpose: two reps must not chase the same prospect from different regions.
/// </summary>
public static class LeadDuplicates
{
    public static async Task<Error?> FindAsync(SalesFlowDbContext db, string? mobile, string? email, string? company, Guid? exceptLeadId, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(mobile))
        {
            var lead = await db.Leads.Where(l => l.Mobile == mobile && !l.IsDeleted && l.Id != exceptLeadId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
            var contact = lead ?? await db.Contacts.Where(k => k.Mobile == mobile && !k.IsDeleted).Select(k => (Guid?)k.CustomerId).FirstOrDefaultAsync(ct);
            if (contact is { } id)
            {
                return LeadErrors.Duplicate(id, "mobile");
            }
        }

        if (!string.IsNullOrEmpty(email))
        {
            var lead = await db.Leads.Where(l => l.Email == email && !l.IsDeleted && l.Id != exceptLeadId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
            var contact = lead ?? await db.Contacts.Where(k => k.Email == email && !k.IsDeleted).Select(k => (Guid?)k.CustomerId).FirstOrDefaultAsync(ct);
            if (contact is { } id)
            {
                return LeadErrors.Duplicate(id, "email");
            }
        }

        if (!string.IsNullOrEmpty(company))
        {
            var lead = await db.Leads.Where(l => l.Company == company && !l.IsDeleted && l.Id != exceptLeadId).Select(l => (Guid?)l.Id).FirstOrDefaultAsync(ct);
            var customer = lead ?? await db.Customers.Where(c => c.Name == company && !c.IsDeleted).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
            if (customer is { } id)
            {
                return LeadErrors.Duplicate(id, "company");
            }
        }

        return null;
    }
}
