using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Orders;

namespace SalesFlow.Core.Rebates;

public sealed record RebateTierRow(decimal Threshold, decimal RatePercent);

public sealed record RebatePolicyDetails(
    Guid Id, string Name, RebatePeriodKind PeriodKind, int Year, int? Quarter, DateOnly PeriodStart, DateOnly PeriodEnd, string? ProductLine,
    DealerTier? DealerTier, RebateMethod Method, bool IsActive, IReadOnlyList<RebateTierRow> Tiers, int Settlements, int Version,
    DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record RebateAccrualRow(
    Guid Id, Guid PolicyId, string PolicyName, string? ProductLine, Guid DealerId, string DealerCode, string DealerName, DealerTier DealerTier,
    DateOnly Month, decimal PurchaseToDate, decimal EarnedToDate, decimal Increment, decimal RatePercent, decimal? NextThreshold,
    decimal MissingToNext, decimal ExtraAtNext, DateOnly AccruedOn);

public sealed record RebateOrderRow(Guid OrderId, string Number, DateOnly OrderDate, decimal Amount);

public sealed record RebateSettlementRow(
    Guid Id, Guid PolicyId, string PolicyName, Guid DealerId, string DealerCode, string DealerName, decimal Purchase, decimal Amount,
    Guid CreditNoteId, string CreditNoteNumber, decimal CreditNoteUnapplied, DateOnly SettledOn, DateTime CreatedAtUtc, string CreatedBy);

public sealed record AccrualFilter(DateOnly? Month = null, Guid? PolicyId = null, Guid? DealerId = null, int? Year = null);

/// <summary>Dealer-facing: what the dealer may see of a policy and its own standing, no internal fields.</summary>
public sealed record DealerRebateItem(
    Guid PolicyId, string PolicyName, RebatePeriodKind PeriodKind, int Year, int? Quarter, DateOnly PeriodStart, DateOnly PeriodEnd, string? ProductLine,
    RebateMethod Method, IReadOnlyList<RebateTierRow> Tiers, DateOnly? Month, decimal PurchaseToDate, decimal EarnedToDate, decimal RatePercent,
    decimal? NextThreshold, decimal MissingToNext, decimal ExtraAtNext, DealerRebateSettlement? Settlement);

public sealed record DealerRebateSettlement(string CreditNoteNumber, decimal Amount, decimal Unapplied, DateOnly SettledOn);

public sealed record DealerRebates(Guid DealerId, string DealerName, IReadOnlyList<DealerRebateItem> Items);

/// <summary>Reads of policies, accruals, the orders behind an accrual and settlements; accruals and settlements are scoped through <see cref="DealerScope"/>.</summary>
public sealed class RebateQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    private static readonly SortWhitelist<RebatePolicy> PolicySorts = new(
        "-year", SortOption<RebatePolicy>.By("year", p => p.Year), SortOption<RebatePolicy>.By("name", p => p.Name));

    private static readonly SortWhitelist<RebateAccrual> AccrualSorts = new(
        "-month", SortOption<RebateAccrual>.By("month", a => a.Month), SortOption<RebateAccrual>.By("earned", a => a.EarnedToDate),
        SortOption<RebateAccrual>.By("purchase", a => a.PurchaseToDate));

    private static readonly SortWhitelist<Order> OrderSorts = new("-orderDate", SortOption<Order>.By("orderDate", o => o.OrderDate), SortOption<Order>.By("number", o => o.Number));

    private static readonly SortWhitelist<RebateSettlement> SettlementSorts = new("-settledOn", SortOption<RebateSettlement>.By("settledOn", s => s.SettledOn));

    public async Task<Result<Page<RebatePolicyDetails>>> ListPoliciesAsync(Actor actor, int? year, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.RebatePolicies.AsNoTracking();
        if (year is { } y)
        {
            query = query.Where(p => p.Year == y);
        }

        var found = await PolicySorts.PageAsync(query, page, p => p.Id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var ids = found.Value!.Items;
        var details = await LoadAsync(db, ids, ct);
        return new Page<RebatePolicyDetails>([.. ids.Select(id => details[id])], found.Value.NextCursor, found.Value.TotalCount);
    }

    public async Task<Result<RebatePolicyDetails>> GetPolicyAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var details = await LoadAsync(db, [id], ct);
        return details.TryGetValue(id, out var found) ? found : RebateErrors.PolicyNotFound(id);
    }

    public async Task<Result<Page<RebateAccrualRow>>> ListAccrualsAsync(Actor actor, AccrualFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = Visible(db, actor);
        if (filter.Month is { } month)
        {
            var first = new DateOnly(month.Year, month.Month, 1);
            query = query.Where(a => a.Month == first);
        }

        if (filter.PolicyId is { } policyId)
        {
            query = query.Where(a => a.PolicyId == policyId);
        }

        if (filter.DealerId is { } dealerId)
        {
            query = query.Where(a => a.DealerId == dealerId);
        }

        if (filter.Year is { } year)
        {
            query = query.Where(a => db.RebatePolicies.Any(p => p.Id == a.PolicyId && p.Year == year));
        }

        return await AccrualSorts.PageAsync(query, page, a => new RebateAccrualRow(
            a.Id, a.PolicyId, db.RebatePolicies.Where(p => p.Id == a.PolicyId).Select(p => p.Name).First(),
            db.RebatePolicies.Where(p => p.Id == a.PolicyId).Select(p => p.ProductLine).First(),
            a.DealerId, db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.Code).First(), db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.Name).First(),
            db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.Tier).First(),
            a.Month, a.PurchaseToDate, a.EarnedToDate, a.Increment, a.RatePercent, a.NextThreshold, a.MissingToNext, a.ExtraAtNext, a.AccruedOn), ct);
    }

    public async Task<Result<RebateAccrualRow>> GetAccrualAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await Visible(db, actor).Where(a => a.Id == id).Select(a => new RebateAccrualRow(
            a.Id, a.PolicyId, db.RebatePolicies.Where(p => p.Id == a.PolicyId).Select(p => p.Name).First(),
            db.RebatePolicies.Where(p => p.Id == a.PolicyId).Select(p => p.ProductLine).First(),
            a.DealerId, db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.Code).First(), db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.Name).First(),
            db.Dealers.Where(d => d.Id == a.DealerId).Select(d => d.Tier).First(),
            a.Month, a.PurchaseToDate, a.EarnedToDate, a.Increment, a.RatePercent, a.NextThreshold, a.MissingToNext, a.ExtraAtNext, a.AccruedOn)).SingleOrDefaultAsync(ct);
        return row is null ? RebateErrors.AccrualNotFound(id) : row;
    }

    /// <summary>The orders behind an accrual: the dealer's booked orders of the policy's product line from the period start to the accrual's month end, each with the amount it counts.</summary>
    public async Task<Result<Page<RebateOrderRow>>> OrdersAsync(Actor actor, Guid accrualId, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var accrual = await Visible(db, actor).AsNoTracking().SingleOrDefaultAsync(a => a.Id == accrualId, ct);
        if (accrual is null)
        {
            return RebateErrors.AccrualNotFound(accrualId);
        }

        var policy = await db.RebatePolicies.AsNoTracking().SingleAsync(p => p.Id == accrual.PolicyId, ct);
        var facts = RebateAccruals.DealerFacts(db, policy, accrual.DealerId, accrual.Month.AddMonths(1).AddDays(-1));
        var orders = db.Orders.AsNoTracking().Where(o => facts.Any(f => f.OrderId == o.Id));
        return await OrderSorts.PageAsync(orders, page, o => new RebateOrderRow(o.Id, o.Number, o.OrderDate, facts.Where(f => f.OrderId == o.Id).Sum(f => f.Amount)), ct);
    }

    public async Task<Result<Page<RebateSettlementRow>>> ListSettlementsAsync(Actor actor, Guid? policyId, Guid? dealerId, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(RebatePermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.RebateSettlements.AsNoTracking().Where(s => db.Dealers.VisibleTo(actor).Any(d => d.Id == s.DealerId));
        if (policyId is { } p)
        {
            query = query.Where(s => s.PolicyId == p);
        }

        if (dealerId is { } d)
        {
            query = query.Where(s => s.DealerId == d);
        }

        return await SettlementSorts.PageAsync(query, page, s => new RebateSettlementRow(
            s.Id, s.PolicyId, db.RebatePolicies.Where(x => x.Id == s.PolicyId).Select(x => x.Name).First(),
            s.DealerId, db.Dealers.Where(x => x.Id == s.DealerId).Select(x => x.Code).First(), db.Dealers.Where(x => x.Id == s.DealerId).Select(x => x.Name).First(),
            s.Purchase, s.Amount, s.CreditNoteId, db.CreditNotes.Where(c => c.Id == s.CreditNoteId).Select(c => c.Number).First(),
            db.CreditNotes.Where(c => c.Id == s.CreditNoteId).Select(c => c.Amount - c.AllocatedAmount).First(), s.SettledOn, s.CreatedAtUtc, s.CreatedBy), ct);
    }

    /// <summary>
    /// A dealer's rebates as the dealer may see them (the portal and the dealer page): this and last year's policies it has
    /// accruals or settlements under, each with its latest accrual and its settlement. Scoped by <see cref="DealerScope"/>
    /// (another dealer's id is 404).
    /// </summary>
    public async Task<Result<DealerRebates>> ForDealerAsync(Actor actor, Guid dealerId, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.View) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var dealer = await db.Dealers.AsNoTracking().VisibleTo(actor).Where(d => d.Id == dealerId).Select(d => new { d.Id, d.Name }).SingleOrDefaultAsync(ct);
        if (dealer is null)
        {
            return RebateErrors.DealerNotFound(dealerId);
        }

        var fromYear = clock.Today.Year - 1;
        var latest = await db.RebateAccruals.AsNoTracking()
            .Where(a => a.DealerId == dealerId && a.Month == db.RebateAccruals.Where(x => x.DealerId == dealerId && x.PolicyId == a.PolicyId).Max(x => x.Month))
            .ToDictionaryAsync(a => a.PolicyId, ct);
        var settled = await db.RebateSettlements.AsNoTracking().Where(s => s.DealerId == dealerId)
            .Select(s => new { s.PolicyId, Number = db.CreditNotes.Where(c => c.Id == s.CreditNoteId).Select(c => c.Number).First(), s.Amount, Unapplied = db.CreditNotes.Where(c => c.Id == s.CreditNoteId).Select(c => c.Amount - c.AllocatedAmount).First(), s.SettledOn })
            .ToDictionaryAsync(s => s.PolicyId, ct);
        var policies = await db.RebatePolicies.AsNoTracking().Include(p => p.Tiers)
            .Where(p => p.Year >= fromYear && (db.RebateAccruals.Any(a => a.PolicyId == p.Id && a.DealerId == dealerId) || db.RebateSettlements.Any(s => s.PolicyId == p.Id && s.DealerId == dealerId)))
            .OrderByDescending(p => p.Year).ThenBy(p => p.PeriodStart).ThenBy(p => p.Name).ToListAsync(ct);
        var items = policies.Select(p =>
        {
            latest.TryGetValue(p.Id, out var a);
            var s = settled.GetValueOrDefault(p.Id);
            return new DealerRebateItem(
                p.Id, p.Name, p.PeriodKind, p.Year, p.Quarter, p.PeriodStart, p.PeriodEnd, p.ProductLine, p.Method, [.. p.Scale().Select(t => new RebateTierRow(t.Threshold, t.RatePercent))],
                a?.Month, a?.PurchaseToDate ?? 0, a?.EarnedToDate ?? 0, a?.RatePercent ?? 0, a?.NextThreshold, a?.MissingToNext ?? 0, a?.ExtraAtNext ?? 0,
                s is null ? null : new DealerRebateSettlement(s.Number, s.Amount, s.Unapplied, s.SettledOn));
        }).ToList();
        return new DealerRebates(dealer.Id, dealer.Name, items);
    }

    private static IQueryable<RebateAccrual> Visible(SalesFlowDbContext db, Actor actor) =>
        db.RebateAccruals.AsNoTracking().Where(a => db.Dealers.VisibleTo(actor).Any(d => d.Id == a.DealerId));

    internal static async Task<Dictionary<Guid, RebatePolicyDetails>> LoadAsync(SalesFlowDbContext db, IReadOnlyList<Guid> ids, CancellationToken ct)
    {
        var policies = await db.RebatePolicies.AsNoTracking().Include(p => p.Tiers).Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var settlements = await db.RebateSettlements.Where(s => ids.Contains(s.PolicyId)).GroupBy(s => s.PolicyId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        return policies.ToDictionary(p => p.Id, p => new RebatePolicyDetails(
            p.Id, p.Name, p.PeriodKind, p.Year, p.Quarter, p.PeriodStart, p.PeriodEnd, p.ProductLine, p.DealerTier, p.Method, p.IsActive,
            [.. p.Scale().Select(t => new RebateTierRow(t.Threshold, t.RatePercent))], settlements.GetValueOrDefault(p.Id), p.Version,
            p.CreatedAtUtc, p.CreatedBy, p.UpdatedAtUtc, p.UpdatedBy));
    }
}
