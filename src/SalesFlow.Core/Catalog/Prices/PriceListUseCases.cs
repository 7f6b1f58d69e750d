using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SalesFlow.Core.Approvals;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Core.Data;
using SalesFlow.Core.Organization;

namespace SalesFlow.Core.Catalog.Prices;

/// <summary>The header of a price list: code, name, segment (each part optional) and validity.</summary>
public sealed record PriceListInput(
    [property: Required, StringLength(PriceList.CodeMaxLength, MinimumLength = 1)] string Code,
    [property: Required, StringLength(PriceList.NameMaxLength, MinimumLength = 1)] string Name,
    [property: Required] DateOnly? ValidFrom,
    DateOnly? ValidTo = null,
    Guid? RegionId = null,
    SalesChannel? Channel = null,
    CustomerType? CustomerGroup = null,
    DealerTier? DealerTier = null);

public sealed record UpdatePriceList(Guid Id, PriceListInput List, [property: Required] int? Version);

/// <summary>Sets the price of a product from a minimum quantity (in the product's base unit) upwards.</summary>
public sealed record SetPriceListItem(
    Guid PriceListId,
    [property: Required] Guid? ProductId,
    [property: Required, Range(typeof(decimal), "0", "1000000000")] decimal? MinQuantity,
    [property: Required, Range(typeof(decimal), "0", "1000000000000")] decimal? UnitPrice,
    [property: Range(typeof(decimal), "0", "1000000000000")] decimal? FloorPrice = null);

/// <summary>A new draft with the same segment and items, under a new code and validity: how a price change starts.</summary>
public sealed record CopyPriceList(
    Guid Id,
    [property: Required, StringLength(PriceList.CodeMaxLength, MinimumLength = 1)] string Code,
    [property: StringLength(PriceList.NameMaxLength)] string? Name,
    [property: Required] DateOnly? ValidFrom,
    DateOnly? ValidTo = null);

public enum PriceListStep
{
    Submit,
    Activate,
    Retire,
}

public sealed record ChangePriceListStatus(Guid Id, PriceListStep Step, [property: Required] int? Version);

/// <summary>
/// The price-list use cases. Only drafts are edited; submit asks the approvals engine (approval activates the list,
/// rejection returns it to draft), retire is the approver's; there is no direct activation.
/// </summary>
public sealed class PriceListHandler(IDbContextFactory<SalesFlowDbContext> dbFactory, PriceListQueries queries, ApprovalEngine engine)
{
    public async Task<Result<PriceListDetails>> CreateAsync(PriceListInput request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(CatalogPermissions.ManagePrices) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var code = request.Code.Trim();
        if (await CheckAsync(db, request, null, ct) is { } invalid)
        {
            return invalid;
        }

        var list = new PriceList(code, request.Name.Trim(), "CNY", request.ValidFrom!.Value, request.ValidTo);
        list.AppliesTo(request.RegionId, request.Channel, request.CustomerGroup, request.DealerTier);
        db.PriceLists.Add(list);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, list.Id, ct);
    }

    public async Task<Result<PriceListDetails>> UpdateAsync(UpdatePriceList request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(CatalogPermissions.ManagePrices) ?? RequestValidation.Check(request) ?? RequestValidation.Check(request.List)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadDraftAsync(db, actor, request.Id, request.Version, withItems: false, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var list = loaded.Value!;
        var input = request.List;
        if (await CheckAsync(db, input, list.Id, ct) is { } invalid)
        {
            return invalid;
        }

        list.Recode(input.Code.Trim());
        list.Rename(input.Name.Trim());
        list.SetValidity(input.ValidFrom!.Value, input.ValidTo);
        list.AppliesTo(input.RegionId, input.Channel, input.CustomerGroup, input.DealerTier);
        if (await db.SaveOrConflictAsync("PriceList", ct) is { } conflict)
        {
            return conflict;
        }

        return await queries.GetAsync(actor, list.Id, ct);
    }

    /// <summary>Adds or replaces one price (product + minimum quantity) of a draft.</summary>
    public async Task<Result<PriceListDetails>> SetItemAsync(SetPriceListItem request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(CatalogPermissions.ManagePrices) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        if (request.FloorPrice is { } floor && floor > request.UnitPrice!.Value)
        {
            return CatalogErrors.FloorAbovePrice;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadDraftAsync(db, actor, request.PriceListId, null, withItems: true, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == request.ProductId, ct);
        if (product is null)
        {
            return CatalogErrors.ProductNotFound(request.ProductId!.Value);
        }

        if (!product.IsActive)
        {
            return CatalogErrors.ProductInactive;
        }

        // 0 means "from the first unit"; any other minimum is a quantity of the product and keeps its decimals.
        var minQuantity = request.MinQuantity!.Value;
        if (minQuantity != 0 && !product.IsValidQuantity(minQuantity))
        {
            return CatalogErrors.QuantityDecimals;
        }

        loaded.Value!.SetPrice(product.Id, minQuantity, request.UnitPrice!.Value, request.FloorPrice);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, request.PriceListId, ct);
    }

    public async Task<Result<PriceListDetails>> RemoveItemAsync(Guid priceListId, Guid itemId, Actor actor, CancellationToken ct)
    {
        if (actor.Require(CatalogPermissions.ManagePrices) is { } denied)
        {
            return denied;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var loaded = await LoadDraftAsync(db, actor, priceListId, null, withItems: true, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var item = loaded.Value!.Items.FirstOrDefault(i => i.Id == itemId);
        if (item is null)
        {
            return CatalogErrors.ItemNotFound(itemId);
        }

        loaded.Value.RemovePrice(item.ProductId, item.MinQuantity);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, priceListId, ct);
    }

    public async Task<Result<PriceListDetails>> CopyAsync(CopyPriceList request, Actor actor, CancellationToken ct)
    {
        if ((actor.Require(CatalogPermissions.ManagePrices) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        var source = await db.PriceLists.AsNoTracking().Include(p => p.Items).SingleOrDefaultAsync(p => p.Id == request.Id, ct);
        if (source is null)
        {
            return CatalogErrors.PriceListNotFound(request.Id);
        }

        var input = new PriceListInput(
            request.Code.Trim(), string.IsNullOrWhiteSpace(request.Name) ? source.Name : request.Name.Trim(), request.ValidFrom, request.ValidTo,
            source.RegionId, source.Channel, source.CustomerGroup, source.DealerTier);
        if (await CheckAsync(db, input, null, ct) is { } invalid)
        {
            return invalid;
        }

        var copy = new PriceList(input.Code, input.Name, source.Currency, input.ValidFrom!.Value, input.ValidTo);
        copy.AppliesTo(source.RegionId, source.Channel, source.CustomerGroup, source.DealerTier);
        foreach (var item in source.Items)
        {
            copy.SetPrice(item.ProductId, item.MinQuantity, item.UnitPrice, item.FloorPrice);
        }

        db.PriceLists.Add(copy);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(actor, copy.Id, ct);
    }

    /// <summary>
    /// Submit: Draft → PendingApproval with an approval request up to the director (<see cref="PriceListApproval"/>; a director's own
    /// list is active at once). Activate is refused with <c>priceList.approvalRequired</c>: a list becomes active only when its
    /// approval is granted. Retire: Draft, PendingApproval (its pending request is cancelled) or Active → Retired (approver only).
    /// </summary>
    public async Task<Result<PriceListDetails>> ChangeStatusAsync(ChangePriceListStatus request, Actor actor, CancellationToken ct)
    {
        var permission = request.Step == PriceListStep.Submit ? CatalogPermissions.ManagePrices : CatalogPermissions.ApprovePrices;
        if ((actor.Require(permission) ?? RequestValidation.Check(request)) is { } refused)
        {
            return refused;
        }

        await using var db = await dbFactory.OpenAsync(actor, ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var loaded = await LoadAsync(db, actor, request.Id, request.Version, withItems: false, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var list = loaded.Value!;
        switch (request.Step)
        {
            case PriceListStep.Submit:
                var submitted = await PriceListApproval.SubmitAsync(db, actor, list, ct);
                if (!submitted.IsSuccess)
                {
                    return submitted.Error!;
                }

                break;
            case PriceListStep.Activate:
                return CatalogErrors.ApprovalRequired;
            default:
                if (list.Status == PriceListStatus.Retired)
                {
                    return CatalogErrors.WrongStatus(list.Status);
                }

                if (list.Status == PriceListStatus.PendingApproval)
                {
                    await engine.CancelForSubjectAsync(db, PriceList.ApprovalKind, list.Id, ct);
                }

                list.SetStatus(PriceListStatus.Retired);
                break;
        }

        if (await db.SaveOrConflictAsync("PriceList", ct) is { } conflict)
        {
            return conflict;
        }

        await transaction.CommitAsync(ct);
        return await queries.GetAsync(actor, list.Id, ct);
    }

    private async Task<Result<PriceList>> LoadAsync(SalesFlowDbContext db, Actor actor, Guid id, int? version, bool withItems, CancellationToken ct)
    {
        IQueryable<PriceList> query = withItems ? db.PriceLists.Include(p => p.Items) : db.PriceLists;
        var list = await query.SingleOrDefaultAsync(p => p.Id == id, ct);
        if (list is null)
        {
            return CatalogErrors.PriceListNotFound(id);
        }

        return version is { } sent && list.Version != sent
            ? Error.StaleVersion("PriceList", sent, list.Version, (await queries.GetAsync(actor, id, ct)).Value)
            : list;
    }

    private async Task<Result<PriceList>> LoadDraftAsync(SalesFlowDbContext db, Actor actor, Guid id, int? version, bool withItems, CancellationToken ct)
    {
        var loaded = await LoadAsync(db, actor, id, version, withItems, ct);
        return loaded.IsSuccess && loaded.Value!.Status != PriceListStatus.Draft ? CatalogErrors.NotDraft(loaded.Value.Status) : loaded;
    }

    private static async Task<Error?> CheckAsync(SalesFlowDbContext db, PriceListInput input, Guid? self, CancellationToken ct)
    {
        var code = input.Code.Trim();
        if (input.ValidTo is { } to && to < input.ValidFrom!.Value)
        {
            return CatalogErrors.ValidityInvalid;
        }

        if (input.RegionId is { } region && !await db.OrgUnits.AnyAsync(u => u.Id == region && u.Kind == OrgUnitKind.Region, ct))
        {
            return CatalogErrors.RegionInvalid;
        }

        return await db.PriceLists.AnyAsync(p => p.Code == code && p.Id != self, ct) ? CatalogErrors.CodeTaken : null;
    }
}
