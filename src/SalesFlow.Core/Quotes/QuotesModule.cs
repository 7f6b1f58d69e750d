using Microsoft.Extensions.DependencyInjection;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Common;

namespace SalesFlow.Core.Quotes;

public static class QuotePermissions
{
    public const string View = "quotes.view";
    public const string Edit = "quotes.edit";
}

public static class QuoteErrors
{
    public static readonly Error NoLines = Error.Rule("quote.noLines", "A quote needs at least one line before it is submitted.");

    public static readonly Error ContactNotOfCustomer = Error.Rule("quote.contactNotOfCustomer", "The contact must be one of the customer's contacts.");

    public static readonly Error OpportunityNotOfCustomer = Error.Rule("quote.opportunityNotOfCustomer", "The opportunity must belong to the quote's customer.");

    public static readonly Error ValidUntilPast = Error.Rule("quote.validUntilPast", "The valid-until date cannot be in the past.");

    public static Error NotDraft(QuoteStatus status) =>
        Error.Rule("quote.notDraft", $"Only a draft quote can be edited; this one is {status}. Revise it to change it.", ("quoteStatus", status.ToString()));

    public static Error WrongStatus(QuoteStatus from, QuoteStatus to) =>
        Error.Conflict("quote.wrongStatus", $"A {from} quote cannot become {to}.", ("from", from.ToString()), ("to", to.ToString()));

    public static Error Expired(DateOnly validUntil) =>
        Error.Rule("quote.expired", $"The quote was valid until {validUntil:yyyy-MM-dd}; it has expired and cannot be accepted.", ("validUntil", validUntil.ToString("yyyy-MM-dd")));

    public static Error NoPrice(int line, string sku) =>
        Error.Rule("quote.noPrice", $"Line {line}: no price list prices {sku} for this customer today.", ("line", line), ("sku", sku));

    public static Error ProductNotFound(int line) => Error.Rule("quote.productNotFound", $"Line {line}: the product does not exist or is not active.", ("line", line));

    public static Error UnitNotSold(int line, string unit) =>
        Error.Rule("quote.unitNotSold", $"Line {line}: the product is not sold in {unit}.", ("line", line), ("unit", unit));

    public static Error QuantityDecimals(int line, int decimals) =>
        Error.Rule("quote.quantityDecimals", $"Line {line}: the quantity may have at most {decimals} decimals in the product's unit.", ("line", line), ("decimals", decimals));

    public static Error DiscountExceedsMaximum(int line, decimal maximum) =>
        Error.Rule("discount.exceedsMaximum", $"Line {line}: no discount above {maximum} % can be given, not even with approval.", ("line", line), ("maximum", maximum));

    public static Error NotFound(Guid id) => Error.NotFound("Quote", id);
}

public static class QuoteScope
{
    /// <summary>Like opportunities: Team/Region by the owner's unit, Own by owner, every quote for All.</summary>
    public static IQueryable<Quote> VisibleTo(this IQueryable<Quote> quotes, Actor actor) => actor.Scope switch
    {
        DataScope.All => quotes,
        DataScope.Team or DataScope.Region => quotes.Where(q => actor.VisibleUnitIds.Contains(q.OrgUnitId) || q.OwnerId == actor.EmployeeId),
        DataScope.Own => quotes.Where(q => q.OwnerId == actor.EmployeeId),
        DataScope.OwnDealer => quotes.Where(q => false),
    };
}

public static class QuotesModule
{
    public static IServiceCollection AddQuotes(this IServiceCollection services) => services
        .AddScoped<QuoteQueries>()
        .AddScoped<QuoteDocumentQuery>()
        .AddScoped<CreateQuoteHandler>()
        .AddScoped<UpdateQuoteHandler>()
        .AddScoped<QuoteActionHandler>()
        .AddScoped<IApprovalSubjectHandler, QuoteApprovalSubject>();
}
