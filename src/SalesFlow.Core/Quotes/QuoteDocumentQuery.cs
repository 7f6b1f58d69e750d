using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Quotes;

/// <summary>One line as the printed quote shows it: the product's name in both languages (the document picks one).</summary>
public sealed record QuoteDocumentLine(
    int Position, string Sku, string NameZh, string NameEn, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit,
    decimal ListUnitPrice, decimal DiscountPercent, decimal NetUnitPrice, decimal TaxRate, decimal NetAmount, decimal TaxAmount, decimal GrossAmount);

/// <summary>Everything a printed quote needs, read in the caller's scope.</summary>
public sealed record QuoteDocumentData(
    Guid Id, string DisplayNumber, int Revision, string Title, QuoteStatus Status, string CustomerNumber, string CustomerName, string? CustomerAddress,
    string? CustomerPhone, string PreferredLanguage, string? ContactName, string OwnerName, string Currency, DateOnly IssuedOn, DateOnly ValidUntil,
    string? Terms, decimal NetAmount, decimal TaxAmount, decimal GrossAmount, IReadOnlyList<QuoteDocumentLine> Lines);

/// <summary>Reads a quote for printing: the same scope and permission as reading it (404 outside scope).</summary>
public sealed class QuoteDocumentQuery(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public async Task<Result<QuoteDocumentData>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(QuotePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Quotes.AsNoTracking().VisibleTo(actor).Where(q => q.Id == id)
            .Select(q => new
            {
                Quote = q,
                Customer = db.Customers.Where(c => c.Id == q.CustomerId)
                    .Select(c => new { c.Number, c.Name, c.Address, c.Phone, c.PreferredLanguage }).First(),
                ContactName = db.Contacts.Where(k => k.Id == q.ContactId).Select(k => k.FullName).FirstOrDefault(),
                OwnerName = db.Employees.Where(e => e.Id == q.OwnerId).Select(e => e.Name).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return QuoteErrors.NotFound(id);
        }

        var lines = await db.QuoteLines.AsNoTracking().Where(l => l.QuoteId == id).OrderBy(l => l.Position)
            .Select(l => new QuoteDocumentLine(
                l.Position, l.Sku,
                db.Products.Where(p => p.Id == l.ProductId).Select(p => p.NameZh).FirstOrDefault() ?? l.ProductName,
                db.Products.Where(p => p.Id == l.ProductId).Select(p => p.NameEn).FirstOrDefault() ?? l.ProductName,
                l.Quantity, l.Unit, l.BaseQuantity, l.BaseUnit, l.ListUnitPrice, l.DiscountPercent, l.NetUnitPrice, l.TaxRate, l.NetAmount, l.TaxAmount,
                l.GrossAmount))
            .ToListAsync(ct);
        var x = found.Quote;
        var c = found.Customer;
        var issuedOn = x.SentAtUtc ?? x.ApprovedAtUtc ?? x.SubmittedAtUtc ?? x.CreatedAtUtc;
        return new QuoteDocumentData(
            x.Id, x.DisplayNumber, x.Revision, x.Title, x.Status, c.Number, c.Name, c.Address, c.Phone,
            CustomerLanguages.Normalize(c.PreferredLanguage) ?? CustomerLanguages.Default, found.ContactName, found.OwnerName, x.Currency,
            DateOnly.FromDateTime(clock.ToCompanyTime(issuedOn)), x.ValidUntil, x.Terms, x.NetAmount, x.TaxAmount, x.GrossAmount, lines);
    }
}
