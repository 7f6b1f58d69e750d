using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Orders;

/// <summary>Creates a draft order through <see cref="NewOrder"/>, in its own transaction for the number.</summary>
public sealed class CreateOrderHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DiscountAuthority discounts, OrderQueries queries)
{
    public async Task<Result<OrderDetails>> HandleAsync(CreateOrder request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrderPermissions.Edit) is { } denied)
        {
            return denied;
        }

        var created = await CreateAsync(request, actor, ct);
        return created.IsSuccess ? await queries.GetAsync(actor, created.Value, ct) : created.Error!;
    }

    /// <summary>
    /// The use case without the permission check and without the internal representation: the dealer portal calls it
    /// after its own check (a dealer user orders for its own account only) and answers with its own record.
    /// </summary>
    internal async Task<Result<Guid>> CreateAsync(CreateOrder request, Actor actor, CancellationToken ct)
    {
        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.BeginAllOrNothingAsync(ct);
        var order = await NewOrder.AddAsync(db, actor, request, clock, discounts, ct);
        if (!order.IsSuccess)
        {
            return order.Error!;
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return order.Value!.Id;
    }
}

/// <summary>The representation's editable part: lines and requested delivery date. Customer, dealer and status are refused when changed.</summary>
public sealed record UpdateOrder(
    Guid Id,
    [property: Required] IReadOnlyList<OrderLineInput>? Lines,
    DateOnly? RequestedDeliveryDate,
    [property: Required] int? Version,
    Guid? CustomerId = null,
    Guid? DealerId = null,
    OrderStatus? Status = null);

public sealed class UpdateOrderHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DiscountAuthority discounts, OrderQueries queries)
{
    public async Task<Result<OrderDetails>> HandleAsync(UpdateOrder request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrderPermissions.Edit) is { } denied)
        {
            return denied;
        }

        if ((RequestValidation.Check(request) ?? OrderLines.Check(request.Lines)) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableOrder.LoadAsync(db, queries, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var order = loaded.Value!;
        var refused = request.CustomerId is { } c && c != order.CustomerId ? "customerId"
            : request.DealerId is { } d && d != order.DealerId ? "dealerId"
            : request.Status is { } s && s != order.Status ? "status"
            : null;
        if (refused is not null)
        {
            return Error.Invalid(refused, "changeThroughAction");
        }

        if (order.Status != OrderStatus.Draft)
        {
            return OrderErrors.NotDraft(order.Status);
        }

        var customer = await db.Customers.SingleAsync(x => x.Id == order.CustomerId, ct);
        var lines = await OrderLines.PriceAsync(db, customer, request.Lines!, clock.Today, discounts, ct);
        if (!lines.IsSuccess)
        {
            return lines.Error!;
        }

        // Replaced lines are deleted rows; the new ones are added with ids set here.
        var edited = order.Edit(request.RequestedDeliveryDate, lines.Value!.Lines);
        if (!edited.IsSuccess)
        {
            return edited.Error!;
        }

        if (await db.SaveOrConflictAsync("Order", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, order.Id, ct);
    }
}

public enum OrderStep
{
    Submit,
    Confirm,
    ReleaseHold,
    Cancel,
}

public sealed record ChangeOrderStatus(Guid Id, OrderStep Step, int? Version = null, string? Reason = null);

/// <summary>
/// The order's verbs. Submit (and confirm on a draft, which is the same review — there is no way around it) runs
/// <see cref="OrderReview"/>; release needs finance and a reason; cancel needs a reason and an order not delivered
/// or invoiced. A held or pending order is neither edited nor submitted again.
/// </summary>
public sealed class ChangeOrderStatusHandler(
    IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, OrderReview review, ApprovalEngine approvals, OrderQueries queries)
{
    public async Task<Result<OrderDetails>> HandleAsync(ChangeOrderStatus request, Actor actor, CancellationToken ct)
    {
        var permission = request.Step == OrderStep.ReleaseHold ? OrderPermissions.ReleaseHold : OrderPermissions.Edit;
        if (actor.Require(permission) is { } denied)
        {
            return denied;
        }

        var changed = await ApplyAsync(request, actor, ct);
        return changed.IsSuccess ? await queries.GetAsync(actor, changed.Value, ct) : changed.Error!;
    }

    /// <summary>
    /// The step without the permission check and without the internal representation: the dealer portal calls it for
    /// submit and cancel after its own check; the order is looked up in the actor's scope (a dealer user's own orders).
    /// <paramref name="draftsOnly"/> refuses any step on an order that has left Draft, checked on the locked row: a dealer
    /// cancels only what it has not yet submitted (once submitted, the company has taken the order on).
    /// </summary>
    internal async Task<Result<Guid>> ApplyAsync(ChangeOrderStatus request, Actor actor, CancellationToken ct, bool draftsOnly = false)
    {
        var reason = string.IsNullOrWhiteSpace(request.Reason) ? null : request.Reason.Trim();
        if (request.Step is OrderStep.ReleaseHold or OrderStep.Cancel)
        {
            if (reason is null)
            {
                return Error.Invalid("reason", "required");
            }

            if (reason.Length > Order.ReasonMaxLength)
            {
                return Error.Invalid("reason", "stringLength", ("min", 1), ("max", Order.ReasonMaxLength));
            }
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        // One transaction from the review's credit check (which locks the customer) to the saved outcome.
        await using var transaction = await db.BeginAllOrNothingAsync(ct);
        var loaded = await EditableOrder.LoadAsync(db, queries, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var order = loaded.Value!;
        if (draftsOnly && order.Status != OrderStatus.Draft)
        {
            return OrderErrors.NotDraft(order.Status);
        }

        var done = request.Step switch
        {
            OrderStep.Submit => await SubmitAsync(db, actor, order, ct),
            OrderStep.Confirm => order.Status switch
            {
                OrderStatus.Draft => await SubmitAsync(db, actor, order, ct),
                OrderStatus.PendingApproval => OrderErrors.AwaitingApproval,
                OrderStatus.OnCreditHold => OrderErrors.OnCreditHold,
                _ => OrderErrors.NotDraft(order.Status),
            },
            OrderStep.ReleaseHold => order.ReleaseHold(reason!, clock.UtcNow),
            OrderStep.Cancel => await CancelAsync(db, order, reason!, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request.Step, null),
        };
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (await db.SaveOrConflictAsync("Order", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        return order.Id;
    }

    private async Task<Result> SubmitAsync(SalesFlowDbContext db, Actor actor, Order order, CancellationToken ct)
    {
        if (order.Status != OrderStatus.Draft)
        {
            return OrderErrors.NotDraft(order.Status);
        }

        var outcome = await review.ReviewAsync(db, actor, order, ct);
        if (outcome.Status == OrderStatus.PendingApproval)
        {
            // One request to the approvals engine, saved with the order; its decision comes back through OrderApprovalSubject.
            var customer = await db.Customers.Where(c => c.Id == order.CustomerId).Select(c => c.Name).SingleAsync(ct);
            var maxDiscount = order.Lines.Max(l => l.DiscountPercent);
            var requested = await ApprovalEngine.RequestAsync(
                db, actor, new ApprovalSubject(Order.ApprovalKind, order.Id, order.Number, customer), outcome.ApproverRole!, order.NetAmount, maxDiscount,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"订单行 {string.Join("、", outcome.LinesNeedingApproval)} 的折扣超出提交人权限（最高 {maxDiscount:0.##}%）"), ct);
            if (!requested.IsSuccess)
            {
                return requested.Error!;
            }
        }

        return order.Submit(outcome.Status, outcome.HoldReason, clock.UtcNow);
    }

    // A cancelled order withdraws its pending approval request.
    private async Task<Result> CancelAsync(SalesFlowDbContext db, Order order, string reason, CancellationToken ct)
    {
        var pending = order.Status == OrderStatus.PendingApproval;
        var cancelled = order.Cancel(reason);
        if (cancelled.IsSuccess && pending)
        {
            await approvals.CancelForSubjectAsync(db, Order.ApprovalKind, order.Id, ct);
        }

        return cancelled;
    }
}

public sealed record FulfilOrderLine([property: Required] Guid? LineId, [property: Required, Range(typeof(decimal), "0.001", "1000000000")] decimal? Quantity);

public sealed record FulfilOrder(Guid Id, [property: Required] IReadOnlyList<FulfilOrderLine>? Lines, int? Version = null);

/// <summary>The hook deliveries call: delivered base quantities per line; partial → PartiallyFulfilled, all → Fulfilled.</summary>
public sealed class FulfilOrderHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, OrderQueries queries)
{
    public async Task<Result<OrderDetails>> HandleAsync(FulfilOrder request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(OrderPermissions.Fulfil) is { } denied)
        {
            return denied;
        }

        if (RequestValidation.Check(request) is { } invalid)
        {
            return invalid;
        }

        if (request.Lines!.Count == 0)
        {
            return Error.Invalid("lines", "required");
        }

        for (var i = 0; i < request.Lines.Count; i++)
        {
            if (RequestValidation.Check(request.Lines[i]) is { Fields: { Count: > 0 } fields })
            {
                return Error.Invalid($"lines[{i}].{fields[0].Field}", fields[0].Rule);
            }
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await EditableOrder.LoadAsync(db, queries, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var order = loaded.Value!;
        var done = order.Fulfil(request.Lines.Select(l => (l.LineId!.Value, l.Quantity!.Value)).ToList());
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (await db.SaveOrConflictAsync("Order", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, order.Id, ct);
    }
}

/// <summary>The first step of every order change: the order (with lines) in the caller's scope, at the version sent when one was sent.</summary>
internal static class EditableOrder
{
    public static async Task<Result<Order>> LoadAsync(SalesFlowDbContext db, OrderQueries queries, Actor actor, Guid id, int? version, CancellationToken ct)
    {
        var order = await db.Orders.VisibleTo(actor).Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == id, ct);
        if (order is null)
        {
            return OrderErrors.NotFound(id);
        }

        if (version is { } sent && order.Version != sent)
        {
            return Error.StaleVersion("Order", sent, order.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return order;
    }
}
