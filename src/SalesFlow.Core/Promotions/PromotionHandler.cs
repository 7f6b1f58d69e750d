using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Common;
using SalesFlow.Core.Data;
using SalesFlow.Core.Dealers;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Promotions;

public enum PromotionStep
{
    Activate,
    Close,
    Cancel,
}

/// <summary>Creates and changes campaigns: details and products (Draft), allocations (Draft or Active) and the steps.</summary>
public sealed class PromotionHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, CompanyClock clock)
{
    public async Task<Result<PromotionDetails>> CreateAsync(PromotionInput input, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PromotionPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (PromotionRules.Check(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        if (await CheckRegionAsync(db, actor, input.RegionId, ct) is { } regionError)
        {
            return regionError;
        }

        var products = await CheckProductsAsync(db, input.Products ?? [], null, ct);
        if (!products.IsSuccess)
        {
            return products.Error!;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await SequenceNumbers.NextAsync(db, Promotion.NumberPrefix, clock.Today.Year, ct);
        var promotion = new Promotion(number, input.Name!, input.Kind!.Value, input.StartDate!.Value, input.EndDate!.Value, input.RegionId, input.Terms);
        promotion.SetProducts(products.Value!, out _, out _);
        db.Promotions.Add(promotion);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (await PromotionQueries.LoadAsync(db, actor, promotion.Id, ct))!;
    }

    /// <summary>Replaces details and (when sent) the product set of a Draft campaign. A removed product must have no allocations.</summary>
    public async Task<Result<PromotionDetails>> UpdateAsync(Guid id, PromotionInput input, int? version, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PromotionPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (PromotionRules.Check(input) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadForChangeAsync(db, actor, id, version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var promotion = loaded.Value!;
        if (!PromotionScope.MayChange(actor, promotion.RegionId))
        {
            return PromotionErrors.OutsideRegion;
        }

        if (await CheckRegionAsync(db, actor, input.RegionId, ct) is { } regionError)
        {
            return regionError;
        }

        var edited = promotion.Edit(input.Name!, input.Kind!.Value, input.StartDate!.Value, input.EndDate!.Value, input.RegionId, input.Terms);
        if (!edited.IsSuccess)
        {
            return edited.Error!;
        }

        if (input.Products is { } wanted)
        {
            var products = await CheckProductsAsync(db, wanted, promotion.Products.Select(p => p.ProductId).ToHashSet(), ct);
            if (!products.IsSuccess)
            {
                return products.Error!;
            }

            var kept = products.Value!.Select(p => p.ProductId).ToHashSet();
            if (promotion.Allocations.FirstOrDefault(a => !kept.Contains(a.ProductId)) is { } allocated)
            {
                return PromotionErrors.ProductAllocated(await db.Products.Where(p => p.Id == allocated.ProductId).Select(p => p.Sku).SingleAsync(ct));
            }

            promotion.SetProducts(products.Value!, out var removed, out var added);
            db.PromotionProducts.RemoveRange(removed);
            db.PromotionProducts.AddRange(added);
        }

        return await SaveAsync(db, actor, id, ct);
    }

    /// <summary>
    /// Replaces the allocations of the dealers the actor sees (others' stay as they are): each row a dealer, a campaign product
    /// and a quantity in the product's base unit; dealers must be trading and inside the campaign's region, no dealer+product twice.
    /// </summary>
    public async Task<Result<PromotionDetails>> SetAllocationsAsync(Guid id, IReadOnlyList<PromotionAllocationInput>? allocations, int? version, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PromotionPermissions.Manage) is { } denied)
        {
            return denied;
        }

        if (PromotionRules.Check(allocations) is { } invalid)
        {
            return invalid;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadForChangeAsync(db, actor, id, version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var promotion = loaded.Value!;
        if (promotion.Status is not (PromotionStatus.Draft or PromotionStatus.Active))
        {
            return PromotionErrors.WrongStatus(promotion.Status);
        }

        var rows = allocations!.Select(a => (DealerId: a.DealerId!.Value, ProductId: a.ProductId!.Value, Quantity: a.Quantity!.Value)).ToList();
        var dealerIds = rows.Select(r => r.DealerId).Concat(promotion.Allocations.Select(a => a.DealerId)).Distinct().ToList();
        var dealers = await db.Dealers.VisibleTo(actor).Where(d => dealerIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Code, d.Name, d.Status, d.RegionId })
            .ToDictionaryAsync(d => d.Id, ct);
        var productIds = rows.Select(r => r.ProductId).Distinct().ToList();
        var skus = await db.Products.Where(p => productIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Sku, ct);
        var campaignProducts = promotion.Products.Select(p => p.ProductId).ToHashSet();
        var seen = new HashSet<(Guid, Guid)>();
        for (var i = 0; i < rows.Count; i++)
        {
            var (dealerId, productId, quantity) = rows[i];
            if (!dealers.TryGetValue(dealerId, out var dealer))
            {
                return Error.NotFound("Dealer", dealerId);
            }

            if (!campaignProducts.Contains(productId))
            {
                return PromotionErrors.ProductNotInCampaign(skus.GetValueOrDefault(productId) ?? productId.ToString());
            }

            if (!seen.Add((dealerId, productId)))
            {
                return PromotionErrors.DuplicateAllocation(dealer.Name, skus[productId]);
            }

            if (dealer.Status != DealerStatus.Active)
            {
                return PromotionErrors.DealerNotTrading(dealer.Name);
            }

            if (promotion.RegionId is { } region && dealer.RegionId != region)
            {
                return PromotionErrors.DealerOutsideRegion(dealer.Name);
            }

            if (decimal.Round(quantity, 3) != quantity)
            {
                return Error.Invalid($"allocations[{i}].quantity", "decimals", ("max", 3));
            }
        }

        var replaced = promotion.ReplaceAllocations(dealers.Keys.ToHashSet(), rows, clock.UtcNow, out var removed, out var added);
        if (!replaced.IsSuccess)
        {
            return replaced.Error!;
        }

        db.PromotionAllocations.RemoveRange(removed);
        db.PromotionAllocations.AddRange(added);
        return await SaveAsync(db, actor, id, ct);
    }

    public async Task<Result<PromotionDetails>> StepAsync(Guid id, PromotionStep step, int? version, Actor actor, CancellationToken ct)
    {
        if (actor.Require(PromotionPermissions.Manage) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadForChangeAsync(db, actor, id, version, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var promotion = loaded.Value!;
        if (!PromotionScope.MayChange(actor, promotion.RegionId))
        {
            return PromotionErrors.OutsideRegion;
        }

        var done = step switch
        {
            PromotionStep.Activate => promotion.Activate(clock.UtcNow),
            PromotionStep.Close => promotion.Close(clock.UtcNow),
            PromotionStep.Cancel => promotion.Cancel(clock.UtcNow),
            _ => throw new ArgumentOutOfRangeException(nameof(step)),
        };
        if (!done.IsSuccess)
        {
            return done.Error!;
        }

        return await SaveAsync(db, actor, id, ct);
    }

    private static async Task<Result<Promotion>> LoadForChangeAsync(SalesFlowDbContext db, Actor actor, Guid id, int? version, CancellationToken ct)
    {
        var visible = await PromotionScope.VisibleAsync(db, actor, ct);
        var promotion = await visible.Include(p => p.Products).Include(p => p.Allocations).AsSplitQuery().SingleOrDefaultAsync(p => p.Id == id, ct);
        if (promotion is null)
        {
            return PromotionErrors.NotFound(id);
        }

        if (version is { } sent && sent != promotion.Version)
        {
            return Error.StaleVersion("Promotion", sent, promotion.Version, await PromotionQueries.LoadAsync(db, actor, id, ct));
        }

        return promotion;
    }

    private static async Task<Result<PromotionDetails>> SaveAsync(SalesFlowDbContext db, Actor actor, Guid id, CancellationToken ct)
    {
        if (await db.SaveOrConflictAsync("Promotion", ct) is { } conflict)
        {
            return conflict;
        }

        db.ChangeTracker.Clear();
        return (await PromotionQueries.LoadAsync(db, actor, id, ct))!;
    }

    /// <summary>The region must be an org unit of kind Region, and one the actor may run campaigns for (company-wide: All-scope roles only).</summary>
    private static async Task<Error?> CheckRegionAsync(SalesFlowDbContext db, Actor actor, Guid? regionId, CancellationToken ct)
    {
        if (regionId is { } r && !await db.OrgUnits.AnyAsync(u => u.Id == r && u.Kind == OrgUnitKind.Region && !u.IsDeleted, ct))
        {
            return Error.Invalid("regionId", "notFound");
        }

        return PromotionScope.MayChange(actor, regionId) ? null : PromotionErrors.OutsideRegion;
    }

    /// <summary>Each product exists (400 naming the row), is listed once and is active (a product already in the campaign may stay even if retired since).</summary>
    private static async Task<Result<IReadOnlyList<(Guid ProductId, decimal? DiscountPercent, string? Note)>>> CheckProductsAsync(
        SalesFlowDbContext db, IReadOnlyList<PromotionProductInput> input, HashSet<Guid>? already, CancellationToken ct)
    {
        var ids = input.Select(p => p.ProductId!.Value).Distinct().ToList();
        var found = await db.Products.Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.Sku, p.IsActive }).ToDictionaryAsync(p => p.Id, ct);
        var seen = new HashSet<Guid>();
        for (var i = 0; i < input.Count; i++)
        {
            var id = input[i].ProductId!.Value;
            if (!found.TryGetValue(id, out var product))
            {
                return Error.Invalid($"products[{i}].productId", "notFound");
            }

            if (!seen.Add(id))
            {
                return PromotionErrors.DuplicateProduct(product.Sku);
            }

            if (!product.IsActive && already?.Contains(id) != true)
            {
                return PromotionErrors.ProductInactive(product.Sku);
            }
        }

        return input.Select(p => (p.ProductId!.Value, p.DiscountPercent, p.Note)).ToList();
    }
}
