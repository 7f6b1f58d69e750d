using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Quotes;

namespace SalesFlow.Core.Orders;

/// <summary>Where a submitted order goes, and why.</summary>
public sealed record ReviewOutcome(OrderStatus Status, string? HoldReason, IReadOnlyList<int> LinesNeedingApproval, string? ApproverRole);

/// <summary>
/// The review at submit (PRODUCT.md §6). (a) Prices: every line's discount against the submitter's authority
/// (<see cref="DiscountAuthority"/>); any line beyond it sends the order to approval — unless the accepted quote the order
/// was made from was approved for that product at that discount and price. (b) Credit: with overdue
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
        var quoted = await ApprovedQuoteTermsAsync(db, order, ct);
        var needing = order.Lines
            .Select(l => (Line: l, Check: discounts.Check(submitter, l.DiscountPercent, l.NetUnitPrice, l.FloorPrice)))
            .Where(x => x.Check.NeedsApproval && !CoveredByQuote(quoted, x.Line))
            .ToList();
        if (needing.Count > 0)
        {
            var approver = needing.Any(x => x.Check.ApproverRole == Roles.Director) ? Roles.Director : Roles.RegionalManager;
            return new ReviewOutcome(OrderStatus.PendingApproval, null, needing.Select(x => x.Line.Position).ToList(), approver);
        }

        var (status, reason) = await CreditCheckAsync(db, order, ct);
        return new ReviewOutcome(status, reason, [], null);
    }

    /// <summary>
    /// The terms an accepted quote of the same customer was approved with, per product: the deepest discount and the lowest
    /// net unit price. Empty when the order was not made from a quote, or the quote is no longer accepted.
    /// </summary>
    private static async Task<Dictionary<Guid, (decimal Discount, decimal NetUnitPrice)>> ApprovedQuoteTermsAsync(SalesFlowDbContext db, Order order, CancellationToken ct)
    {
        if (order.SourceQuoteId is not { } quoteId)
        {
            return [];
        }

        var lines = await db.QuoteLines.AsNoTracking()
            .Where(l => l.QuoteId == quoteId && db.Quotes.Any(q => q.Id == quoteId && q.Status == QuoteStatus.Accepted && q.CustomerId == order.CustomerId))
            .Select(l => new { l.ProductId, l.DiscountPercent, l.NetUnitPrice })
            .ToListAsync(ct);
        return lines.GroupBy(l => l.ProductId).ToDictionary(g => g.Key, g => (g.Max(l => l.DiscountPercent), g.Min(l => l.NetUnitPrice)));
    }

    // A line within what the quote was approved for: no deeper discount, no lower net price for the same product.
    private static bool CoveredByQuote(Dictionary<Guid, (decimal Discount, decimal NetUnitPrice)> quoted, OrderLine line) =>
        quoted.TryGetValue(line.ProductId, out var terms) && line.DiscountPercent <= terms.Discount && line.NetUnitPrice >= terms.NetUnitPrice;

    /// <summary>Part (b) alone: also what an approved discount goes on to.</summary>
    /// <remarks>
    /// Two orders of one customer checked at once would each see the other's value missing from the exposure and could
    /// both pass. So the check first writes the customer's <c>CreditCheckedAtUtc</c> in the caller's transaction: the row
    /// lock (PostgreSQL) or the write lock (SQLite) makes the second check wait until the first order is saved.
    /// </remarks>
    public async Task<(OrderStatus Status, string? HoldReason)> CreditCheckAsync(SalesFlowDbContext db, Order order, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The credit check must run inside the transaction that saves the order.");
        }

        var now = clock.UtcNow;
        await db.Customers.Where(c => c.Id == order.CustomerId).ExecuteUpdateAsync(s => s.SetProperty(c => c.CreditCheckedAtUtc, now), ct);
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

        if (order.Status != OrderStatus.PendingApproval)
        {
            return OrderErrors.NotPendingApproval(order.Status);
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
