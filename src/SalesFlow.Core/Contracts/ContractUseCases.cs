using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Contracts;

public sealed record InstallmentBody(
    [property: Required] DateOnly? DueDate,
    [property: Required, Range(typeof(decimal), "0.01", "1000000000000")] decimal? Amount,
    [property: StringLength(ContractInstallment.MilestoneMaxLength)] string? Milestone);

public sealed record CreateContract(
    [property: Required] Guid? CustomerId,
    [property: Required, StringLength(Contract.TitleMaxLength, MinimumLength = 1)] string Title,
    [property: Required] DateOnly? StartDate,
    [property: Required] DateOnly? EndDate,
    [property: Required, Range(typeof(decimal), "0", "1000000000000")] decimal? Amount,
    [property: StringLength(Contract.PartyMaxLength)] string? OurEntity = null,
    [property: StringLength(Contract.PartyMaxLength)] string? CustomerSignatory = null,
    [property: StringLength(Contract.TermsMaxLength)] string? PaymentTerms = null,
    IReadOnlyList<InstallmentBody>? Installments = null,
    Guid? OwnerId = null);

/// <summary>PUT: terms and schedule of a draft, at its version. Customer and owner stay (refused when changed).</summary>
public sealed record UpdateContract(
    Guid Id,
    [property: Required, StringLength(Contract.TitleMaxLength, MinimumLength = 1)] string Title,
    [property: Required] DateOnly? StartDate,
    [property: Required] DateOnly? EndDate,
    [property: Required, Range(typeof(decimal), "0", "1000000000000")] decimal? Amount,
    [property: StringLength(Contract.PartyMaxLength)] string? OurEntity,
    [property: StringLength(Contract.PartyMaxLength)] string? CustomerSignatory,
    [property: StringLength(Contract.TermsMaxLength)] string? PaymentTerms,
    IReadOnlyList<InstallmentBody>? Installments,
    [property: Required] int? Version,
    Guid? CustomerId = null,
    Guid? OwnerId = null,
    ContractStatus? Status = null);

public enum ContractStep
{
    Activate,
    Complete,
    Terminate,
}

/// <summary>A verb: sign (activate, with the signing date, today by default), complete, terminate (reason required). The version is checked when sent.</summary>
public sealed record ChangeContractStatus(Guid Id, ContractStep Step, int? Version, DateOnly? SignedDate = null, string? Reason = null);

public sealed class ContractHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, ContractOptions options, ContractQueries queries)
{
    public async Task<Result<ContractDetails>> CreateAsync(CreateContract request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(ContractPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? CheckInstallments(request.Installments)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var customer = await db.Customers.VisibleTo(actor).Where(c => c.Id == request.CustomerId && !c.IsDeleted)
            .Select(c => new { c.Id, c.OwnerId, c.OrgUnitId }).SingleOrDefaultAsync(ct);
        if (customer is null)
        {
            return CustomerErrors.NotFound(request.CustomerId!.Value);
        }

        // The owner is the customer's owner unless an active employee in the actor's scope is named.
        var ownerId = request.OwnerId ?? customer.OwnerId;
        var owner = ownerId == customer.OwnerId
            ? new { Id = customer.OwnerId, customer.OrgUnitId }
            : await db.Employees.VisibleTo(actor).Where(e => e.Id == ownerId && e.IsActive).Select(e => new { e.Id, e.OrgUnitId }).SingleOrDefaultAsync(ct);
        if (owner is null)
        {
            return Error.Invalid("ownerId", "notFound");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await SequenceNumbers.NextAsync(db, Contract.NumberSeries, clock.Today.Year, ct);
        var contract = new Contract(number, customer.Id, owner.Id, owner.OrgUnitId, "CNY");
        var edited = contract.Edit(Terms(request.Title, request.OurEntity, request.CustomerSignatory, request.StartDate!.Value, request.EndDate!.Value, request.Amount!.Value, request.PaymentTerms), Schedule(request.Installments));
        if (!edited.IsSuccess)
        {
            return edited.Error!;
        }

        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, contract.Id, ct);
    }

    public async Task<Result<ContractDetails>> UpdateAsync(UpdateContract request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(ContractPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? CheckInstallments(request.Installments)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version, withSchedule: true, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var contract = loaded.Value!;
        var refused = request.CustomerId is { } customer && customer != contract.CustomerId ? "customerId"
            : request.OwnerId is { } owner && owner != contract.OwnerId ? "ownerId"
            : request.Status is { } status && status != contract.Status ? "status"
            : null;
        if (refused is not null)
        {
            return Error.Invalid(refused, "changeThroughAction");
        }

        var edited = contract.Edit(Terms(request.Title, request.OurEntity, request.CustomerSignatory, request.StartDate!.Value, request.EndDate!.Value, request.Amount!.Value, request.PaymentTerms), Schedule(request.Installments));
        if (!edited.IsSuccess)
        {
            return edited.Error!;
        }

        // A change of the schedule alone still makes a new version of the contract.
        db.Entry(contract).Property(c => c.Version).IsModified = true;
        if (await db.SaveOrConflictAsync("Contract", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, contract.Id, ct);
    }

    public async Task<Result<ContractDetails>> ChangeStatusAsync(ChangeContractStatus request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(ContractPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (request.Reason?.Length > Contract.ReasonMaxLength)
        {
            return Error.Invalid("reason", "maxLength", ("max", Contract.ReasonMaxLength));
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version, withSchedule: request.Step == ContractStep.Activate, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var contract = loaded.Value!;
        var today = clock.Today;
        var changed = request.Step switch
        {
            ContractStep.Activate => contract.Activate(request.SignedDate ?? today),
            ContractStep.Complete => contract.Complete(today),
            _ => contract.Terminate(request.Reason, today),
        };
        if (!changed.IsSuccess)
        {
            return changed.Error!;
        }

        if (await db.SaveOrConflictAsync("Contract", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, contract.Id, ct);
    }

    /// <summary>The next period's draft, copying the terms and schedule; a contract is renewed once (409 naming the renewal otherwise).</summary>
    public async Task<Result<ContractDetails>> RenewAsync(Guid id, Actor actor, CancellationToken ct)
    {
        if (actor.Require(ContractPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, id, null, withSchedule: true, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var contract = loaded.Value!;
        if (await db.Contracts.Where(r => r.RenewedFromId == id).Select(r => r.Number).FirstOrDefaultAsync(ct) is { } renewal)
        {
            return ContractErrors.AlreadyRenewed(renewal);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var renewed = contract.Renew(await SequenceNumbers.NextAsync(db, Contract.NumberSeries, clock.Today.Year, ct));
        if (!renewed.IsSuccess)
        {
            return renewed.Error!;
        }

        db.Contracts.Add(renewed.Value!);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two renewals at once: the unique index on RenewedFromId lets only one through.
            return ContractErrors.AlreadyRenewed("?");
        }

        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, renewed.Value!.Id, ct);
    }

    /// <summary>Links an order of the same customer (visible to the actor) to a draft or active contract; an order is under one contract at most.</summary>
    public async Task<Result<ContractDetails>> LinkOrderAsync(Guid id, Guid? orderId, Actor actor, CancellationToken ct)
    {
        if (actor.Require(ContractPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (orderId is not { } wanted)
        {
            return Error.Invalid("orderId", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var contract = await db.Contracts.VisibleTo(actor).Where(c => c.Id == id).Select(c => new { c.Id, c.CustomerId, c.Status }).SingleOrDefaultAsync(ct);
        if (contract is null)
        {
            return ContractErrors.NotFound(id);
        }

        if (contract.Status is not (ContractStatus.Draft or ContractStatus.Active))
        {
            return ContractErrors.Closed(contract.Status);
        }

        var order = await db.Orders.VisibleTo(actor).Where(o => o.Id == wanted).Select(o => new { o.Id, o.Number, o.CustomerId }).SingleOrDefaultAsync(ct);
        if (order is null)
        {
            return ContractErrors.OrderNotFound(wanted);
        }

        if (order.CustomerId != contract.CustomerId)
        {
            return ContractErrors.OrderOfOtherCustomer(order.Number);
        }

        var existing = await db.ContractOrders.Where(l => l.OrderId == wanted)
            .Select(l => new { l.ContractId, Number = db.Contracts.Where(c => c.Id == l.ContractId).Select(c => c.Number).First() })
            .SingleOrDefaultAsync(ct);
        if (existing is not null && existing.ContractId != id)
        {
            return ContractErrors.OrderLinkedElsewhere(order.Number, existing.ContractId, existing.Number);
        }

        if (existing is null)
        {
            db.ContractOrders.Add(new ContractOrder(id, wanted));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Linked elsewhere at the same moment: the unique index on the order decides.
                return ContractErrors.OrderLinkedElsewhere(order.Number, Guid.Empty, "?");
            }
        }

        return await queries.GetAsync(actor, id, ct);
    }

    public async Task<Result> UnlinkOrderAsync(Guid id, Guid orderId, Actor actor, CancellationToken ct)
    {
        if (actor.Require(ContractPermissions.Edit) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var contract = await db.Contracts.VisibleTo(actor).Where(c => c.Id == id).Select(c => new { c.Id, c.Status }).SingleOrDefaultAsync(ct);
        if (contract is null)
        {
            return ContractErrors.NotFound(id);
        }

        if (contract.Status is not (ContractStatus.Draft or ContractStatus.Active))
        {
            return ContractErrors.Closed(contract.Status);
        }

        var link = await db.ContractOrders.SingleOrDefaultAsync(l => l.ContractId == id && l.OrderId == orderId, ct);
        if (link is null)
        {
            return ContractErrors.OrderNotFound(orderId);
        }

        db.ContractOrders.Remove(link);
        await db.SaveChangesAsync(ct);
        return Result.Ok();
    }

    private ContractTerms Terms(string title, string? ourEntity, string? signatory, DateOnly start, DateOnly end, decimal amount, string? terms) =>
        new(title.Trim(), string.IsNullOrWhiteSpace(ourEntity) ? options.OurEntity : ourEntity.Trim(), Clean(signatory), start, end, amount, Clean(terms));

    private static List<InstallmentInput> Schedule(IReadOnlyList<InstallmentBody>? installments) =>
        (installments ?? []).Select(i => new InstallmentInput(i.DueDate!.Value, i.Amount!.Value, i.Milestone)).ToList();

    private static Error? CheckInstallments(IReadOnlyList<InstallmentBody>? installments)
    {
        for (var i = 0; i < (installments?.Count ?? 0); i++)
        {
            if (RequestValidation.Check(installments![i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"installments[{i}].{fields[0].Field}", fields[0].Rule, [.. (fields[0].Args ?? new Dictionary<string, object?>()).Select(a => (a.Key, a.Value))]);
            }
        }

        return null;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // The contract in the caller's scope, or 404; at the version sent (when sent), or 409 with the current record.
    private async Task<Result<Contract>> LoadAsync(SalesFlowDbContext db, Actor actor, Guid id, int? version, bool withSchedule, CancellationToken ct)
    {
        var query = db.Contracts.VisibleTo(actor);
        if (withSchedule)
        {
            query = query.Include(c => c.Installments);
        }

        var contract = await query.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return ContractErrors.NotFound(id);
        }

        if (version is { } sent && sent != contract.Version)
        {
            return Error.StaleVersion("Contract", sent, contract.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return contract;
    }
}
