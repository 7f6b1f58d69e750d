using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers;

public sealed record DealerRow(
    Guid Id, string Code, string Name, DealerTier Tier, DealerStatus Status, Guid RegionId, string RegionName, Guid OrgUnitId, string OrgUnitName,
    Guid ManagerId, string ManagerName, string Province, string City, DateOnly? ContractEnd, int Version);

public sealed record DealerDetails(
    Guid Id, string Code, string Name, DealerTier Tier, DealerTier EffectiveTier, DealerStatus Status, Guid RegionId, string RegionName,
    Guid OrgUnitId, string OrgUnitName, Guid ManagerId, string ManagerName, Guid CustomerId, string CustomerNumber, Guid? ApplicationId,
    string Province, string City, string? Address, string? ContactName, string? ContactMobile, string? LicenceNumber, decimal RegisteredCapital,
    DateOnly? ContractStart, DateOnly? ContractEnd, string? ProductScope, decimal YearlyTarget, decimal DepositAmount,
    DateOnly? DepositReceivedOn, DateOnly? DepositRefundedOn, DateOnly? TrainedOn, DateOnly? ActivatedOn,
    DateOnly? LastAssessedOn, DealerAssessmentResult? AssessmentResult, string? AssessmentNote,
    DealerStatus? StatusBeforeSuspension, string? SuspensionReason, DateOnly? TerminatedOn, string? TerminationReason,
    int Version, DateTime CreatedAtUtc, string CreatedBy, DateTime UpdatedAtUtc, string UpdatedBy);

public sealed record TerritoryRow(Guid Id, Guid DealerId, string Province, string? City, bool Exclusive, DateOnly ValidFrom, DateOnly? ValidTo, bool IsCurrent);

public sealed record TierChangeRow(
    Guid Id, Guid DealerId, string DealerCode, string DealerName, DealerTier FromTier, DealerTier ToTier, DateOnly EffectiveOn, string Reason,
    TierChangeStatus Status, string RequestedBy, DateTime RequestedAtUtc, string? DecidedBy, DateTime? DecidedAtUtc, string? DecisionNote, int Version);

public sealed record DealerFilter(string? Q = null, DealerStatus? Status = null, DealerTier? Tier = null, Guid? RegionId = null);

/// <summary>The internal dealer file: lists and details scoped by <see cref="DealerScope"/>.</summary>
public sealed class DealerQueries(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public static readonly SortWhitelist<Dealer> Sorts = new(
        "code",
        SortOption<Dealer>.By("code", d => d.Code),
        SortOption<Dealer>.By("name", d => d.Name),
        SortOption<Dealer>.By("createdAt", d => d.CreatedAtUtc));

    public async Task<Result<Page<DealerRow>>> ListAsync(Actor actor, DealerFilter filter, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.ViewFile) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = db.Dealers.AsNoTracking().VisibleTo(actor);
        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            query = query.Where(d => d.Name.Contains(q) || d.Code.Contains(q) || d.City.Contains(q) || d.Province.Contains(q));
        }

        if (filter.Status is { } status)
        {
            query = query.Where(d => d.Status == status);
        }

        if (filter.Tier is { } tier)
        {
            query = query.Where(d => d.Tier == tier);
        }

        if (filter.RegionId is { } region)
        {
            query = query.Where(d => d.RegionId == region);
        }

        return await Sorts.PageAsync(query, page, d => new DealerRow(
            d.Id, d.Code, d.Name, d.Tier, d.Status, d.RegionId,
            db.OrgUnits.Where(u => u.Id == d.RegionId).Select(u => u.Name).First(),
            d.OrgUnitId,
            db.OrgUnits.Where(u => u.Id == d.OrgUnitId).Select(u => u.Name).First(),
            d.ManagerId,
            db.Employees.Where(e => e.Id == d.ManagerId).Select(e => e.Name).First(),
            d.Province, d.City, d.ContractEnd, d.Version), ct);
    }

    public async Task<Result<DealerDetails>> GetAsync(Actor actor, Guid id, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.ViewFile) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var found = await db.Dealers.AsNoTracking().VisibleTo(actor).Where(d => d.Id == id)
            .Select(d => new
            {
                Dealer = d,
                RegionName = db.OrgUnits.Where(u => u.Id == d.RegionId).Select(u => u.Name).First(),
                UnitName = db.OrgUnits.Where(u => u.Id == d.OrgUnitId).Select(u => u.Name).First(),
                ManagerName = db.Employees.Where(e => e.Id == d.ManagerId).Select(e => e.Name).First(),
                CustomerNumber = db.Customers.Where(c => c.Id == d.CustomerId).Select(c => c.Number).First(),
            })
            .SingleOrDefaultAsync(ct);
        if (found is null)
        {
            return DealerErrors.NotFound(id);
        }

        var effective = await db.Dealers.Where(x => x.Id == id).Select(DealerAccounts.TierOn(db, clock.Today)).FirstAsync(ct);
        var d = found.Dealer;
        return new DealerDetails(
            d.Id, d.Code, d.Name, d.Tier, effective ?? d.Tier, d.Status, d.RegionId, found.RegionName, d.OrgUnitId, found.UnitName, d.ManagerId, found.ManagerName,
            d.CustomerId, found.CustomerNumber, d.ApplicationId, d.Province, d.City, d.Address, d.ContactName, d.ContactMobile, d.LicenceNumber, d.RegisteredCapital,
            d.ContractStart, d.ContractEnd, d.ProductScope, d.YearlyTarget, d.DepositAmount, d.DepositReceivedOn, d.DepositRefundedOn, d.TrainedOn, d.ActivatedOn,
            d.LastAssessedOn, d.AssessmentResult, d.AssessmentNote, d.StatusBeforeSuspension, d.SuspensionReason, d.TerminatedOn, d.TerminationReason,
            d.Version, d.CreatedAtUtc, d.CreatedBy, d.UpdatedAtUtc, d.UpdatedBy);
    }

    public async Task<Result<IReadOnlyList<TerritoryRow>>> TerritoriesAsync(Actor actor, Guid dealerId, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.ViewFile) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Dealers.VisibleTo(actor).AnyAsync(d => d.Id == dealerId, ct))
        {
            return DealerErrors.NotFound(dealerId);
        }

        var today = clock.Today;
        return await db.DealerTerritories.AsNoTracking().Where(t => t.DealerId == dealerId).OrderBy(t => t.ValidFrom).ThenBy(t => t.Province).ThenBy(t => t.City)
            .Select(t => new TerritoryRow(t.Id, t.DealerId, t.Province, t.City, t.Exclusive, t.ValidFrom, t.ValidTo, t.ValidFrom <= today && (t.ValidTo == null || t.ValidTo >= today)))
            .ToListAsync(ct);
    }

    public static readonly SortWhitelist<DealerTierChange> TierChangeSorts = new(
        "-createdAt",
        SortOption<DealerTierChange>.By("createdAt", c => c.CreatedAtUtc),
        SortOption<DealerTierChange>.By("effectiveOn", c => c.EffectiveOn));

    /// <summary>The tier changes of the dealers in scope, e.g. every pending one (the director's inbox), keyset paged.</summary>
    public async Task<Result<Page<TierChangeRow>>> TierChangesAsync(Actor actor, TierChangeStatus? status, PageRequest page, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.ViewFile) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var visible = db.Dealers.VisibleTo(actor);
        var query = db.DealerTierChanges.AsNoTracking().Where(c => visible.Any(d => d.Id == c.DealerId));
        if (status is { } s)
        {
            query = query.Where(c => c.Status == s);
        }

        return await TierChangeSorts.PageAsync(query, page, TierChangeRowOf(db), ct);
    }

    private static System.Linq.Expressions.Expression<Func<DealerTierChange, TierChangeRow>> TierChangeRowOf(SalesFlowDbContext db) => c => new TierChangeRow(
        c.Id, c.DealerId,
        db.Dealers.Where(d => d.Id == c.DealerId).Select(d => d.Code).First(),
        db.Dealers.Where(d => d.Id == c.DealerId).Select(d => d.Name).First(),
        c.FromTier, c.ToTier, c.EffectiveOn, c.Reason, c.Status, c.CreatedBy, c.CreatedAtUtc, c.DecidedBy, c.DecidedAtUtc, c.DecisionNote, c.Version);

    /// <summary>One dealer's tier changes, newest first: a handful in a dealer's life, so not paged.</summary>
    public async Task<Result<IReadOnlyList<TierChangeRow>>> TierChangesAsync(Actor actor, Guid dealerId, CancellationToken ct)
    {
        if (actor.Require(DealerPermissions.ViewFile) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Dealers.VisibleTo(actor).AnyAsync(d => d.Id == dealerId, ct))
        {
            return DealerErrors.NotFound(dealerId);
        }

        return await db.DealerTierChanges.AsNoTracking().Where(c => c.DealerId == dealerId)
            .OrderByDescending(c => c.CreatedAtUtc).ThenByDescending(c => c.Id).Select(TierChangeRowOf(db)).ToListAsync(ct);
    }
}
