using SalesFlow.Core.Common;
using SalesFlow.Core.Exports;
using SalesFlow.Core.Planning;
using SalesFlow.Core.Planning.Progress;
using SalesFlow.Core.Planning.Targets;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Planning.Progress;

public sealed record ProgressOrdersQuery(string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record ProgressStart(Guid? TargetId);

/// <summary>Plan vs. actual (issue 5, capability 5): a node's progress, months, product lines, the orders behind it, the Excel export.</summary>
internal static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder app)
    {
        var targets = app.MapGroup("/api/v1/targets").WithTags("Plan vs. actual").RequireAuthorization(PlanningPermissions.ViewTargets);
        targets.MapGet("/{id:guid}/progress", async (Guid id, Actor actor, TargetProgressQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetTargetProgress");
        targets.MapGet("/{id:guid}/progress/months", async (Guid id, Actor actor, TargetProgressQueries queries, CancellationToken ct) =>
            (await queries.MonthsAsync(actor, id, ct)).ToOk()).WithName("GetTargetProgressMonths");
        targets.MapGet("/{id:guid}/progress/product-lines", async (Guid id, Actor actor, TargetProgressQueries queries, CancellationToken ct) =>
            (await queries.ProductLinesAsync(actor, id, ct)).ToOk()).WithName("GetTargetProgressProductLines");
        targets.MapGet("/{id:guid}/progress/ancestors", async (Guid id, Actor actor, TargetProgressQueries queries, CancellationToken ct) =>
            (await queries.AncestorsAsync(actor, id, ct)).ToOk()).WithName("GetTargetProgressAncestors");
        targets.MapGet("/{id:guid}/orders", async (Guid id, [AsParameters] ProgressOrdersQuery query, Actor actor, TargetProgressQueries queries, CancellationToken ct) =>
            (await queries.OrdersAsync(actor, id, new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk())
            .WithName("ListTargetProgressOrders");

        // Where the plan-vs-actual view starts for the caller: their top visible target of the period and measure.
        app.MapGet("/api/v1/plan-vs-actual/start", StartAsync).WithTags("Plan vs. actual").RequireAuthorization(PlanningPermissions.ViewTargets).WithName("GetPlanVsActualStart");

        app.MapGet("/api/v1/exports/plan-vs-actual", ExportAsync).WithTags("Exports").RequireAuthorization(PlanningPermissions.ViewTargets).WithName("ExportPlanVsActual");
        return app;
    }

    private static async Task<IResult> StartAsync(string? period, string? measure, Actor actor, TargetProgressQueries queries, CompanyClock clock, CancellationToken ct)
    {
        var chosen = Period.OfYear(clock.Today.Year);
        if (period is not null && !Period.TryParse(period, out chosen))
        {
            return Error.Invalid("period", "period").ToProblem();
        }

        var kind = TargetMeasure.Revenue;
        if (measure is not null && !(Enum.TryParse(measure, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !char.IsDigit(measure[0])))
        {
            return Error.Invalid("measure", "oneOf", ("allowed", string.Join(", ", Enum.GetNames<TargetMeasure>()))).ToProblem();
        }

        var top = await queries.TopAsync(actor, chosen, kind, ct);
        return top.IsSuccess ? TypedResults.Ok(new ProgressStart(top.Value)) : top.Error!.ToProblem();
    }

    /// <summary>The node and its children as XLSX or CSV, streamed through <see cref="TableFile"/> (cells neutralized).</summary>
    private static async Task<IResult> ExportAsync(Guid? targetId, string? format, Actor actor, TargetProgressQueries queries, HttpContext http, CancellationToken ct)
    {
        if (targetId is not { } id)
        {
            return Error.Invalid("targetId", "required").ToProblem();
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

        var table = await queries.ExportAsync(actor, id, ct);
        if (!table.IsSuccess)
        {
            return table.Error!.ToProblem();
        }

        http.Response.ContentType = TableFile.ContentType(chosen);
        http.Response.AsAttachment(table.Value!.Name + TableFile.Extension(chosen));
        await TableFile.WriteAsync(http.Response.Body, chosen, table.Value.Headers, table.Value.Rows, ct);
        return TypedResults.Empty;
    }
}
