using SalesFlow.Core.Common;
using SalesFlow.Core.Customers;
using SalesFlow.Web.Api;

namespace SalesFlow.Web.Features.Customers;

/// <summary>PUT body: the representation GET returned, edited. Read-only fields are accepted and ignored.</summary>
public sealed record CustomerBody(
    string Name, CustomerType? Type, CustomerClass? Class, ValueTier? ValueTier, string? Industry, Guid? RegionId,
    string? Address, string? Phone, IReadOnlyList<string>? Tags, int? Version,
    Guid? Id = null, string? Number = null, string? RegionName = null, Guid? OwnerId = null, string? OwnerName = null,
    decimal? CreditLimit = null, int? PaymentTermsDays = null, bool? IsDeleted = null, IReadOnlyList<ContactRow>? Contacts = null,
    DateTimeOffset? CreatedAtUtc = null, string? CreatedBy = null, DateTimeOffset? UpdatedAtUtc = null, string? UpdatedBy = null,
    string? PreferredLanguage = null);

public sealed record CreditBody(decimal? CreditLimit, int? PaymentTermsDays, int? Version);

public sealed record ContactBody(
    string FullName, string? Title, string? OfficePhone, string? Mobile, string? Email, bool? IsPrimary, int? Version, Guid? Id = null);

public sealed record CustomerListQuery(
    string? Q, string? Region, CustomerClass? Class, ValueTier? Tier, CustomerType? Type, Guid? OwnerId, string? Tag, bool? Deleted,
    string? Sort, string? Cursor, int? PageSize, bool? Count);

internal static class CustomerEndpoints
{
    public static RouteGroupBuilder MapCustomerEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/customers").WithTags("Customers").RequireAuthorization(CustomerPermissions.View);
        group.MapGet("/", List).WithName("ListCustomers");
        group.MapGet("/{id:guid}", async (Guid id, Actor actor, CustomerQueries queries, CancellationToken ct) =>
            (await queries.GetAsync(actor, id, ct)).ToOk()).WithName("GetCustomer");
        group.MapGet("/{id:guid}/contacts", async (Guid id, Actor actor, CustomerQueries queries, CancellationToken ct) =>
        {
            var customer = await queries.GetAsync(actor, id, ct);
            return customer.IsSuccess ? (IResult)TypedResults.Ok(customer.Value!.Contacts) : customer.Error!.ToProblem();
        }).WithName("ListCustomerContacts");

        var edit = group.MapGroup("").RequireAuthorization(CustomerPermissions.Edit);
        edit.MapPost("/", Create).WithIdempotency().WithName("CreateCustomer");
        edit.MapPut("/{id:guid}", Update).WithName("UpdateCustomer");
        edit.MapDelete("/{id:guid}", async (Guid id, Actor actor, DeleteCustomerHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new DeleteCustomer(id), actor, ct)).ToNoContent()).WithName("DeleteCustomer");
        edit.MapPost("/{id:guid}/restore", async (Guid id, Actor actor, DeleteCustomerHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new RestoreCustomer(id), actor, ct)).ToNoContent()).WithName("RestoreCustomer");
        edit.MapPost("/{id:guid}/contacts", AddContact).WithName("AddCustomerContact");
        edit.MapPut("/{id:guid}/contacts/{contactId:guid}", UpdateContact).WithName("UpdateCustomerContact");
        edit.MapDelete("/{id:guid}/contacts/{contactId:guid}", async (Guid id, Guid contactId, Actor actor, DeleteCustomerHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(new RemoveContact(id, contactId), actor, ct)).ToNoContent()).WithName("RemoveCustomerContact");

        group.MapPost("/{id:guid}/credit", SetCredit).RequireAuthorization(CustomerPermissions.EditCredit).WithName("SetCustomerCredit");
        group.MapPost("/hand-over", async (HandOverCustomers request, Actor actor, HandOverCustomersHandler handler, CancellationToken ct) =>
            (await handler.HandleAsync(request, actor, ct)).ToOk()).RequireAuthorization(CustomerPermissions.HandOver).WithName("HandOverCustomers");
        return group;
    }

    private static async Task<IResult> List([AsParameters] CustomerListQuery query, Actor actor, CustomerQueries queries, CancellationToken ct)
    {
        var filter = new CustomerFilter(query.Q, query.Region, query.Class, query.Tier, query.Type, query.OwnerId, query.Tag, query.Deleted ?? false);
        var page = new PageRequest(query.Sort, query.Cursor, query.PageSize ?? 50, query.Count ?? true);
        return (await queries.ListAsync(actor, filter, page, ct)).ToOk();
    }

    private static async Task<IResult> Create(CreateCustomer request, Actor actor, CreateCustomerHandler handler, CancellationToken ct)
    {
        var created = await handler.HandleAsync(request, actor, ct);
        return created.IsSuccess
            ? TypedResults.Created($"/api/v1/customers/{created.Value!.Id}", created.Value)
            : created.Error!.ToProblem();
    }

    private static async Task<IResult> Update(Guid id, CustomerBody body, HttpRequest http, Actor actor, UpdateCustomerHandler handler, CancellationToken ct)
    {
        var request = new UpdateCustomer(
            id, body.Name, body.Type, body.Class, body.ValueTier, body.Industry, body.RegionId, body.Address, body.Phone, body.Tags,
            Versions.From(http, body.Version), body.OwnerId, body.CreditLimit, body.PaymentTermsDays, body.PreferredLanguage);
        return (await handler.HandleAsync(request, actor, ct)).ToOk();
    }

    private static async Task<IResult> SetCredit(Guid id, CreditBody body, HttpRequest http, Actor actor, SetCustomerCreditHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(new SetCustomerCredit(id, body.CreditLimit, body.PaymentTermsDays, Versions.From(http, body.Version)), actor, ct)).ToOk();

    private static async Task<IResult> AddContact(Guid id, ContactBody body, Actor actor, SaveContactHandler handler, CancellationToken ct)
    {
        var saved = await handler.HandleAsync(
            new SaveContact(id, null, body.FullName, body.Title, body.OfficePhone, body.Mobile, body.Email, body.IsPrimary ?? false, null), actor, ct);
        return saved.IsSuccess
            ? TypedResults.Created($"/api/v1/customers/{id}/contacts/{saved.Value!.Id}", saved.Value)
            : saved.Error!.ToProblem();
    }

    private static async Task<IResult> UpdateContact(Guid id, Guid contactId, ContactBody body, HttpRequest http, Actor actor, SaveContactHandler handler, CancellationToken ct) =>
        (await handler.HandleAsync(
            new SaveContact(id, contactId, body.FullName, body.Title, body.OfficePhone, body.Mobile, body.Email, body.IsPrimary ?? false, Versions.From(http, body.Version)),
            actor, ct)).ToOk();
}
