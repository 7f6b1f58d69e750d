using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Billing;

public sealed record InvoiceListQuery(
    string? Q, InvoiceStatus? Status, Guid? CustomerId, Guid? OrderId, bool? Overdue, bool? Unpaid, DateOnly? From, DateOnly? To,
    string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record ReceiptListQuery(string? Q, Guid? CustomerId, bool? Unapplied, DateOnly? From, DateOnly? To, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record CancelInvoiceBody(string? Reason, int? Version = null);

public sealed record AllocateBody(IReadOnlyList<AllocationInput>? Allocations, int? Version = null);

internal static class BillingEndpoints
{
    public static void MapBillingEndpoints(this IEndpointRouteBuilder app)
    {
        var invoices = app.MapGroup("/api/v1/invoices").WithTags("Billing").RequireAuthorization(BillingPermissions.View);
        invoices.MapGet("/", async ([AsParameters] InvoiceListQuery q, Actor actor, InvoiceQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, new InvoiceFilter(q.Q, q.Status, q.CustomerId, q.OrderId, q.Overdue, q.Unpaid, q.From, q.To),
                new PageRequest(q.Sort, q.Cursor, q.PageSize ?? 50, q.Count ?? true), ct)).ToOk()).WithName("ListInvoices");
        invoices.MapGet("/{id:guid}", async (Guid id, Actor actor, InvoiceQueries queries, CancellationToken ct) => (await queries.GetAsync(actor, id, ct)).ToOk())
            .WithName("GetInvoice");
        invoices.MapPost("/", async Task<IResult> (CreateInvoice request, Actor actor, CreateInvoiceHandler handler, CancellationToken ct) =>
            {
                var created = await handler.HandleAsync(request, actor, ct);
                return created.IsSuccess ? (IResult)TypedResults.Created($"/api/v1/invoices/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
            })
            .RequireAuthorization(BillingPermissions.Manage).WithIdempotency().WithName("CreateInvoice");
        invoices.MapPost("/{id:guid}/cancel", async (Guid id, CancelInvoiceBody body, HttpRequest http, Actor actor, CancelInvoiceHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new CancelInvoice(id, body.Reason, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(BillingPermissions.Manage).WithName("CancelInvoice");

        var receipts = app.MapGroup("/api/v1/receipts").WithTags("Billing").RequireAuthorization(BillingPermissions.View);
        receipts.MapGet("/", async ([AsParameters] ReceiptListQuery q, Actor actor, ReceiptQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, new ReceiptFilter(q.Q, q.CustomerId, q.Unapplied, q.From, q.To),
                new PageRequest(q.Sort, q.Cursor, q.PageSize ?? 50, q.Count ?? true), ct)).ToOk()).WithName("ListReceipts");
        receipts.MapGet("/{id:guid}", async (Guid id, Actor actor, ReceiptQueries queries, CancellationToken ct) => (await queries.GetAsync(actor, id, ct)).ToOk())
            .WithName("GetReceipt");
        receipts.MapPost("/", async Task<IResult> (CreateReceipt request, Actor actor, ReceiptHandler handler, CancellationToken ct) =>
            {
                var created = await handler.CreateAsync(request, actor, ct);
                return created.IsSuccess ? (IResult)TypedResults.Created($"/api/v1/receipts/{created.Value!.Id}", created.Value) : created.Error!.ToProblem();
            })
            .RequireAuthorization(BillingPermissions.Manage).WithIdempotency().WithName("CreateReceipt");
        receipts.MapPost("/{id:guid}/allocate", async (Guid id, AllocateBody body, HttpRequest http, Actor actor, ReceiptHandler handler, CancellationToken ct) =>
            (await handler.AllocateAsync(new AllocateReceipt(id, body.Allocations, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(BillingPermissions.Manage).WithName("AllocateReceipt");

        var reports = app.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization(BillingPermissions.View);
        reports.MapGet("/aging", async (DateOnly? asOf, string? by, Actor actor, BillingReports report, CancellationToken ct) =>
            Grouping(by, ReportGrouping.Customer) is { } grouping
                ? (await report.AgingAsync(actor, asOf, grouping, ct)).ToOk()
                : Error.Invalid("by", "oneOf", ("allowed", "customer, rep, region")).ToProblem()).WithName("GetAgingReport");
        reports.MapGet("/collection", async (string? period, string? by, Actor actor, BillingReports report, CancellationToken ct) =>
            Grouping(by, ReportGrouping.Rep) is { } grouping
                ? (await report.CollectionAsync(actor, period, grouping, ct)).ToOk()
                : Error.Invalid("by", "oneOf", ("allowed", "customer, rep, region")).ToProblem()).WithName("GetCollectionReport");
    }

    // by=customer|rep|region, any case.
    private static ReportGrouping? Grouping(string? by, ReportGrouping fallback) =>
        string.IsNullOrWhiteSpace(by) ? fallback : Enum.TryParse<ReportGrouping>(by.Trim(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(by.Trim()[0]) ? parsed : null;
}
