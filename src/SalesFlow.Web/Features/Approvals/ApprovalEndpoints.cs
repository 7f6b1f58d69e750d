using SalesFlow.Core.Approvals;
using SalesFlow.Core.Common;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Approvals;

/// <summary>A decision: the comment (required to reject) and, optionally, the version read.</summary>
public sealed record DecisionBody(string? Comment, int? Version = null);

public sealed record ApprovalListQuery(
    ApprovalStatus? Status, bool? Mine, bool? DecidedByMe, bool? RequestedByMe, string? SubjectKind, Guid? SubjectId, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class ApprovalEndpoints
{
    public static RouteGroupBuilder MapApprovalEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/approvals").WithTags("Approvals").RequireAuthorization(ApprovalPermissions.View);
        group.MapGet("/", List).WithName("ListApprovals");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, ApprovalQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetApproval");

        var decide = group.MapGroup("").RequireAuthorization(ApprovalPermissions.Decide);
        decide.MapPost("/{id:guid}/approve", (Guid id, DecisionBody body, HttpRequest http, Actor actor, DecideApprovalHandler handler, CancellationToken ct) =>
            Decide(new DecideApproval(id, true, body.Comment, Versions.From(http, body.Version)), actor, handler, ct)).WithName("ApproveApproval");
        decide.MapPost("/{id:guid}/reject", (Guid id, DecisionBody body, HttpRequest http, Actor actor, DecideApprovalHandler handler, CancellationToken ct) =>
            Decide(new DecideApproval(id, false, body.Comment, Versions.From(http, body.Version)), actor, handler, ct)).WithName("RejectApproval");
        return group;
    }

    private static async Task<IResult> List([AsParameters] ApprovalListQuery query, Actor actor, ApprovalQueries queries, CancellationToken ct)
    {
        var filter = new ApprovalFilter(query.Status, query.Mine ?? false, query.DecidedByMe ?? false, query.SubjectKind, query.SubjectId, query.RequestedByMe ?? false);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Decide(DecideApproval request, Actor actor, DecideApprovalHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(request, actor, ct)).ToOk();
}
