using SalesFlow.Core.Catalog;
using SalesFlow.Core.Catalog.Prices;
using SalesFlow.Core.Catalog.Products;
using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Catalog;

/// <summary>PUT body: the representation GET returned, edited; ids, status flag, audit fields are read-only and ignored.</summary>
public sealed record ProductBody(
    string Sku, string NameZh, string? NameEn, string ProductLine, string? Category, string Unit, int QuantityDecimals, decimal TaxRate,
    decimal? CostPrice, decimal? WeightKg, decimal? VolumeM3, IReadOnlyList<UnitConversionInput>? Conversions, int? Version,
    Guid? Id = null, bool? IsActive = null, DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null,
    string? UpdatedBy = null)
{
    public ProductInput ToInput() =>
        new(Sku, NameZh, NameEn, ProductLine, Category, Unit, QuantityDecimals, TaxRate, CostPrice, WeightKg, VolumeM3, Conversions);
}

public sealed record VersionBody(int? Version);

public sealed record ProductListQuery(string? Q, string? ProductLine, string? Category, bool? Active, string? Sort, string? Cursor, int? PageSize, bool? Count);

/// <summary>PUT body of a price list: the GET representation; status is changed only by the verbs, items only through /items.</summary>
public sealed record PriceListBody(
    string Code, string Name, DateOnly? ValidFrom, DateOnly? ValidTo, Guid? RegionId, SalesChannel? Channel, CustomerType? CustomerGroup,
    DealerTier? DealerTier, int? Version, Guid? Id = null, string? Currency = null, string? RegionName = null, PriceListStatus? Status = null,
    IReadOnlyList<PriceListItemRow>? Items = null, DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null,
    string? UpdatedBy = null, Guid? ApprovalRequestId = null, string? RejectionReason = null, IReadOnlyList<SalesFlow.Core.Approvals.ApprovalDetails>? Approvals = null);

public sealed record PriceListItemBody(Guid? ProductId, decimal? MinQuantity, decimal? UnitPrice, decimal? FloorPrice);

public sealed record CopyPriceListBody(string Code, string? Name, DateOnly? ValidFrom, DateOnly? ValidTo);

public sealed record PriceListListQuery(
    string? Q, PriceListStatus? Status, Guid? RegionId, SalesChannel? Channel, Guid? ProductId, string? Sort, string? Cursor, int? PageSize, bool? Count);

public sealed record ResolveQuery(Guid CustomerId, Guid ProductId, decimal Quantity, string? Unit, SalesChannel? Channel, DateOnly? Date, DealerTier? DealerTier);

internal static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        var products = app.MapGroup("/api/v1/products").WithTags("Catalog").RequireAuthorization(CatalogPermissions.View);
        products.MapGet("/", ListProducts).WithName("ListProducts");
        products.MapGet("/lines", async (Actor actor, ProductQueries queries, CancellationToken ct) => (await queries.LinesAsync(actor, ct)).ToOk())
            .WithName("ListProductLines");
        products.MapGet("/{id:guid}", async (Guid id, Actor actor, ProductQueries queries, CancellationToken ct) =>
            Details(await queries.GetAsync(actor, id, ct))).WithName("GetProduct");
        var manage = products.MapGroup("").RequireAuthorization(CatalogPermissions.Manage);
        manage.MapPost("/", async (ProductInput body, Actor actor, SaveProductHandler handler, CancellationToken ct) =>
        {
            var created = await handler.CreateAsync(body, actor, ct);
            return created.IsSuccess
                ? (IResult)TypedResults.Created($"/api/v1/products/{created.Value!.Id}", (object)created.Value)
                : created.Error!.ToProblem();
        }).WithIdempotency().WithName("CreateProduct");
        manage.MapPut("/{id:guid}", async (Guid id, ProductBody body, HttpRequest http, Actor actor, SaveProductHandler handler, CancellationToken ct) =>
            Details(await handler.UpdateAsync(new UpdateProduct(id, body.ToInput(), Versions.From(http, body.Version)), actor, ct))).WithName("UpdateProduct");
        manage.MapPost("/{id:guid}/deactivate", async (Guid id, VersionBody body, HttpRequest http, Actor actor, SaveProductHandler handler, CancellationToken ct) =>
            Details(await handler.SetActiveAsync(new SetProductActive(id, false, Versions.From(http, body.Version)), actor, ct))).WithName("DeactivateProduct");
        manage.MapPost("/{id:guid}/activate", async (Guid id, VersionBody body, HttpRequest http, Actor actor, SaveProductHandler handler, CancellationToken ct) =>
            Details(await handler.SetActiveAsync(new SetProductActive(id, true, Versions.From(http, body.Version)), actor, ct))).WithName("ActivateProduct");

        var lists = app.MapGroup("/api/v1/price-lists").WithTags("Catalog").RequireAuthorization(CatalogPermissions.View);
        lists.MapGet("/", ListPriceLists).WithName("ListPriceLists");
        lists.MapGet("/{id:guid}", async (Guid id, Actor actor, PriceListQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetPriceList");
        var prices = lists.MapGroup("").RequireAuthorization(CatalogPermissions.ManagePrices);
        prices.MapPost("/", async (PriceListInput body, Actor actor, PriceListHandler handler, CancellationToken ct) =>
            Created(await handler.CreateAsync(body, actor, ct))).WithIdempotency().WithName("CreatePriceList");
        prices.MapPut("/{id:guid}", UpdatePriceList).WithName("UpdatePriceList");
        prices.MapPut("/{id:guid}/items", async (Guid id, PriceListItemBody body, Actor actor, PriceListHandler handler, CancellationToken ct) =>
            (await handler.SetItemAsync(new SetPriceListItem(id, body.ProductId, body.MinQuantity, body.UnitPrice, body.FloorPrice), actor, ct)).ToOk())
            .WithName("SetPriceListItem");
        prices.MapDelete("/{id:guid}/items/{itemId:guid}", async (Guid id, Guid itemId, Actor actor, PriceListHandler handler, CancellationToken ct) =>
            (await handler.RemoveItemAsync(id, itemId, actor, ct)).ToOk()).WithName("RemovePriceListItem");
        prices.MapPost("/{id:guid}/copy", async (Guid id, CopyPriceListBody body, Actor actor, PriceListHandler handler, CancellationToken ct) =>
            Created(await handler.CopyAsync(new CopyPriceList(id, body.Code, body.Name, body.ValidFrom, body.ValidTo), actor, ct))).WithName("CopyPriceList");
        prices.MapPost("/{id:guid}/submit", (Guid id, VersionBody body, HttpRequest http, Actor actor, PriceListHandler handler, CancellationToken ct) =>
            Step(id, PriceListStep.Submit, body, http, actor, handler, ct)).WithName("SubmitPriceList");
        lists.MapPost("/{id:guid}/activate", (Guid id, VersionBody body, HttpRequest http, Actor actor, PriceListHandler handler, CancellationToken ct) =>
            Step(id, PriceListStep.Activate, body, http, actor, handler, ct)).RequireAuthorization(CatalogPermissions.ApprovePrices).WithName("ActivatePriceList");
        lists.MapPost("/{id:guid}/retire", (Guid id, VersionBody body, HttpRequest http, Actor actor, PriceListHandler handler, CancellationToken ct) =>
            Step(id, PriceListStep.Retire, body, http, actor, handler, ct)).RequireAuthorization(CatalogPermissions.ApprovePrices).WithName("RetirePriceList");

        app.MapGet("/api/v1/prices/resolve", async ([AsParameters] ResolveQuery query, Actor actor, PriceQueries queries, CancellationToken ct) =>
            (await queries.ResolveAsync(
                new ResolvePrice(query.CustomerId, query.ProductId, query.Quantity, query.Unit, query.Channel, query.Date, query.DealerTier), actor, ct)).ToOk())
            .WithTags("Catalog").RequireAuthorization(CatalogPermissions.View).WithName("ResolvePrice");
        return app;
    }

    // The runtime shape is written: ProductCostDetails (with cost) only ever reaches callers holding ViewCost.
    private static IResult Details(Result<ProductDetails> result) =>
        result.IsSuccess ? TypedResults.Ok((object)result.Value!) : result.Error!.ToProblem();

    private static IResult Created(Result<PriceListDetails> result) =>
        result.IsSuccess ? TypedResults.Created($"/api/v1/price-lists/{result.Value!.Id}", result.Value) : result.Error!.ToProblem();

    private static async Task<IResult> ListProducts([AsParameters] ProductListQuery query, Actor actor, ProductQueries queries, CancellationToken ct)
    {
        var filter = new ProductFilter(query.Q, query.ProductLine, query.Category, query.Active);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return actor.Can(CatalogPermissions.ViewCost)
            ? (await queries.ListWithCostAsync(actor, filter, page, ct)).ToOk()
            : (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> ListPriceLists([AsParameters] PriceListListQuery query, Actor actor, PriceListQueries queries, CancellationToken ct)
    {
        var filter = new PriceListFilter(query.Q, query.Status, query.RegionId, query.Channel, query.ProductId);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> UpdatePriceList(Guid id, PriceListBody body, HttpRequest http, Actor actor, PriceListQueries queries, PriceListHandler handler, CancellationToken ct)
    {
        // Status moves only through the verbs, and only drafts are edited (the handler answers notDraft for the others):
        // on a draft, any other status in the body is a change.
        if (body.Status is { } status && status != PriceListStatus.Draft
            && await queries.GetAsync(actor, id, ct) is { IsSuccess: true } stored && stored.Value!.Status == PriceListStatus.Draft)
        {
            return Error.Invalid("status", "changeThroughAction").ToProblem();
        }

        var input = new PriceListInput(body.Code, body.Name, body.ValidFrom, body.ValidTo, body.RegionId, body.Channel, body.CustomerGroup, body.DealerTier);
        return (await handler.UpdateAsync(new UpdatePriceList(id, input, Versions.From(http, body.Version)), actor, ct)).ToOk();
    }

    private static async Task<IResult> Step(Guid id, PriceListStep step, VersionBody body, HttpRequest http, Actor actor, PriceListHandler handler, CancellationToken ct) =>
        (await handler.ChangeStatusAsync(new ChangePriceListStatus(id, step, Versions.From(http, body.Version)), actor, ct)).ToOk();
}
