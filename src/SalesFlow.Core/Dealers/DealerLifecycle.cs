using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;

namespace SalesFlow.Core.Dealers;

public sealed record UpdateDealer(
    Guid Id,
    [property: Required, StringLength(Dealer.NameMaxLength, MinimumLength = 1)] string Name,
    [property: StringLength(300)] string? Address,
    [property: StringLength(100)] string? ContactName,
    [property: StringLength(40)] string? ContactMobile,
    [property: StringLength(18)] string? LicenceNumber,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? RegisteredCapital,
    [property: Required] int? Version);

public sealed record TerritoryInput(string Province, string? City, bool? Exclusive = null);

public sealed record SignDealerContract(
    Guid Id,
    [property: Required] DateOnly? ContractStart,
    DateOnly? ContractEnd,
    IReadOnlyList<string>? ProductScope,
    [property: Required, Range(typeof(decimal), "0", "1000000000000")] decimal? YearlyTarget,
    [property: Required, Range(typeof(decimal), "0", "1000000000000")] decimal? DepositAmount,
    IReadOnlyList<TerritoryInput>? Territories,
    [property: Required] int? Version);

public enum DealerStep
{
    RecordDeposit,
    CompleteTraining,
    Activate,
    Assess,
    Renew,
    Terminate,
    RecordDepositRefund,
    Suspend,
    Resume,
}

/// <summary>One lifecycle step; <see cref="On"/> defaults to today, the other fields are what the step needs.</summary>
public sealed record ChangeDealerStatus(
    Guid Id,
    DealerStep Step,
    [property: Required] int? Version,
    DateOnly? On = null,
    [property: StringLength(Dealer.ReasonMaxLength)] string? Reason = null,
    DealerAssessmentResult? Result = null,
    DateOnly? ContractEnd = null,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? YearlyTarget = null);

public sealed record AddDealerTerritory(
    Guid DealerId,
    [property: Required, StringLength(DealerTerritory.PlaceMaxLength, MinimumLength = 1)] string Province,
    [property: StringLength(DealerTerritory.PlaceMaxLength)] string? City,
    bool? Exclusive,
    [property: Required] DateOnly? ValidFrom,
    DateOnly? ValidTo);

public sealed record EndDealerTerritory(Guid DealerId, Guid TerritoryId, [property: Required] DateOnly? On);

public sealed record RequestTierChange(
    Guid DealerId,
    [property: Required] DealerTier? ToTier,
    [property: Required] DateOnly? EffectiveOn,
    [property: Required, StringLength(Dealer.ReasonMaxLength, MinimumLength = 1)] string Reason);

public sealed record DecideTierChange(
    Guid DealerId, Guid ChangeId, bool Approve, [property: StringLength(Dealer.ReasonMaxLength)] string? Note, [property: Required] int? Version);

/// <summary>
/// The dealer's life after approval (PRODUCT.md §8): contract → deposit (finance) → training → active → yearly assessment →
/// renewal or termination (deposit refund by finance); suspension at any time. Each step checks its role, the dealer's
/// status (409 <c>dealer.wrongStatus</c>) and version (409 stale); the audit trail records who did it.
/// </summary>
public sealed class DealerLifecycle(IDbContextFactory<SalesFlowDbContext> dbFactory, DealerQueries queries, CompanyClock clock)
{
    public static string PermissionFor(DealerStep step) => step switch
    {
        DealerStep.RecordDeposit or DealerStep.RecordDepositRefund => DealerPermissions.Deposit,
        DealerStep.CompleteTraining or DealerStep.Activate or DealerStep.Assess => DealerPermissions.Onboard,
        _ => DealerPermissions.Decide,
    };

    public async Task<Result<DealerDetails>> UpdateAsync(UpdateDealer request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerPermissions.Manage) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var dealer = loaded.Value!;
        dealer.UpdateDetails(
            request.Name.Trim(), Trim(request.Address), Trim(request.ContactName), Trim(request.ContactMobile), Trim(request.LicenceNumber),
            request.RegisteredCapital ?? dealer.RegisteredCapital);
        return await SaveAsync(db, actor, dealer.Id, ct);
    }

    public async Task<Result<DealerDetails>> SignContractAsync(SignDealerContract request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerPermissions.Onboard) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        var start = request.ContractStart!.Value;
        var end = request.ContractEnd ?? start.AddYears(1).AddDays(-1);
        var scope = string.Join(",", (request.ProductScope ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct());
        if (scope.Length > Dealer.ProductScopeMaxLength)
        {
            return Error.Invalid("productScope", "maxLength", ("max", Dealer.ProductScopeMaxLength));
        }

        if (request.Territories is not { Count: > 0 } territories)
        {
            return DealerErrors.TerritoryRequired;
        }

        var claims = territories.Select(t => new TerritoryClaim(t.Province?.Trim() ?? "", string.IsNullOrWhiteSpace(t.City) ? null : t.City.Trim(), t.Exclusive ?? true, start, end)).ToList();
        for (var i = 0; i < claims.Count; i++)
        {
            if (TerritoryOverlap.CheckShape(claims[i], $"territories[{i}]") is { } invalid)
            {
                return invalid;
            }
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var dealer = loaded.Value!;
        var signed = dealer.SignContract(start, end, scope.Length == 0 ? null : scope, request.YearlyTarget!.Value, request.DepositAmount!.Value);
        if (!signed.IsSuccess)
        {
            return signed.Error!;
        }

        foreach (var claim in claims)
        {
            if (await TerritoryOverlap.FindConflictAsync(db, dealer.Id, claim, ct) is { } overlap)
            {
                return overlap;
            }

            db.DealerTerritories.Add(new DealerTerritory(dealer.Id, claim.Province, claim.City, claim.Exclusive, claim.From, claim.To));
        }

        return await SaveAsync(db, actor, dealer.Id, ct);
    }

    public async Task<Result<DealerDetails>> ChangeStatusAsync(ChangeDealerStatus request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(PermissionFor(request.Step)) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        var reason = Trim(request.Reason);
        if (request.Step is DealerStep.Terminate or DealerStep.Suspend && reason is null)
        {
            return Error.Invalid("reason", "required");
        }

        if (request.Step == DealerStep.Assess && request.Result is null)
        {
            return Error.Invalid("result", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version!.Value, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var dealer = loaded.Value!;
        var on = request.On ?? clock.Today;
        var oldEnd = dealer.ContractEnd;
        var done = request.Step switch
        {
            DealerStep.RecordDeposit => dealer.RecordDeposit(on),
            DealerStep.CompleteTraining => dealer.CompleteTraining(on),
            DealerStep.Activate => dealer.Activate(on),
            DealerStep.Assess => dealer.Assess(on, request.Result!.Value, reason),
            DealerStep.Renew => dealer.Renew(request.ContractEnd ?? (oldEnd ?? on).AddYears(1), request.YearlyTarget),
            DealerStep.Terminate => dealer.Terminate(on, reason!),
            DealerStep.RecordDepositRefund => dealer.RecordDepositRefund(on),
            DealerStep.Suspend => dealer.Suspend(reason!),
            DealerStep.Resume => dealer.Resume(),
            _ => throw new ArgumentOutOfRangeException(nameof(request)),
        };
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        if (request.Step == DealerStep.Terminate)
        {
            var open = await db.DealerTerritories.Where(t => t.DealerId == dealer.Id && (t.ValidTo == null || t.ValidTo > on)).ToListAsync(ct);
            foreach (var territory in open)
            {
                // A claim that has not started yet is withdrawn, not ended on its first day (which would still hold that day).
                if (territory.ValidFrom > on)
                {
                    db.DealerTerritories.Remove(territory);
                }
                else
                {
                    territory.EndOn(on);
                }
            }
        }

        if (request.Step == DealerStep.Renew && oldEnd is { } previousEnd)
        {
            // The territories that ran with the contract run on with the renewed one, unless someone else holds them by then.
            var running = await db.DealerTerritories.Where(t => t.DealerId == dealer.Id && t.ValidTo == previousEnd).ToListAsync(ct);
            foreach (var territory in running)
            {
                var claim = new TerritoryClaim(territory.Province, territory.City, territory.Exclusive, previousEnd.AddDays(1), dealer.ContractEnd);
                if (await TerritoryOverlap.FindConflictAsync(db, dealer.Id, claim, ct) is { } overlap)
                {
                    return overlap;
                }

                territory.EndOn(dealer.ContractEnd!.Value);
            }
        }

        return await SaveAsync(db, actor, dealer.Id, ct);
    }

    public async Task<Result<TerritoryRow>> AddTerritoryAsync(AddDealerTerritory request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerPermissions.Manage) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        var claim = new TerritoryClaim(request.Province.Trim(), string.IsNullOrWhiteSpace(request.City) ? null : request.City.Trim(), request.Exclusive ?? true, request.ValidFrom!.Value, request.ValidTo);
        if (TerritoryOverlap.CheckShape(claim, "territory") is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var dealer = await db.Dealers.VisibleTo(actor).SingleOrDefaultAsync(d => d.Id == request.DealerId, ct);
        if (dealer is null)
        {
            return DealerErrors.NotFound(request.DealerId);
        }

        if (dealer.Status == DealerStatus.Terminated)
        {
            return DealerErrors.WrongStatus(dealer.Status, "notTerminated");
        }

        if (await TerritoryOverlap.FindConflictAsync(db, dealer.Id, claim, ct) is { } overlap)
        {
            return overlap;
        }

        var territory = new DealerTerritory(dealer.Id, claim.Province, claim.City, claim.Exclusive, claim.From, claim.To);
        db.DealerTerritories.Add(territory);
        await db.SaveChangesAsync(ct);
        return Row(territory, clock.Today);
    }

    public async Task<Result<TerritoryRow>> EndTerritoryAsync(EndDealerTerritory request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerPermissions.Manage) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var territory = await db.DealerTerritories
            .Where(t => t.Id == request.TerritoryId && t.DealerId == request.DealerId && db.Dealers.VisibleTo(actor).Any(d => d.Id == t.DealerId))
            .SingleOrDefaultAsync(ct);
        if (territory is null)
        {
            return DealerErrors.TerritoryNotFound(request.TerritoryId);
        }

        var on = request.On!.Value;
        if (on < territory.ValidFrom)
        {
            return DealerErrors.TerritoryEndBeforeStart;
        }

        if (territory.ValidTo is { } to && to <= on)
        {
            return DealerErrors.TerritoryAlreadyEnded;
        }

        territory.EndOn(on);
        await db.SaveChangesAsync(ct);
        return Row(territory, clock.Today);
    }

    public async Task<Result<TierChangeRow>> RequestTierChangeAsync(RequestTierChange request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerPermissions.Onboard) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var dealer = await db.Dealers.VisibleTo(actor).SingleOrDefaultAsync(d => d.Id == request.DealerId, ct);
        if (dealer is null)
        {
            return DealerErrors.NotFound(request.DealerId);
        }

        if (dealer.Status == DealerStatus.Terminated)
        {
            return DealerErrors.WrongStatus(dealer.Status, "notTerminated");
        }

        if (request.EffectiveOn!.Value < clock.Today)
        {
            return Error.Invalid("effectiveOn", "notInPast");
        }

        if (await db.DealerTierChanges.AnyAsync(c => c.DealerId == dealer.Id && c.Status == TierChangeStatus.Pending, ct))
        {
            return Error.Rule("tier.pendingExists", "The dealer already has a tier change waiting for a decision.");
        }

        var current = await db.Dealers.Where(d => d.Id == dealer.Id).Select(DealerAccounts.TierOn(db, request.EffectiveOn.Value)).FirstAsync(ct) ?? dealer.Tier;
        if (current == request.ToTier)
        {
            return Error.Rule("tier.unchanged", "The dealer already has that tier on that date.", ("tier", current.ToString()));
        }

        var change = new DealerTierChange(dealer.Id, current, request.ToTier!.Value, request.EffectiveOn.Value, request.Reason.Trim());
        db.DealerTierChanges.Add(change);
        await db.SaveChangesAsync(ct);
        return (await queries.TierChangesAsync(actor, dealer.Id, ct)).Value!.First(c => c.Id == change.Id);
    }

    public async Task<Result<TierChangeRow>> DecideTierChangeAsync(DecideTierChange request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(DealerPermissions.ApproveTier) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        if (!request.Approve && string.IsNullOrWhiteSpace(request.Note))
        {
            return Error.Invalid("note", "required");
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var change = await db.DealerTierChanges
            .Where(c => c.Id == request.ChangeId && c.DealerId == request.DealerId && db.Dealers.VisibleTo(actor).Any(d => d.Id == c.DealerId))
            .SingleOrDefaultAsync(ct);
        if (change is null)
        {
            return Error.NotFound("DealerTierChange", request.ChangeId);
        }

        if (change.Version != request.Version)
        {
            return Error.StaleVersion("DealerTierChange", request.Version!.Value, change.Version);
        }

        var decided = change.Decide(request.Approve, actor.UserName, clock.UtcNow, Trim(request.Note));
        if (!decided.IsSuccess)
        {
            return decided.Error!;
        }

        if (request.Approve && change.EffectiveOn <= clock.Today)
        {
            var dealer = await db.Dealers.SingleAsync(d => d.Id == change.DealerId, ct);
            dealer.ApplyTier(change.ToTier);
        }

        if (await db.SaveOrConflictAsync("DealerTierChange", ct) is { } conflict)
        {
            return conflict;
        }

        return (await queries.TierChangesAsync(actor, change.DealerId, ct)).Value!.First(c => c.Id == change.Id);
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static TerritoryRow Row(DealerTerritory t, DateOnly today) =>
        new(t.Id, t.DealerId, t.Province, t.City, t.Exclusive, t.ValidFrom, t.ValidTo, t.ValidFrom <= today && (t.ValidTo == null || t.ValidTo >= today));

    private async Task<Result<Dealer>> LoadAsync(SalesFlowDbContext db, Actor actor, Guid id, int version, CancellationToken ct)
    {
        var dealer = await db.Dealers.VisibleTo(actor).SingleOrDefaultAsync(d => d.Id == id, ct);
        if (dealer is null)
        {
            return DealerErrors.NotFound(id);
        }

        if (dealer.Version != version)
        {
            return Error.StaleVersion("Dealer", version, dealer.Version, (await queries.GetAsync(actor, id, ct)).Value);
        }

        return dealer;
    }

    private async Task<Result<DealerDetails>> SaveAsync(SalesFlowDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        if (await db.SaveOrConflictAsync("Dealer", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, id, ct);
    }
}
