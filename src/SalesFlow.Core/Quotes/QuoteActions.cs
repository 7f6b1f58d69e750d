using System.Globalization;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Quotes;

public enum QuoteVerb
{
    Submit,
    Send,
    Accept,
    Reject,
    Revise,
}

/// <summary>A state change of a quote. <paramref name="Reason"/>: why the customer declined (required for reject) or a note to the approver on submit.</summary>
public sealed record QuoteAction(Guid Id, QuoteVerb Verb, int? Version = null, string? Reason = null);

/// <summary>
/// The quote verbs. Submit checks every line with <see cref="DiscountAuthority"/> (and the amount threshold of
/// <see cref="ApprovalOptions"/>): within the submitter's authority the quote is Approved at once, otherwise one
/// approval request goes up to the highest role any line needs and the quote waits in PendingApproval (the answer
/// carries the notice <c>discount.needsApproval</c>). Accept after the valid-until day marks the quote Expired and
/// answers 422 <c>quote.expired</c>. Revise makes revision n+1 as a draft with the same lines, supersedes this one and
/// cancels its pending approval.
/// </summary>
public sealed class QuoteActionHandler(
    IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, DiscountAuthority authority, ApprovalOptions approvalOptions,
    ApprovalEngine engine, QuoteQueries queries)
{
    public async Task<Result<QuoteDetails>> HandleAsync(QuoteAction request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(QuotePermissions.Edit) is { } denied)
        {
            return denied;
        }

        if (request.Reason?.Length > Quote.ReasonMaxLength)
        {
            return Error.Invalid("reason", "maxLength", ("max", Quote.ReasonMaxLength));
        }

        if (request.Verb == QuoteVerb.Reject && string.IsNullOrWhiteSpace(request.Reason))
        {
            return Error.Invalid("reason", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var loaded = await EditableQuote.LoadAsync(db, queries, actor, request.Id, request.Version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var quote = loaded.Value!;
        var now = clock.UtcNow;
        QuoteNotice? notice = null;
        var resultId = quote.Id;
        Result done;
        switch (request.Verb)
        {
            case QuoteVerb.Submit:
                var submitted = await SubmitAsync(db, actor, quote, request.Reason, ct);
                done = submitted.IsSuccess ? Result.Ok() : submitted.Error!;
                notice = submitted.Value;
                break;
            case QuoteVerb.Send:
                done = quote.Send(now);
                break;
            case QuoteVerb.Accept:
                done = quote.Accept(clock.Today, now);
                if (done.IsSuccess)
                {
                    var order = await QuoteOrders.CreateOrderFromAcceptedQuoteAsync(db, actor, quote, clock, authority, ct);
                    if (!order.IsSuccess)
                    {
                        return order.Error!;
                    }

                    if (order.Value is { } orderId)
                    {
                        quote.LinkOrder(orderId);
                    }
                }
                else if (quote.Status == QuoteStatus.Expired)
                {
                    // The refusal is also a fact worth keeping: the quote is marked Expired, then the caller hears why.
                    await db.SaveChangesAsync(ct);
                    await transaction.CommitAsync(ct);
                    return done.Error!;
                }

                break;
            case QuoteVerb.Reject:
                done = quote.Decline(request.Reason!.Trim(), now);
                break;
            case QuoteVerb.Revise:
                var revised = await ReviseAsync(db, quote, now, ct);
                done = revised.IsSuccess ? Result.Ok() : revised.Error!;
                resultId = revised.Value?.Id ?? quote.Id;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(request));
        }

        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (await db.SaveOrConflictAsync("Quote", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        var details = await queries.GetAsync(actor, resultId, ct);
        return details.IsSuccess && notice is not null ? details.Value! with { Notice = notice } : details;
    }

    private async Task<Result<QuoteNotice?>> SubmitAsync(SalesFlowDbContext db, Actor actor, Quote quote, string? note, CancellationToken ct)
    {
        var submitted = quote.Submit(clock.UtcNow);
        if (!submitted.IsSuccess)
        {
            return submitted.Error!;
        }

        var checks = quote.Lines.Select(l => authority.Check(actor, l.DiscountPercent, l.NetUnitPrice, l.FloorPrice)).ToList();
        var required = checks.Where(c => c.NeedsApproval).Select(c => c.ApproverRole).Aggregate((string?)null, ApprovalLevels.Highest);
        var forAmount = approvalOptions.RoleForAmount(quote.NetAmount);
        if (forAmount is not null && ApprovalLevels.LevelOf(actor.Roles) < ApprovalLevels.LevelOf([forAmount]))
        {
            required = ApprovalLevels.Highest(required, forAmount);
        }

        if (required is null)
        {
            quote.Approve(clock.UtcNow);
            return (QuoteNotice?)null;
        }

        var reason = string.IsNullOrWhiteSpace(note) ? DefaultReason(quote, checks, authority.LimitOf(actor)) : note.Trim();
        var approval = await ApprovalEngine.RequestAsync(
            db, actor, new ApprovalSubject(Quote.ApprovalKind, quote.Id, quote.DisplayNumber, quote.Title), required, quote.NetAmount, quote.MaxDiscountPercent, reason, ct);
        if (!approval.IsSuccess)
        {
            return approval.Error!;
        }

        quote.AwaitApproval(approval.Value!.Id);
        var needsDiscount = checks.Any(c => c.NeedsApproval);
        return new QuoteNotice(
            needsDiscount ? "discount.needsApproval" : "quote.amountNeedsApproval",
            needsDiscount
                ? $"A discount of {quote.MaxDiscountPercent} % exceeds your limit of {authority.LimitOf(actor)} %; the quote waits for approval by {required}."
                : $"A quote of {quote.NetAmount} needs approval by {required}.",
            required,
            approval.Value.Id);
    }

    private static string DefaultReason(Quote quote, IReadOnlyList<DiscountCheck> checks, decimal limit)
    {
        var parts = new List<string>();
        if (checks.Any(c => c.NeedsApproval && !c.BelowFloor))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"最高折扣 {quote.MaxDiscountPercent:0.##}% > 权限 {limit:0.##}%"));
        }

        if (checks.Any(c => c.BelowFloor))
        {
            parts.Add("低于底价");
        }

        return parts.Count == 0 ? string.Create(CultureInfo.InvariantCulture, $"报价金额 {quote.NetAmount:0.00}") : string.Join("；", parts);
    }

    private async Task<Result<Quote>> ReviseAsync(SalesFlowDbContext db, Quote quote, DateTime now, CancellationToken ct)
    {
        if (!quote.CanBeRevised || quote.Status == QuoteStatus.Draft)
        {
            return QuoteErrors.WrongStatus(quote.Status, QuoteStatus.Superseded);
        }

        var lastRevision = await db.Quotes.Where(q => q.FamilyId == quote.FamilyId).MaxAsync(q => q.Revision, ct);
        var revision = new Quote(quote.Number, lastRevision + 1, quote.FamilyId, quote.Title, quote.CustomerId, quote.OwnerId, quote.OrgUnitId, quote.Currency);
        var validUntil = quote.ValidUntil < clock.Today ? clock.Today.AddDays(CreateQuoteHandler.DefaultValidDays) : quote.ValidUntil;
        revision.Describe(quote.Title, quote.ContactId, quote.OpportunityId, validUntil, quote.Terms);
        revision.SetLines(quote.Lines.OrderBy(l => l.Position).Select(l => l.Copy()));
        db.Quotes.Add(revision);
        await engine.CancelForSubjectAsync(db, Quote.ApprovalKind, quote.Id, ct);
        var superseded = quote.SupersedeBy(revision.Id, now);
        return superseded.IsSuccess ? revision : superseded.Error!;
    }
}

/// <summary>What a verb wants the caller to know besides the new state (e.g. that the quote waits for approval, and by whom).</summary>
public sealed record QuoteNotice(string Code, string Message, string? RequiredRole, Guid? ApprovalRequestId);

/// <summary>The quote's side of the approval engine: approved → the quote is Approved; rejected → it goes back to Draft with the comment.</summary>
public sealed class QuoteApprovalSubject(CompanyClock clock) : IApprovalSubjectHandler
{
    public string Kind => Quote.ApprovalKind;

    public async Task<Result> OnApprovedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct)
    {
        var quote = await db.Quotes.SingleAsync(q => q.Id == request.SubjectId, ct);
        return quote.Approve(clock.UtcNow);
    }

    public async Task<Result> OnRejectedAsync(SalesFlowDbContext db, ApprovalRequest request, Actor actor, CancellationToken ct)
    {
        var quote = await db.Quotes.SingleAsync(q => q.Id == request.SubjectId, ct);
        var comment = request.Steps.FirstOrDefault(s => s.Status == ApprovalStepStatus.Rejected)?.Comment;
        return quote.ReturnToDraft(comment);
    }
}

/// <summary>
/// The order an accepted quote turns into, in the acceptance's transaction: a draft for the quote's customer with the
/// quote's products, base quantities and discounts, priced by the order rules (<see cref="NewOrder"/>). Submitting it runs
/// the order review like any other order: the credit check always, and the discount check, which honours the discounts this
/// quote was approved with (<see cref="OrderReview"/>) — a deeper discount or a lower price still needs approval.
/// </summary>
public static class QuoteOrders
{
    public static async Task<Result<Guid?>> CreateOrderFromAcceptedQuoteAsync(
        SalesFlowDbContext db, Actor actor, Quote quote, CompanyClock clock, DiscountAuthority discounts, CancellationToken ct)
    {
        var lines = await db.Set<QuoteLine>().AsNoTracking().Where(l => l.QuoteId == quote.Id).OrderBy(l => l.Position)
            .Select(l => new OrderLineInput(l.ProductId, l.BaseQuantity, l.BaseUnit, l.DiscountPercent))
            .ToListAsync(ct);
        var order = await NewOrder.AddAsync(db, actor, new CreateOrder(quote.CustomerId, lines), clock, discounts, ct);
        if (!order.IsSuccess)
        {
            return order.Error!;
        }

        order.Value!.MadeFromQuote(quote.Id);
        return order.Value.Id;
    }
}
