using SalesFlow.Core.Common;
using SalesFlow.Core.Leads;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Leads;

public sealed record DisqualifyBody(string? Reason);

/// <summary>API.md: <c>{ "opportunityName", "amount" }</c>, plus an optional existing <c>customerId</c>.</summary>
public sealed record ConvertBody(string? OpportunityName, decimal? Amount, Guid? CustomerId);

public sealed record LeadListQuery(
    string? Q, LeadStatus? Status, LeadSource? Source, Guid? OwnerId, bool? Overdue, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class LeadEndpoints
{
    public static RouteGroupBuilder MapLeadEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/leads").WithTags("Leads").RequireAuthorization(LeadPermissions.View);
        group.MapGet("/", List).WithName("ListLeads");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, LeadQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetLead");

        var edit = group.MapGroup("").RequireAuthorization(LeadPermissions.Edit);
        edit.MapPost("/", Capture).WithIdempotency().WithName("CaptureLead");
        edit.MapPost("/{id:guid}/contact", (Guid id, Actor actor, ChangeLeadStatusHandler handler, CancellationToken ct) =>
            Step(new ChangeLeadStatus(id, LeadStep.Contact), actor, handler, ct)).WithName("MarkLeadContacted");
        edit.MapPost("/{id:guid}/qualify", (Guid id, Actor actor, ChangeLeadStatusHandler handler, CancellationToken ct) =>
            Step(new ChangeLeadStatus(id, LeadStep.Qualify), actor, handler, ct)).WithName("QualifyLead");
        edit.MapPost("/{id:guid}/disqualify", (Guid id, DisqualifyBody body, Actor actor, ChangeLeadStatusHandler handler, CancellationToken ct) =>
            Step(new ChangeLeadStatus(id, LeadStep.Disqualify, body.Reason), actor, handler, ct)).WithName("DisqualifyLead");
        edit.MapPost("/{id:guid}/convert", async (Guid id, ConvertBody body, Actor actor, ConvertLeadHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new ConvertLead(id, body.OpportunityName, body.Amount, body.CustomerId), actor, ct)).ToOk()).WithName("ConvertLead");
        app.MapGet("/api/v1/reports/pipeline-health", async (DateOnly? from, DateOnly? to, Actor actor, PipelineHealthQueries queries, CancellationToken ct) =>
            (await queries.ForRepsAsync(actor, from, to, ct)).ToOk())
            .WithTags("Reports").RequireAuthorization(LeadPermissions.View).WithName("GetPipelineHealth");
        return group;
    }

    private static async Task<IResult> List([AsParameters] LeadListQuery query, Actor actor, LeadQueries queries, CancellationToken ct)
    {
        var filter = new LeadFilter(query.Q, query.Status, query.Source, query.OwnerId, query.Overdue);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Capture(CaptureLead request, Actor actor, CaptureLeadHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(request, actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/leads/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> Step(ChangeLeadStatus request, Actor actor, ChangeLeadStatusHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(request, actor, ct)).ToOk();
}
