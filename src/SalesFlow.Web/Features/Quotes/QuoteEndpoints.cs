using Microsoft.Extensions.Localization;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Quotes;
using SalesFlow.Web.Api;
using SalesFlow.Web.Documents;
using SalesFlow.Web.Resources;

namespace SalesFlow.Web.Features.Quotes;

/// <summary>PUT body: the representation GET returned, edited. Read-only fields are accepted and ignored; customer, owner and status are refused when changed.</summary>
public sealed record QuoteBody(
    string? Title, Guid? ContactId, DateOnly? ValidUntil, string? Terms, IReadOnlyList<QuoteLineBody>? Lines, int? Version,
    Guid? Id = null, string? Number = null, int? Revision = null, string? DisplayNumber = null, Guid? FamilyId = null, Guid? CustomerId = null,
    string? CustomerName = null, string? ContactName = null, Guid? OpportunityId = null, string? OpportunityName = null, Guid? OwnerId = null,
    string? OwnerName = null, string? Currency = null, QuoteStatus? Status = null, decimal? NetAmount = null, decimal? TaxAmount = null,
    decimal? GrossAmount = null, decimal? MaxDiscountPercent = null, Guid? ApprovalRequestId = null, string? RejectionReason = null, Guid? OrderId = null,
    Guid? SupersededById = null, DateTimeOffset? SubmittedAtUtc = null, DateTimeOffset? ApprovedAtUtc = null, DateTimeOffset? SentAtUtc = null,
    DateTimeOffset? ClosedAtUtc = null, IReadOnlyList<QuoteRevisionRow>? Revisions = null, IReadOnlyList<ApprovalDetails>? Approvals = null,
    DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null, string? UpdatedBy = null, QuoteNotice? Notice = null);

/// <summary>A line as GET shows it; computed fields are ignored.</summary>
public sealed record QuoteLineBody(
    Guid? ProductId, decimal? Quantity, string? Unit, decimal? DiscountPercent, Guid? Id = null, int? Position = null, string? Sku = null,
    string? ProductName = null, decimal? BaseQuantity = null, string? BaseUnit = null, decimal? ListUnitPrice = null, decimal? NetUnitPrice = null,
    decimal? TaxRate = null, decimal? NetAmount = null, decimal? TaxAmount = null, decimal? GrossAmount = null)
{
    public QuoteLineInput ToInput() => new(ProductId, Quantity, Unit, DiscountPercent);
}

public sealed record QuoteVerbBody(int? Version = null, string? Reason = null);

public sealed record QuotePreviewBody(Guid? CustomerId, IReadOnlyList<QuoteLineInput>? Lines);

public sealed record QuoteListQuery(
    string? Q, QuoteStatus? Status, Guid? CustomerId, Guid? OwnerId, Guid? OpportunityId, bool? LatestOnly, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class QuoteEndpoints
{
    public static RouteGroupBuilder MapQuoteEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/quotes").WithTags("Quotes").RequireAuthorization(QuotePermissions.View);
        group.MapGet("/", List).WithName("ListQuotes");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, QuoteQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetQuote");
        group.MapGet("/{id:guid}/pdf", Pdf).WithName("GetQuotePdf").Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        group.MapGet("/products", async (string? q, int? take, QuoteQueries queries, CancellationToken ct) =>
            TypedResults.Ok(await queries.ProductsAsync(q, take ?? 20, ct))).WithName("ListQuoteProducts");
        group.MapPost("/price-preview", async (QuotePreviewBody body, Actor actor, QuoteQueries queries, CancellationToken ct) =>
            body.CustomerId is not { } customer
                ? Error.Invalid("customerId", "required").ToProblem()
                : (await queries.PreviewAsync(actor, customer, body.Lines ?? [], ct)).ToOk()).WithName("PreviewQuotePrices");

        var edit = group.MapGroup("").RequireAuthorization(QuotePermissions.Edit);
        edit.MapPost("/", Create).WithIdempotency().WithName("CreateQuote");
        edit.MapPut("/{id:guid}", Update).WithName("UpdateQuote");
        foreach (var verb in Enum.GetValues<QuoteVerb>())
        {
            var name = verb.ToString().ToLowerInvariant();
            edit.MapPost($"/{{id:guid}}/{name}", (Guid id, QuoteVerbBody? body, HttpRequest http, Actor actor, QuoteActionHandler handler, CancellationToken ct) =>
                    Act(new QuoteAction(id, verb, Versions.From(http, body?.Version), body?.Reason), actor, handler, ct))
                .WithName(verb + "Quote");
        }

        return group;
    }

    /// <summary>The quote printed in the customer's language (or <paramref name="lang"/>): application/pdf named after the quote number.</summary>
    private static async Task<IResult> Pdf(
        Guid id, string? lang, Actor actor, QuoteDocumentQuery documents, PdfPrinter printer, CompanyOptions company,
        IStringLocalizer<SharedResource> localizer, CancellationToken ct)
    {
        if (CustomerLanguages.Check(lang, "lang") is { } invalid)
        {
            return invalid.ToProblem();
        }

        var quote = await documents.GetAsync(actor, id, ct);
        if (!quote.IsSuccess)
        {
            return quote.Error!.ToProblem();
        }

        var html = QuoteDocument.Html(quote.Value!, QuoteDocument.LanguageFor(quote.Value!, lang), company.Name, localizer);
        var pdf = await printer.PrintAsync(html, ct);
        return pdf.IsSuccess
            ? TypedResults.File(pdf.Value!, "application/pdf", quote.Value!.DisplayNumber + ".pdf")
            : pdf.Error!.ToProblem();
    }

    private static async Task<IResult> List([AsParameters] QuoteListQuery query, Actor actor, QuoteQueries queries, CancellationToken ct)
    {
        var filter = new QuoteFilter(query.Q, query.Status, query.CustomerId, query.OwnerId, query.OpportunityId, query.LatestOnly ?? false);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Create(CreateQuote request, Actor actor, CreateQuoteHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(request, actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/quotes/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, QuoteBody body, HttpRequest http, Actor actor, UpdateQuoteHandler handler, CancellationToken ct)
    {
        var request = new UpdateQuote(
            id, body.Title, body.ContactId, body.ValidUntil, body.Terms, body.Lines?.Select(l => l.ToInput()).ToList(), Versions.From(http, body.Version),
            body.CustomerId, body.OwnerId, body.Status);
        return (await handler.HandleAsync(request, actor, ct)).ToOk();
    }

    private static async Task<IResult> Act(QuoteAction request, Actor actor, QuoteActionHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(request, actor, ct)).ToOk();
}
