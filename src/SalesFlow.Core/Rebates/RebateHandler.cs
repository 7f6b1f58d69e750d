using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Billing;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;

namespace SalesFlow.Core.Rebates;

public sealed record SettleRebate(Guid? PolicyId, Guid? DealerId);

/// <summary>Policies (Director/SalesOps), the on-demand accrual and settlements (Finance).</summary>
public sealed class RebateHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock, RebateQueries queries)
{
    public async Task<Result<RebatePolicyDetails>> CreatePolicyAsync(RebatePolicyInput input, Actor actor, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RebatePolicyRules.Check(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var policy = new RebatePolicy(input.Name!.Trim(), input.PeriodKind!.Value, input.Year!.Value, input.Quarter, input.ProductLine, input.DealerTier, input.Method!.Value, RebatePolicyRules.Tiers(input));
        if (await OverlapAsync(db, policy, ct) is { } overlap)
        {
            return overlap;
        }

        db.RebatePolicies.Add(policy);
        await db.SaveChangesAsync(ct);
        return await queries.GetPolicyAsync(actor, policy.Id, ct);
    }

    public async Task<Result<RebatePolicyDetails>> UpdatePolicyAsync(Guid id, RebatePolicyInput input, bool? active, int? version, Actor actor, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (RebatePolicyRules.Check(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var policy = await db.RebatePolicies.Include(p => p.Tiers).SingleOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return RebateErrors.PolicyNotFound(id);
        }

        if (version is { } sent && sent != policy.Version)
        {
            return Error.StaleVersion("RebatePolicy", sent, policy.Version, (await queries.GetPolicyAsync(actor, id, ct)).Value);
        }

        if (await db.RebateSettlements.AnyAsync(s => s.PolicyId == id, ct))
        {
            return RebateErrors.PolicySettled(policy.Name);
        }

        db.RebatePolicyTiers.RemoveRange([.. policy.Tiers]);
        policy.Edit(input.Name!.Trim(), input.PeriodKind!.Value, input.Year!.Value, input.Quarter, input.ProductLine, input.DealerTier, input.Method!.Value, RebatePolicyRules.Tiers(input));
        if (active is { } a)
        {
            policy.SetActive(a);
        }

        if (policy.IsActive && await OverlapAsync(db, policy, ct) is { } overlap)
        {
            return overlap;
        }

        db.RebatePolicyTiers.AddRange(policy.Tiers);
        if (await db.SaveOrConflictAsync("RebatePolicy", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetPolicyAsync(actor, id, ct);
    }

    /// <summary>Finance accrues a month now (the job does it every day for this and last month). A month after the current one is refused.</summary>
    public async Task<Result<AccrualRun>> AccrueAsync(string? month, Actor actor, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.Settle) is { } denied)
        {
            return denied;
        }

        if (month is null || !DateOnly.TryParseExact(month + "-01", "yyyy-MM-dd", out var first))
        {
            return Error.Invalid("month", "format");
        }

        if (first > clock.Today)
        {
            return Error.Invalid("month", "notInFuture");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        return await RebateAccruals.AccrueAsync(db, first, clock.Today, ct);
    }

    /// <summary>
    /// Finance settles a dealer's policy period once it has ended: the rebate earned on the whole period's sell-in becomes
    /// a credit note (CN-yyyy-nnnnnn) on the dealer's customer account, usable on its later invoices. Twice is 409.
    /// </summary>
    public async Task<Result<RebateSettlementRow>> SettleAsync(SettleRebate request, Actor actor, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.Settle) is { } denied)
        {
            return denied;
        }

        if (request.PolicyId is null)
        {
            return Error.Invalid("policyId", "required");
        }

        if (request.DealerId is null)
        {
            return Error.Invalid("dealerId", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var policy = await db.RebatePolicies.Include(p => p.Tiers).SingleOrDefaultAsync(p => p.Id == request.PolicyId, ct);
        if (policy is null)
        {
            return RebateErrors.PolicyNotFound(request.PolicyId.Value);
        }

        var dealer = await db.Dealers.VisibleTo(actor).SingleOrDefaultAsync(d => d.Id == request.DealerId, ct);
        if (dealer is null)
        {
            return RebateErrors.DealerNotFound(request.DealerId.Value);
        }

        var existing = await db.RebateSettlements.Where(s => s.PolicyId == policy.Id && s.DealerId == dealer.Id)
            .Select(s => db.CreditNotes.Where(c => c.Id == s.CreditNoteId).Select(c => c.Number).First()).FirstOrDefaultAsync(ct);
        if (existing is not null)
        {
            return RebateErrors.AlreadySettled(existing);
        }

        if (policy.PeriodEnd >= clock.Today)
        {
            return RebateErrors.PeriodNotEnded(policy.PeriodEnd);
        }

        var settled = await RebateSettling.SettleAsync(db, policy, dealer, clock.Today, ct);
        if (!settled.IsSuccess)
        {
            return settled.Error!;
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Settled by someone else between the check and the save (the unique index on policy + dealer).
            return RebateErrors.AlreadySettled("");
        }

        await transaction.CommitAsync(ct);
        return (await queries.ListSettlementsAsync(actor, policy.Id, dealer.Id, new PageRequest(PageSize: 1, Count: false), ct)).Value!.Items[0];
    }

    private static async Task<Error?> OverlapAsync(SalesFlowDbContext db, RebatePolicy policy, CancellationToken ct)
    {
        var (kind, start, end, line, tier, id) = (policy.PeriodKind, policy.PeriodStart, policy.PeriodEnd, policy.ProductLine, policy.DealerTier, policy.Id);
        var other = await db.RebatePolicies
            .Where(p => p.Id != id && p.IsActive && p.PeriodKind == kind && p.PeriodStart <= end && p.PeriodEnd >= start
                && (p.ProductLine == null || line == null || p.ProductLine == line)
                && (p.DealerTier == null || tier == null || p.DealerTier == tier))
            .Select(p => p.Name).FirstOrDefaultAsync(ct);
        return other is null ? null : RebateErrors.Overlap(other);
    }
}
