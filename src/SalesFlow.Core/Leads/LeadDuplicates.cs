using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Leads;

/// <summary>
/// The duplicate rule of PRODUCT.md §3: a lead whose mobile, e-mail or company name is already known — as a
/// lead, a customer's contact or a customer — is refused with the record it duplicates. The check is
/// company-wide on purpose: two reps must not chase the same prospect from different regions.
/// Many leads are checked at once (an import's chunk) with one query per key and table; one lead is a chunk of one.
/// </summary>
public static class LeadDuplicates
{
    /// <summary>A new lead's normalized keys.</summary>
    public sealed record Keys(string? Mobile, string? Email, string? Company);

    public static async Task<Error?> FindAsync(SalesFlowDbContext db, string? mobile, string? email, string? company, Guid? exceptLeadId, CancellationToken ct) =>
        (await FindManyAsync(db, [new Keys(mobile, email, company)], exceptLeadId, ct))[0];

    /// <summary>For each lead, the first duplicate found: by mobile, then e-mail, then company; a lead before a contact or customer.</summary>
    public static async Task<IReadOnlyList<Error?>> FindManyAsync(SalesFlowDbContext db, IReadOnlyList<Keys> leads, Guid? exceptLeadId, CancellationToken ct)
    {
        var mobiles = Values(leads.Select(k => k.Mobile));
        var emails = Values(leads.Select(k => k.Email));
        var companies = Values(leads.Select(k => k.Company));
        var live = db.Leads.Where(l => !l.IsDeleted && l.Id != exceptLeadId);
        var contacts = db.Contacts.Where(k => !k.IsDeleted);
        var byMobile = await FirstAsync(live.Where(l => mobiles.Contains(l.Mobile!)).Select(l => new KeyValuePair<string, Guid>(l.Mobile!, l.Id)), mobiles, ct);
        var contactByMobile = await FirstAsync(contacts.Where(k => mobiles.Contains(k.Mobile!)).Select(k => new KeyValuePair<string, Guid>(k.Mobile!, k.CustomerId)), mobiles, ct);
        var byEmail = await FirstAsync(live.Where(l => emails.Contains(l.Email!)).Select(l => new KeyValuePair<string, Guid>(l.Email!, l.Id)), emails, ct);
        var contactByEmail = await FirstAsync(contacts.Where(k => emails.Contains(k.Email!)).Select(k => new KeyValuePair<string, Guid>(k.Email!, k.CustomerId)), emails, ct);
        var byCompany = await FirstAsync(live.Where(l => companies.Contains(l.Company!)).Select(l => new KeyValuePair<string, Guid>(l.Company!, l.Id)), companies, ct);
        var customerByCompany = await FirstAsync(
            db.Customers.Where(c => !c.IsDeleted && companies.Contains(c.Name)).Select(c => new KeyValuePair<string, Guid>(c.Name, c.Id)), companies, ct);

        return [.. leads.Select(k =>
            Match(k.Mobile, "mobile", byMobile, contactByMobile) ?? Match(k.Email, "email", byEmail, contactByEmail) ?? Match(k.Company, "company", byCompany, customerByCompany))];
    }

    private static Error? Match(string? value, string matchedOn, Dictionary<string, Guid> leads, Dictionary<string, Guid> others) =>
        string.IsNullOrEmpty(value) ? null
        : leads.TryGetValue(value, out var lead) ? LeadErrors.Duplicate(lead, matchedOn)
        : others.TryGetValue(value, out var other) ? LeadErrors.Duplicate(other, matchedOn)
        : null;

    private static List<string> Values(IEnumerable<string?> keys) => [.. keys.OfType<string>().Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

    private static async Task<Dictionary<string, Guid>> FirstAsync(IQueryable<KeyValuePair<string, Guid>> found, List<string> values, CancellationToken ct)
    {
        var first = new Dictionary<string, Guid>(StringComparer.Ordinal);
        if (values.Count == 0)
        {
            return first;
        }

        foreach (var (key, id) in await found.ToListAsync(ct))
        {
            first.TryAdd(key, id);
        }

        return first;
    }
}
