using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Quotes;

public sealed record QuoteRow(
    Guid Id, string Number, int Revision, string DisplayNumber, string Title, Guid CustomerId, string CustomerName, Guid OwnerId, string OwnerName,
    QuoteStatus Status, decimal NetAmount, decimal GrossAmount, string Currency, decimal MaxDiscountPercent, DateOnly ValidUntil, DateTime CreatedAtUtc, int Version);

public sealed record QuoteLineRow(
    Guid Id, int Position, Guid ProductId, string Sku, string ProductName, decimal Quantity, string Unit, decimal BaseQuantity, string BaseUnit,
    decimal ListUnitPrice, decimal DiscountPercent, decimal NetUnitPrice, decimal TaxRate, decimal NetAmount, decimal TaxAmount, decimal GrossAmount);

public sealed record QuoteRevisionRow(Guid Id, int Revision, QuoteStatus Status, decimal GrossAmount, DateTime CreatedAtUtc);

public sealed record QuoteDetails(
    Guid Id, string Number, int Revision, string DisplayNumber, Guid FamilyId, string Title, Guid CustomerId, string CustomerName, Guid? ContactId,
    string? ContactName, Guid? OpportunityId, string? OpportunityName, Guid OwnerId, string OwnerName, string Currency, DateOnly ValidUntil,
    string? Terms, QuoteStatus Status, decimal NetAmount, decimal TaxAmount, decimal GrossAmount, decimal MaxDiscountPercent, Guid? ApprovalRequestId,
    string? RejectionReason, Guid? OrderId, Guid? SupersededById, DateTime? SubmittedAtUtc, DateTime? ApprovedAtUtc, DateTime? SentAtUtc,
    DateTime? ClosedAtUtc, IReadOnlyList<QuoteLineRow> Lines, IReadOnlyList<QuoteRevisionRow> Revisions, IReadOnlyList<ApprovalDetails> Approvals,
    int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy, QuoteNotice? Notice = null);

public sealed record QuoteFilter(
    string? Q = null, QuoteStatus? Status = null, Guid? CustomerId = null, Guid? OwnerId = null, Guid? OpportunityId = null, bool LatestOnly = false);

/// <summary>A product the line editor may offer, with the units it is sold in.</summary>
public sealed record QuoteProductChoice(Guid Id, string Sku, string NameZh, string NameEn, string Unit, int QuantityDecimals, IReadOnlyList<string> Units);

public sealed class QuoteQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, ApprovalQueries approvals, CompanyClock clock, DiscountAuthority authority)
{
    public static readonly SortWhitelist<Quote> Sorts = new(
        "-createdAt",
        SortOption<Quote>.By("createdAt", q => q.CreatedAtUtc),
        SortOption<Quote>.By("amount", q => q.GrossAmount),
        SortOption<Quote>.By("validUntil", q => q.ValidUntil));

    public async Task<Result<Page<QuoteRow>>> ListAsync(Actor actor, QuoteFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(QuotePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Quotes.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var customerHits = db.Customers.Where(c => c.Name.Contains(q)).Select(c => c.Id);
            query = query.Where(x => x.Number.Contains(q) || x.Title.Contains(q) || customerHits.Contains(x.CustomerId));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(x => x.Status == status);
        }

        if (filter.CustomerId is { } customer)
        {
            query = query.Where(x => x.CustomerId == customer);
        }

        if (filter.OwnerId is { } owner)
        {
            query = query.Where(x => x.OwnerId == owner);
        }

        if (filter.OpportunityId is { } opportunity)
        {
            query = query.Where(x => x.OpportunityId == opportunity);
        }

        if (filter.LatestOnly)
        {
            query = query.Where(x => x.Status != QuoteStatus.Superseded);
        }

        return await Sorts.PageAsync(query, page, x => new QuoteRow(
            x.Id, x.Number, x.Revision, x.Revision == 1 ? x.Number : x.Number + "-R" + x.Revision, x.Title, x.CustomerId,
            db.Customers.Where(c => c.Id == x.CustomerId).Select(c => c.Name).First(), x.OwnerId,
            db.Employees.Where(e => e.Id == x.OwnerId).Select(e => e.Name).First(),
            x.Status, x.NetAmount, x.GrossAmount, x.Currency, x.MaxDiscountPercent, x.ValidUntil, x.CreatedAtUtc, x.Version), ct);
    }

    public async Task<Result<QuoteDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
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
                CustomerName = db.Customers.Where(c => c.Id == q.CustomerId).Select(c => c.Name).First(),
                ContactName = db.Contacts.Where(k => k.Id == q.ContactId).Select(k => k.FullName).FirstOrDefault(),
                OpportunityName = db.Opportunities.Where(o => o.Id == q.OpportunityId).Select(o => o.Name).FirstOrDefault(),
                OwnerName = db.Employees.Where(e => e.Id == q.OwnerId).Select(e => e.Name).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return QuoteErrors.NotFound(id);
        }

        var x = found.Quote;
        var lines = await db.QuoteLines.AsNoTracking().Where(l => l.QuoteId == id).OrderBy(l => l.Position)
            .Select(l => new QuoteLineRow(
                l.Id, l.Position, l.ProductId, l.Sku, l.ProductName, l.Quantity, l.Unit, l.BaseQuantity, l.BaseUnit, l.ListUnitPrice, l.DiscountPercent,
                l.NetUnitPrice, l.TaxRate, l.NetAmount, l.TaxAmount, l.GrossAmount))
            .ToListAsync(ct);
        var revisions = await db.Quotes.AsNoTracking().Where(q => q.FamilyId == x.FamilyId).OrderBy(q => q.Revision)
            .Select(q => new QuoteRevisionRow(q.Id, q.Revision, q.Status, q.GrossAmount, q.CreatedAtUtc)).ToListAsync(ct);
        var history = actor.Can(ApprovalPermissions.View) ? (await approvals.ForSubjectAsync(actor, Quote.ApprovalKind, id, ct)).Value ?? [] : [];
        return new QuoteDetails(
            x.Id, x.Number, x.Revision, x.DisplayNumber, x.FamilyId, x.Title, x.CustomerId, found.CustomerName, x.ContactId, found.ContactName,
            x.OpportunityId, found.OpportunityName, x.OwnerId, found.OwnerName, x.Currency, x.ValidUntil, x.Terms, x.Status, x.NetAmount, x.TaxAmount,
            x.GrossAmount, x.MaxDiscountPercent, x.ApprovalRequestId, x.RejectionReason, x.OrderId, x.SupersededById, x.SubmittedAtUtc, x.ApprovedAtUtc,
            x.SentAtUtc, x.ClosedAtUtc, lines, revisions, history, x.Version, x.CreatedAtUtc, x.CreatedBy, x.UpdatedAtUtc, x.UpdatedBy);
    }

    /// <summary>Prices lines for a customer the actor sees, without saving: the editor shows list prices and amounts as the rep types.</summary>
    public async Task<Result<PricedQuote>> PreviewAsync(Actor actor, Guid customerId, IReadOnlyList<QuoteLineInput> lines, CancellationToken ct)
    {
        if (actor.Require(QuotePermissions.View) is { } denied)
        {
            return denied;
        }

        if (QuotePricing.Check(lines) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(c => c.Id == customerId && !c.IsDeleted, ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(customerId);
        }

        var priced = await QuotePricing.PriceAsync(db, customer, lines, clock.Today, authority, ct);
        return priced.IsSuccess ? QuotePricing.Describe(priced.Value!, "CNY") : priced.Error!;
    }

    /// <summary>Active products for the line editor (name or SKU contains <paramref name="q"/>), at most <paramref name="take"/>.</summary>
    public async Task<IReadOnlyList<QuoteProductChoice>> ProductsAsync(string? q, int take, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Products.AsNoTracking().Where(p => p.IsActive);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var term = q.Trim();
            query = query.Where(p => p.NameZh.Contains(term) || p.NameEn.Contains(term) || p.Sku.Contains(term));
        }

        var products = await query.OrderBy(p => p.Sku).Take(Math.Clamp(take, 1, 100)).Include(p => p.Conversions).ToListAsync(ct);
        return products.Select(p => new QuoteProductChoice(
            p.Id, p.Sku, p.NameZh, p.NameEn, p.Unit, p.QuantityDecimals, [p.Unit, .. p.Conversions.Select(c => c.Unit)])).ToList();
    }
}
