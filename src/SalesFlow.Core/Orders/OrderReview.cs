using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Orders;

/// <summary>Where a submitted order goes, and why.</summary>
public sealed record ReviewOutcome(OrderStatus Status, string? HoldReason, IReadOnlyList<int> LinesNeedingApproval, string? ApproverRole);

/// <summary>
/// The review at submit (PRODUCT.md §6). (a) Prices: every line's discount against the submitter's authority
/// (<see cref="DiscountAuthority"/>); any line beyond it sends the order to approval. (b) Credit: with overdue
/// invoices beyond the grace days the order is held (<c>credit.overdueInvoices</c>); else if the exposure plus this
/// order exceeds the limit it is held (<c>credit.limitExceeded</c>). A limit of 0 means no credit: every order is
/// held until finance releases it (e.g. after prepayment). Otherwise it is confirmed.
/// </summary>
public sealed class OrderReview(DiscountAuthority discounts, CreditOptions credit, CompanyClock clock)
{
    public const string LimitExceeded = "credit.limitExceeded";
    public const string OverdueInvoices = "credit.overdueInvoices";

    public async Task<ReviewOutcome> ReviewAsync(SalesFlowDbContext db, Actor submitter, Order order, CancellationToken ct)
    {
        var needing = order.Lines
            .Select(l => (Line: l, Check: discounts.Check(submitter, l.DiscountPercent, l.NetUnitPrice, l.FloorPrice)))
            .Where(x => x.Check.NeedsApproval)
            .ToList();
        if (needing.Count > 0)
        {
            var approver = needing.Any(x => x.Check.ApproverRole == Roles.Director) ? Roles.Director : Roles.RegionalManager;
            return new ReviewOutcome(OrderStatus.PendingApproval, null, needing.Select(x => x.Line.Position).ToList(), approver);
        }

        var (status, reason) = await CreditCheckAsync(db, order, ct);
        return new ReviewOutcome(status, reason, [], null);
    }

    /// <summary>Part (b) alone: also what an approved discount goes on to.</summary>
    public async Task<(OrderStatus Status, string? HoldReason)> CreditCheckAsync(SalesFlowDbContext db, Order order, CancellationToken ct)
    {
        var usage = await CreditExposure.OfCustomerAsync(db, order.CustomerId, clock.Today, credit.GraceDays, order.Id, ct);
        if (usage.OverdueBeyondGraceAmount > 0)
        {
            return (OrderStatus.OnCreditHold, OverdueInvoices);
        }

        return usage.Exposure + order.Total > usage.Limit ? (OrderStatus.OnCreditHold, LimitExceeded) : (OrderStatus.Confirmed, null);
    }
}

/// <summary>
/// The one place an order waiting for a discount approval leaves that state (called by <see cref="OrderApprovalSubject"/>
/// when the approvals engine decides the request). Approved → the credit check (confirmed or held); rejected → draft.
/// </summary>
public sealed class OrderApprovalOutcome(OrderReview review, CompanyClock clock)
{
    public async Task<Result> ApplyAsync(SalesFlowDbContext db, Guid orderId, bool approved, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Lines).SingleOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return OrderErrors.NotFound(orderId);
        }

        if (!approved)
        {
            return order.Rejected();
        }

        var (status, reason) = await review.CreditCheckAsync(db, order, ct);
        return order.Approved(status, reason, clock.UtcNow);
    }
}

/// <summary>The approvals engine's handler for orders: the final decision moves the order on, in the engine's transaction.</summary>
public sealed class OrderApprovalSubject(OrderApprovalOutcome outcome) : IApprovalSubjectHandler
{
    public string Kind => Order.ApprovalKind;

    public Task<Result> OnApprovedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct) =>
        outcome.ApplyAsync(db, request.SubjectId, approved: true, ct);

    public Task<Result> OnRejectedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct) =>
        outcome.ApplyAsync(db, request.SubjectId, approved: false, ct);
}
