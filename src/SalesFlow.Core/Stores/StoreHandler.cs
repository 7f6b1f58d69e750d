using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Stores;

public sealed record CreateStore(
    [property: Required, StringLength(Store.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: Required] StoreClass? Class,
    Guid? DealerId = null,
    Guid? OwnerId = null,
    [property: StringLength(DealerTerritory.PlaceMaxLength)] string? Province = null,
    [property: StringLength(DealerTerritory.PlaceMaxLength)] string? City = null,
    [property: StringLength(300)] string? Address = null,
    [property: StringLength(100)] string? ContactName = null,
    [property: StringLength(40)] string? Phone = null);

public sealed record UpdateStore(
    Guid Id,
    [property: Required, StringLength(Store.NameMaxLength, MinimumLength = 1)] string? Name,
    [property: Required] StoreClass? Class,
    [property: Required] int? Version,
    [property: StringLength(DealerTerritory.PlaceMaxLength)] string? Province = null,
    [property: StringLength(DealerTerritory.PlaceMaxLength)] string? City = null,
    [property: StringLength(300)] string? Address = null,
    [property: StringLength(100)] string? ContactName = null,
    [property: StringLength(40)] string? Phone = null);

/// <summary>
/// Creates, edits, closes and reopens stores. A dealer's store takes its region, unit and visitor (the area manager)
/// from the dealer; a dealer user's store is always its own dealer's (forced from the actor, whatever the body says).
/// A direct store (no dealer) is visited by the employee given, in that employee's unit.
/// </summary>
public sealed class StoreHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, StoreQueries queries)
{
    public async Task<Result<StoreDetails>> CreateAsync(CreateStore request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(StorePermissions.Manage) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        var dealerId = actor.Scope == DataScope.OwnDealer ? actor.DealerId : request.DealerId;
        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Store store;
        var name = request.Name!.Trim();
        if (dealerId is { } id)
        {
            var dealer = await db.Dealers.VisibleTo(actor).SingleOrDefaultAsync(d => d.Id == id, ct);
            if (dealer is null)
            {
                return StoreErrors.DealerNotFound(id);
            }

            var code = await SequenceNumbers.NextAsync(db, Store.NumberSeries, SequenceNumbers.NoYear, ct);
            store = new Store(code, name, dealer.Id, request.Class!.Value, dealer.RegionId, dealer.OrgUnitId, dealer.ManagerId,
                Clean(request.Province) ?? dealer.Province, Clean(request.City) ?? dealer.City);
        }
        else
        {
            if (request.OwnerId is not { } ownerId || Clean(request.Province) is null || Clean(request.City) is null)
            {
                return StoreErrors.DealerOrOwnerRequired;
            }

            var owner = await db.Employees.VisibleTo(actor).Where(e => e.Id == ownerId)
                .Select(e => new { e.Id, e.OrgUnitId, Path = db.OrgUnits.Where(u => u.Id == e.OrgUnitId).Select(u => u.Path).First() })
                .SingleOrDefaultAsync(ct);
            if (owner is null)
            {
                return StoreErrors.OwnerNotFound(ownerId);
            }

            var path = OrgUnit.IdsOnPath(owner.Path);
            var regionId = await db.OrgUnits.Where(u => path.Contains(u.Id) && u.Kind == OrgUnitKind.Region).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct)
                ?? owner.OrgUnitId;
            var code = await SequenceNumbers.NextAsync(db, Store.NumberSeries, SequenceNumbers.NoYear, ct);
            store = new Store(code, name, null, request.Class!.Value, regionId, owner.OrgUnitId, owner.Id, Clean(request.Province)!, Clean(request.City)!);
        }

        store.UpdateDetails(name, request.Class!.Value, Clean(request.Address), Clean(request.ContactName), Clean(request.Phone));
        db.Stores.Add(store);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, store.Id, ct);
    }

    public async Task<Result<StoreDetails>> UpdateAsync(UpdateStore request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(StorePermissions.Manage) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        return await ChangeAsync(request.Id, request.Version, actor, store =>
        {
            store.UpdateDetails(request.Name!.Trim(), request.Class!.Value, Clean(request.Address), Clean(request.ContactName), Clean(request.Phone));
            if (Clean(request.Province) is { } province && Clean(request.City) is { } city)
            {
                store.MoveTo(province, city);
            }

            return Result.Ok();
        }, ct);
    }

    public async Task<Result<StoreDetails>> CloseAsync(Guid id, int? version, Actor actor, CancellationToken ct) =>
        actor.Require(StorePermissions.Manage) is { } denied ? denied : await ChangeAsync(id, version, actor, s => s.Close(), ct);

    public async Task<Result<StoreDetails>> ReopenAsync(Guid id, int? version, Actor actor, CancellationToken ct) =>
        actor.Require(StorePermissions.Manage) is { } denied ? denied : await ChangeAsync(id, version, actor, s => s.Reopen(), ct);

    private async Task<Result<StoreDetails>> ChangeAsync(Guid id, int? version, Actor actor, Func<Store, Result> change, CancellationToken ct)
    {
        await using (var db = await dbFactory.OpenAsync(actor, ct))
        {
            var store = await db.Stores.VisibleTo(actor).SingleOrDefaultAsync(s => s.Id == id, ct);
            if (store is null)
            {
                return StoreErrors.NotFound(id);
            }

            if (version is { } sent && store.Version != sent)
            {
                return Error.StaleVersion("Store", sent, store.Version, (await queries.GetAsync(actor, id, ct)).Value);
            }

            var done = change(store);
            if (!done.IsSuccess)
            {
                return done.Error!;
            }

            if (await db.SaveOrConflictAsync("Store", ct) is { } conflict)
            {
                return conflict;
            }
        }

        return await queries.GetAsync(actor, id, ct);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
