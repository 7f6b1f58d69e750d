using SalesFlow.Core.Common;
using SalesFlow.Core.Contracts;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Contracts;

/// <summary>PUT body: the representation GET returned, edited. Read-only fields are accepted and ignored; customer, owner and status are refused when changed.</summary>
public sealed record ContractBody(
    string Title, DateOnly? StartDate, DateOnly? EndDate, decimal? Amount, string? OurEntity, string? CustomerSignatory, string? PaymentTerms,
    IReadOnlyList<InstallmentBodyWithId>? Installments, int? Version,
    Guid? Id = null, string? Number = null, Guid? CustomerId = null, string? CustomerName = null, Guid? OwnerId = null, string? OwnerName = null,
    string? Currency = null, ContractStatus? Status = null, ContractState? State = null, DateOnly? SignedDate = null, DateOnly? CompletedDate = null,
    DateOnly? TerminatedDate = null, string? TerminationReason = null, Guid? RenewedFromId = null, string? RenewedFromNumber = null,
    Guid? RenewedById = null, string? RenewedByNumber = null, bool? RenewalDue = null, IReadOnlyList<LinkedOrderRow>? Orders = null,
    DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null, string? UpdatedBy = null);

/// <summary>An installment as GET shows it; id and sequence are computed and ignored.</summary>
public sealed record InstallmentBodyWithId(DateOnly? DueDate, decimal? Amount, string? Milestone, Guid? Id = null, int? Sequence = null)
{
    public InstallmentBody ToInput() => new(DueDate, Amount, Milestone);
}

public sealed record ActivateBody(DateOnly? SignedDate, int? Version);

public sealed record VersionBody(int? Version);

public sealed record TerminateBody(string? Reason, int? Version);

public sealed record LinkOrderBody(Guid? OrderId);

public sealed record ContractListQuery(
    string? Q, ContractState? Status, Guid? CustomerId, Guid? OwnerId, DateOnly? EndingBefore, bool? RenewalsDue,
    string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record RenewalsQuery(string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class ContractEndpoints
{
    public static RouteGroupBuilder MapContractEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/contracts").WithTags("Contracts").RequireAuthorization(ContractPermissions.View);
        group.MapGet("/", List).WithName("ListContracts");
        group.MapGet("/renewals-due", async ([AsParameters] RenewalsQuery query, Actor actor, ContractQueries queries, CancellationToken ct) =>
            (await queries.RenewalsDueAsync(actor, new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true), ct)).ToOk())
            .WithName("ListContractRenewalsDue");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, ContractQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetContract");
        group.MapGet("/{id:guid}/fulfilment", async (Guid id, Actor actor, ContractQueries queries, CancellationToken ct) =>
            (await queries.FulfilmentAsync(actor, id, ct)).ToOk()).WithName("GetContractFulfilment");

        var edit = group.MapGroup("").RequireAuthorization(ContractPermissions.Edit);
        edit.MapPost("/", Create).WithIdempotency().WithName("CreateContract");
        edit.MapPut("/{id:guid}", Update).WithName("UpdateContract");
        edit.MapPost("/{id:guid}/activate", (Guid id, ActivateBody? body, HttpRequest http, Actor actor, ContractHandler handler, CancellationToken ct) =>
            Step(new ChangeContractStatus(id, ContractStep.Activate, Versions.From(http, body?.Version), body?.SignedDate), actor, handler, ct)).WithName("ActivateContract");
        edit.MapPost("/{id:guid}/complete", (Guid id, VersionBody? body, HttpRequest http, Actor actor, ContractHandler handler, CancellationToken ct) =>
            Step(new ChangeContractStatus(id, ContractStep.Complete, Versions.From(http, body?.Version)), actor, handler, ct)).WithName("CompleteContract");
        edit.MapPost("/{id:guid}/terminate", (Guid id, TerminateBody? body, HttpRequest http, Actor actor, ContractHandler handler, CancellationToken ct) =>
            Step(new ChangeContractStatus(id, ContractStep.Terminate, Versions.From(http, body?.Version), Reason: body?.Reason), actor, handler, ct)).WithName("TerminateContract");
        edit.MapPost("/{id:guid}/renew", Renew).WithName("RenewContract");
        edit.MapPost("/{id:guid}/orders", async (Guid id, LinkOrderBody body, Actor actor, ContractHandler handler, CancellationToken ct) =>
            (await handler.LinkOrderAsync(id, body.OrderId, actor, ct)).ToOk()).WithName("LinkContractOrder");
        edit.MapDelete("/{id:guid}/orders/{orderId:guid}", async (Guid id, Guid orderId, Actor actor, ContractHandler handler, CancellationToken ct) =>
            (await handler.UnlinkOrderAsync(id, orderId, actor, ct)).ToNoContent()).WithName("UnlinkContractOrder");
        return group;
    }

    private static async Task<IResult> List([AsParameters] ContractListQuery query, Actor actor, ContractQueries queries, CancellationToken ct)
    {
        var filter = new ContractFilter(query.Q, query.Status, query.CustomerId, query.OwnerId, query.EndingBefore, query.RenewalsDue ?? false);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Create(CreateContract request, Actor actor, ContractHandler handler, CancellationToken ct)
    {
        var created = await handler.CreateAsync(request, actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/contracts/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> Renew(Guid id, Actor actor, ContractHandler handler, CancellationToken ct)
    {
        var renewed = await handler.RenewAsync(id, actor, ct);
        return renewed.IsSuccess
            ? TypedResults.Created($"/api/v1/contracts/{renewed.Value!.Id}", renewed.Value)
            : renewed.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, ContractBody body, HttpRequest http, Actor actor, ContractHandler handler, CancellationToken ct)
    {
        var request = new UpdateContract(
            id, body.Title, body.StartDate, body.EndDate, body.Amount, body.OurEntity, body.CustomerSignatory, body.PaymentTerms,
            body.Installments?.Select(i => i.ToInput()).ToList(), Versions.From(http, body.Version), body.CustomerId, body.OwnerId, body.Status);
        return (await handler.UpdateAsync(request, actor, ct)).ToOk();
    }

    private static async Task<IResult> Step(ChangeContractStatus request, Actor actor, ContractHandler handler, CancellationToken ct) =>
        (await handler.ChangeStatusAsync(request, actor, ct)).ToOk();
}
