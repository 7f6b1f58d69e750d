using SalesFlow.Core.Auditing;
using SalesFlow.Core.Common;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Audit;

public sealed record AuditListQuery(string? Entity, string? Id, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAuditEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/audit").WithTags("Audit").RequireAuthorization(AuditPermissions.View);
        group.MapGet("/", async ([AsParameters] AuditListQuery query, Actor actor, AuditQueries queries, CancellationToken ct) =>
            (await queries.ListAsync(actor, new AuditFilter(query.Entity, query.Id), new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk())
            .WithName("ListAudit");
        return group;
    }
}
