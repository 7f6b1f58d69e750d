using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Opportunities;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Quotes;

/// <summary>
/// A new draft quote. With <see cref="FromOpportunityId"/> the customer, title and (unless lines are sent) the
/// opportunity's product lines are taken from the opportunity. Without a valid-until date the quote is valid for
/// <see cref="CreateQuoteHandler.DefaultValidDays"/> days.
/// </summary>
public sealed record CreateQuote(
    Guid? CustomerId = null,
    Guid? FromOpportunityId = null,
    [property: StringLength(Quote.TitleMaxLength)] string? Title = null,
    Guid? ContactId = null,
    DateOnly? ValidUntil = null,
    [property: StringLength(Quote.TermsMaxLength)] string? Terms = null,
    IReadOnlyList<QuoteLineInput>? Lines = null);

public sealed class CreateQuoteHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DiscountAuthority authority, QuoteQueries queries)
{
    public const int DefaultValidDays = 30;

    public async Task<Result<QuoteDetails>> HandleAsync(CreateQuote request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(QuotePermissions.Edit) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? QuotePricing.Check(request.Lines)) is { } invalid)
        {
            return invalid;
        }

        if (request.CustomerId is null && request.FromOpportunityId is null)
        {
            return Error.Invalid("customerId", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Opportunity? opportunity = null;
        if (request.FromOpportunityId is { } opportunityId)
        {
            opportunity = await db.Opportunities.AsNoTracking().Include(o => o.Lines).VisibleTo(actor).SingleOrDefaultAsync(o => o.Id == opportunityId, ct);
            if (opportunity is null)
            {
                return OpportunityErrors.NotFound(opportunityId);
            }

            if (request.CustomerId is { } named && named != opportunity.CustomerId)
            {
                return QuoteErrors.OpportunityNotOfCustomer;
            }
        }

        var customerId = request.CustomerId ?? opportunity!.CustomerId;
        var customer = await db.Customers.AsNoTracking().VisibleTo(actor).SingleOrDefaultAsync(c => c.Id == customerId && !c.IsDeleted, ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(customerId);
        }

        if (request.ContactId is { } contactId && !await db.Contacts.AnyAsync(k => k.Id == contactId && k.CustomerId == customer.Id && !k.IsDeleted, ct))
        {
            return QuoteErrors.ContactNotOfCustomer;
        }

        var today = clock.Today;
        var validUntil = request.ValidUntil ?? today.AddDays(DefaultValidDays);
        if (validUntil < today)
        {
            return QuoteErrors.ValidUntilPast;
        }

        var ownerId = actor.EmployeeId ?? customer.OwnerId;
        var owner = await db.Employees.Where(e => e.Id == ownerId).Select(e => new { e.Id, e.OrgUnitId }).SingleAsync(ct);
        var inputs = request.Lines ?? FromOpportunity(opportunity);
        var lines = await QuotePricing.PriceAsync(db, customer, inputs, today, authority, ct);
        if (!lines.IsSuccess)
        {
            return lines.Error!;
        }

        var number = await SequenceNumbers.NextAsync(db, Quote.NumberSeries, today.Year, ct);
        var title = string.IsNullOrWhiteSpace(request.Title) ? opportunity?.Name ?? customer.Name : request.Title.Trim();
        var quote = new Quote(number, 1, Guid.Empty, title, customer.Id, owner.Id, owner.OrgUnitId, "CNY");
        quote.Describe(title, request.ContactId, opportunity?.Id, validUntil, request.Terms);
        quote.SetLines(lines.Value!);
        db.Quotes.Add(quote);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, quote.Id, ct);
    }

    // Opportunity lines that name a catalogue product, in their unit, without discount.
    private static List<QuoteLineInput> FromOpportunity(Opportunity? opportunity) =>
        opportunity is null
            ? []
            : opportunity.Lines.Where(l => l.ProductId != null).OrderBy(l => l.Position)
                .Select(l => new QuoteLineInput(l.ProductId, l.Quantity, l.Unit, 0m)).ToList();
}

/// <summary>
/// Edits a draft: title, contact, validity, terms and the lines (repriced from the price lists today). Customer, owner
/// and status are not edited here (refused when changed); a quote that is not a draft is refused: revise it instead.
/// </summary>
public sealed record UpdateQuote(
    Guid Id,
    [property: StringLength(Quote.TitleMaxLength)] string? Title,
    Guid? ContactId,
    [property: Required] DateOnly? ValidUntil,
    [property: StringLength(Quote.TermsMaxLength)] string? Terms,
    [property: Required] IReadOnlyList<QuoteLineInput>? Lines,
    [property: Required] int? Version,
    Guid? CustomerId = null,
    Guid? OwnerId = null,
    QuoteStatus? Status = null);

public sealed class UpdateQuoteHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DiscountAuthority authority, QuoteQueries queries)
{
    public async Task<Result<QuoteDetails>> HandleAsync(UpdateQuote request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(QuotePermissions.Edit) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? QuotePricing.Check(request.Lines)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableQuote.LoadAsync(db, queries, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var quote = loaded.Value!;
        var refused = request.CustomerId is { } customerId && customerId != quote.CustomerId ? "customerId"
            : request.OwnerId is { } ownerId && ownerId != quote.OwnerId ? "ownerId"
            : request.Status is { } status && status != quote.Status ? "status"
            : null;
        if (refused is not null)
        {
            return Error.Invalid(refused, "changeThroughAction");
        }

        if (quote.Status != QuoteStatus.Draft)
        {
            return QuoteErrors.NotDraft(quote.Status);
        }

        if (request.ContactId is { } contactId && !await db.Contacts.AnyAsync(k => k.Id == contactId && k.CustomerId == quote.CustomerId && !k.IsDeleted, ct))
        {
            return QuoteErrors.ContactNotOfCustomer;
        }

        var today = clock.Today;
        if (request.ValidUntil!.Value < today)
        {
            return QuoteErrors.ValidUntilPast;
        }

        var customer = await db.Customers.AsNoTracking().SingleAsync(c => c.Id == quote.CustomerId, ct);
        var lines = await QuotePricing.PriceAsync(db, customer, request.Lines!, today, authority, ct);
        if (!lines.IsSuccess)
        {
            return lines.Error!;
        }

        quote.Describe(string.IsNullOrWhiteSpace(request.Title) ? quote.Title : request.Title.Trim(), request.ContactId, quote.OpportunityId, request.ValidUntil!.Value, request.Terms);
        quote.SetLines(lines.Value!);
        if (await db.SaveOrConflictAsync("Quote", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, quote.Id, ct);
    }
}

/// <summary>The first step of every quote change: the quote in the caller's scope at the version read, or 404 / 409 with the current quote.</summary>
internal static class EditableQuote
{
    public static async Task<Result<Quote>> LoadAsync(SalesFlowDbContext db, QuoteQueries queries, Actor actor, Guid id, int? version, CancellationToken ct)
    {
        var quote = await db.Quotes.Include(q => q.Lines).VisibleTo(actor).SingleOrDefaultAsync(q => q.Id == id, ct);
        if (quote is null)
        {
            return QuoteErrors.NotFound(id);
        }

        if (version is { } sent && quote.Version != sent)
        {
            return Error.StaleVersion("Quote", sent, quote.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return quote;
    }
}
