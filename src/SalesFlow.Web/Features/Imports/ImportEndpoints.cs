using Microsoft.AspNetCore.Mvc;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Exports;
using SalesFlow.Core.Imports;
using SalesFlow.Core.Leads;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Imports;

internal static class ImportEndpoints
{
    // A million rows of CSV is about 100 MB; the handler refuses more than ImportOptions.MaxFileBytes.
    private const long MaxUpload = 512L * 1024 * 1024;

    /// <summary>Imports (upload, poll, error file, templates) and exports of the lists.</summary>
    public static IEndpointRouteBuilder MapImportEndpoints(this IEndpointRouteBuilder app)
    {
        var imports = app.MapGroup("/api/v1/imports").WithTags("Imports").RequireAuthorization(ImportPermissions.Run);
        // Multipart needs no antiforgery token here: the API takes bearer tokens, and the cookie is SameSite=Lax,
        // so another site cannot post a form with it.
        imports.MapPost("/", Start).DisableAntiforgery().WithName("StartImport")
            .WithMetadata(new RequestSizeLimitAttribute(MaxUpload)).WithFormOptions(multipartBodyLengthLimit: MaxUpload);
        imports.MapGet("/", async (Actor actor, ImportQueries queries, CancellationToken ct) =>
            (await queries.RecentAsync(actor, 20, ct)).ToOk()).WithName("ListImports");
        imports.MapGet("/{id:guid}", async (Guid id, Actor actor, ImportQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetImport");
        imports.MapGet("/{id:guid}/errors", ErrorFile).WithName("GetImportErrors");
        imports.MapGet("/templates/{kind}", Template).WithName("GetImportTemplate");

        var exports = app.MapGroup("/api/v1/exports").WithTags("Exports").RequireAuthorization(ImportPermissions.Export);
        exports.MapGet("/customers", async ([AsParameters] CustomerExportQuery query, Actor actor, ExportQueries queries, HttpContext http, CancellationToken ct) =>
            await SendAsync(http, query.Format, await queries.CustomersAsync(actor, query.Filter, query.Sort, ct), ct)).WithName("ExportCustomers");
        exports.MapGet("/contacts", async ([AsParameters] CustomerExportQuery query, Actor actor, ExportQueries queries, HttpContext http, CancellationToken ct) =>
            await SendAsync(http, query.Format, await queries.ContactsAsync(actor, query.Filter, query.Sort, ct), ct)).WithName("ExportContacts");
        exports.MapGet("/leads", async ([AsParameters] LeadExportQuery query, Actor actor, ExportQueries queries, HttpContext http, CancellationToken ct) =>
            await SendAsync(http, query.Format, await queries.LeadsAsync(actor, query.Filter, query.Sort, ct), ct)).WithName("ExportLeads");
        return app;
    }

    private static async Task<IResult> Start(
        [FromForm] string? kind, IFormFile? file, [FromForm] bool? dryRun, [FromForm] bool? applyValidRowsOnly,
        Actor actor, StartImportHandler handler, CancellationToken ct)
    {
        if (ParseKind(kind) is not { } parsed)
        {
            return KindError.ToProblem();
        }

        if (file is null)
        {
            return Error.Invalid("file", "required").ToProblem();
        }

        await using var content = file.OpenReadStream();
        var started = await handler.HandleAsync(new StartImport(parsed, file.FileName, content, dryRun ?? false, applyValidRowsOnly ?? false), actor, ct);
        return started.IsSuccess
            ? TypedResults.Accepted($"/api/v1/imports/{started.Value!.Id}", started.Value)
            : started.Error!.ToProblem();
    }

    private static async Task<IResult> ErrorFile(Guid id, string? format, Actor actor, ImportQueries queries, HttpContext http, CancellationToken ct)
    {
        var found = await queries.ErrorsAsync(actor, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!.ToProblem();
        }

        var (job, errors) = found.Value;
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var headers = ImportQueries.Headers(job).Append(ExportQueries.Localized(("line", "行号"))[0]).Append(ExportQueries.Localized(("error", "错误"))[0]).ToList();
        var width = headers.Count - 2;
        var rows = errors.Select(e =>
        {
            var cells = System.Text.Json.JsonSerializer.Deserialize<string?[]>(e.RowJson) ?? [];
            var padded = cells.Concat(Enumerable.Repeat<string?>(null, Math.Max(0, width - cells.Length))).Take(width);
            var where = e.Column is null ? "" : e.Column + ": ";
            return (IReadOnlyList<string?>)[.. padded, e.Line.ToString(System.Globalization.CultureInfo.InvariantCulture), where + ImportQueries.Problem(e).Describe(culture)];
        });
        return await SendAsync(http, format, new ExportTable(Path.GetFileNameWithoutExtension(job.FileName) + "-errors", headers, rows), ct);
    }

    private static async Task<IResult> Template(string kind, string? format, HttpContext http, CancellationToken ct)
    {
        if (ParseKind(kind) is not { } parsed)
        {
            return KindError.ToProblem();
        }

        var headers = ImportColumns.Of(parsed).Select(c => c.TemplateHeader).ToList();
        return await SendAsync(http, format, new ExportTable(parsed.ToString().ToLowerInvariant() + "-template", headers, AsyncEnumerable.Empty<IReadOnlyList<string?>>()), ct);
    }

    private static readonly Error KindError = Error.Invalid("kind", "oneOf", ("allowed", "customers, contacts, leads, stock-reports"));

    // Kinds are written as the API's paths are (stock-reports); the enum's own names are accepted too.
    private static ImportKind? ParseKind(string? kind)
    {
        var name = kind?.Replace("-", "", StringComparison.Ordinal);
        return Enum.TryParse<ImportKind>(name, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsDigit(name![0]) ? parsed : null;
    }

    /// <summary>Streams the table to the response as the rows are read; the status is sent before the first row.</summary>
    private static async Task<IResult> SendAsync(HttpContext http, string? format, Result<ExportTable> table, CancellationToken ct)
    {
        if (!table.IsSuccess)
        {
            return table.Error!.ToProblem();
        }

        TableFormat? parsed = format?.ToLowerInvariant() switch
        {
            null or "" or "xlsx" => TableFormat.Xlsx,
            "csv" => TableFormat.Csv,
            _ => null,
        };
        if (parsed is not { } chosen)
        {
            return Error.Invalid("format", "oneOf", ("allowed", "csv, xlsx")).ToProblem();
        }

        var name = table.Value!.Name + TableFile.Extension(chosen);
        http.Response.ContentType = TableFile.ContentType(chosen);
        http.Response.AsAttachment(name);
        await TableFile.WriteAsync(http.Response.Body, chosen, table.Value.Headers, table.Value.Rows, ct);
        return TypedResults.Empty;
    }
}

/// <summary>The customer list's own query parameters, plus the file format.</summary>
public sealed record CustomerExportQuery(
    string? Q, string? Region, CustomerClass? Class, ValueTier? Tier, CustomerType? Type, Guid? OwnerId, string? Tag, bool? Deleted, string? Sort, string? Format)
{
    public CustomerFilter Filter => new(Q, Region, Class, Tier, Type, OwnerId, Tag, Deleted ?? false);
}

/// <summary>The lead list's own query parameters, plus the file format.</summary>
public sealed record LeadExportQuery(string? Q, LeadStatus? Status, LeadSource? Source, Guid? OwnerId, bool? Overdue, string? Sort, string? Format)
{
    public LeadFilter Filter => new(Q, Status, Source, OwnerId, Overdue);
}
