using SalesFlow.Core.Bids;
using SalesFlow.Core.Common;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Bids;

public sealed record DecideBody(bool? Go, string? Comment, int? Version);

public sealed record SpecsBody(string? Specs, int? Version);

public sealed record CostingBody(decimal? PurchaseCost, int? LeadTimeDays, int? Version);

public sealed record PriceBody(decimal? Price, int? Version);

public sealed record CommentBody(string? Comment, int? Version);

public sealed record IssueBody(string? DocumentNumber, DateOnly? IssuedOn, int? Version);

public sealed record ResultBody(bool? Won, string? Reason, string? Competitor, int? Version);

public sealed record StepBody(Guid? OwnerId, DateOnly? DueDate, int? Version);

public sealed record BidListQuery(
    string? Q, BidStatus? Status, BidStep? Step, Guid? OwnerId, Guid? CustomerId, bool? Overdue, string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class BidEndpoints
{
    public static RouteGroupBuilder MapBidEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/bids").WithTags("Bids").RequireAuthorization(BidPermissions.View);
        group.MapGet("/", List).WithName("ListBids");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, BidQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetBid");
        group.MapPost("/", Register).WithIdempotency().RequireAuthorization(BidPermissions.Edit).WithName("RegisterBid");

        group.MapPost("/{id:guid}/decide", (Guid id, DecideBody body, HttpRequest http, Actor actor, AdvanceBidHandler handler, CancellationToken ct) =>
            Advance(new AdvanceBid(id, BidAction.Decide, Versions.From(http, body.Version), Go: body.Go, Comment: body.Comment), actor, handler, ct))
            .RequireAuthorization(BidPermissions.Decide).WithName("DecideBid");
        group.MapPost("/{id:guid}/specs", (Guid id, SpecsBody body, HttpRequest http, Actor actor, AdvanceBidHandler handler, CancellationToken ct) =>
            Advance(new AdvanceBid(id, BidAction.RecordSpecs, Versions.From(http, body.Version), Specs: body.Specs), actor, handler, ct))
            .RequireAuthorization(BidPermissions.Edit).WithName("RecordBidSpecs");
        group.MapPost("/{id:guid}/costing", (Guid id, CostingBody body, HttpRequest http, Actor actor, AdvanceBidHandler handler, CancellationToken ct) =>
            Advance(new AdvanceBid(id, BidAction.RecordCosting, Versions.From(http, body.Version), PurchaseCost: body.PurchaseCost, LeadTimeDays: body.LeadTimeDays), actor, handler, ct))
            .RequireAuthorization(BidPermissions.Edit).WithName("RecordBidCosting");
        group.MapPost("/{id:guid}/propose-price", (Guid id, PriceBody body, HttpRequest http, Actor actor, AdvanceBidHandler handler, CancellationToken ct) =>
            Advance(new AdvanceBid(id, BidAction.ProposePrice, Versions.From(http, body.Version), Price: body.Price), actor, handler, ct))
            .RequireAuthorization(BidPermissions.Edit).WithName("ProposeBidPrice");
        group.MapPost("/{id:guid}/approve-price", (Guid id, CommentBody body, HttpRequest http, Actor actor, AdvanceBidHandler handler, CancellationToken ct) =>
            Advance(new AdvanceBid(id, BidAction.ApprovePrice, Versions.From(http, body.Version), Comment: body.Comment), actor, handler, ct))
            .RequireAuthorization(BidPermissions.Decide).WithName("ApproveBidPrice");
        group.MapPost("/{id:guid}/reject-price", (Guid id, CommentBody body, HttpRequest http, Actor actor, AdvanceBidHandler handler, CancellationToken ct) =>
            Advance(new AdvanceBid(id, BidAction.RejectPrice, Versions.From(http, body.Version), Comment: body.Comment), actor, handler, ct))
            .RequireAuthorization(BidPermissions.Decide).WithName("RejectBidPrice");
        group.MapPost("/{id:guid}/issue", (Guid id, IssueBody body, HttpRequest http, Actor actor, AdvanceBidHandler handler, CancellationToken ct) =>
            Advance(new AdvanceBid(id, BidAction.IssueDocument, Versions.From(http, body.Version), DocumentNumber: body.DocumentNumber, IssuedOn: body.IssuedOn), actor, handler, ct))
            .RequireAuthorization(BidPermissions.Edit).WithName("IssueBidDocument");
        group.MapPost("/{id:guid}/result", (Guid id, ResultBody body, HttpRequest http, Actor actor, AdvanceBidHandler handler, CancellationToken ct) =>
            Advance(new AdvanceBid(id, BidAction.RecordResult, Versions.From(http, body.Version), Won: body.Won, Comment: body.Reason, Competitor: body.Competitor), actor, handler, ct))
            .RequireAuthorization(BidPermissions.Edit).WithName("RecordBidResult");
        group.MapPut("/{id:guid}/steps/{step}", async (Guid id, BidStep step, StepBody body, HttpRequest http, Actor actor, AssignBidStepHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new AssignBidStep(id, step, body.OwnerId, body.DueDate, Versions.From(http, body.Version)), actor, ct)).ToOk())
            .RequireAuthorization(BidPermissions.Edit).WithName("AssignBidStep");

        app.MapGet("/api/v1/reports/bids", async (DateOnly? from, DateOnly? to, Actor actor, BidQueries queries, CancellationToken ct) =>
            (await queries.ResultsAsync(actor, from, to, ct)).ToOk())
            .WithTags("Reports").RequireAuthorization(BidPermissions.View).WithName("GetBidResults");
        return group;
    }

    private static async Task<IResult> List([AsParameters] BidListQuery query, Actor actor, BidQueries queries, CancellationToken ct)
    {
        var filter = new BidFilter(query.Q, query.Status, query.Step, query.OwnerId, query.CustomerId, query.Overdue);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Register(RegisterBid request, Actor actor, RegisterBidHandler handler, CancellationToken ct)
    {
        var result = await handler.HandleAsync(request, actor, ct);
        return result.IsSuccess ? TypedResults.Created($"/api/v1/bids/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();
    }

    private static async Task<IResult> Advance(AdvanceBid request, Actor actor, AdvanceBidHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(request, actor, ct)).ToOk();
}
